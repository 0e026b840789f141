import { reviewInformantContract } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { reviewInformant } from '../../points/informant-registration';

/** `reviewInformant` (信息员审核: 通过, 不通过, 取消资格): see points/informant-registration.ts. */
export const main = defineFunction(reviewInformantContract, async (request, { caller, now }) => ({
  application: await reviewInformant(request, caller, now.getTime()),
}));
