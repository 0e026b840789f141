import { applyInformantContract } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { applyInformant } from '../../points/informant-registration';

/** `applyInformant` (申请成为兼职信息员): see points/informant-registration.ts. */
export const main = defineFunction(applyInformantContract, async (request, { caller, now }) => ({
  application: await applyInformant(request, caller, now.getTime()),
}));
