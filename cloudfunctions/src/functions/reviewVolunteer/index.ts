import { reviewVolunteerContract } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { applicationViewOf, reviewVolunteer } from '../../service/volunteer-registration';

/** `reviewVolunteer` (报到审核): see service/volunteer-registration.ts. */
export const main = defineFunction(reviewVolunteerContract, async (request, { caller, now }) => ({
  application: applicationViewOf(await reviewVolunteer(request, caller, now.getTime())),
}));
