import { registerVolunteerContract } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { applicationViewOf, registerVolunteer } from '../../service/volunteer-registration';

/** `registerVolunteer` (在职党员/志愿者网格报到): see service/volunteer-registration.ts. */
export const main = defineFunction(registerVolunteerContract, async (request, { caller, now }) => ({
  application: applicationViewOf(await registerVolunteer(request, caller, now.getTime())),
}));
