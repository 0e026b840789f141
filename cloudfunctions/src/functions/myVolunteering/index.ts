import { isGridVolunteer, myVolunteeringContract } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { applicationsOfPerson } from '../../service/volunteer-applications.repository';
import { applicationViewOf } from '../../service/volunteer-registration';
import { findCaller } from '../../users/caller';

/**
 * `myVolunteering`: the caller's 网格报到 applications (the latest first), the grids they volunteer in and
 * their skills; someone without a record has none. 2 waves: the caller; their applications.
 */
export const main = defineFunction(myVolunteeringContract, async (_request, { caller }) => {
  const me = await findCaller(caller);
  if (!me) return { applications: [], gridCodes: [], skills: [] };
  const applications = await applicationsOfPerson(me.actor.id);
  return {
    applications: applications.map(applicationViewOf),
    gridCodes: me.actor.gridCodes.filter((gridCode) => isGridVolunteer(me.actor, gridCode)),
    skills: [...(me.user.skills ?? [])],
  };
});
