import { informantGridsOf, myInformantApplicationsContract } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { informantApplicationsOfPerson } from '../../points/informant-applications.repository';
import { informantViewOf } from '../../points/informant-registration';
import { placeNames } from '../../routing/regions.repository';
import { findCaller } from '../../users/caller';

/**
 * `myInformantApplications`: the caller's 信息员 applications (the latest first), the grids they are an
 * informant of, and the grid they joined (applied for when they name none); someone without a record has
 * none. 3 waves: the caller; their applications; the grids' names (one query).
 */
export const main = defineFunction(myInformantApplicationsContract, async (_request, { caller }) => {
  const me = await findCaller(caller);
  if (!me) return { applications: [], gridCodes: [], joinedGrid: null };
  const applications = await informantApplicationsOfPerson(me.user._id);
  const joined = me.user.joinedGridCode;
  const names = await placeNames([...applications.map((doc) => doc.gridCode), ...(joined ? [joined] : [])]);
  return {
    applications: applications.map((doc) => informantViewOf(doc, names.get(doc.gridCode) ?? doc.gridCode)),
    gridCodes: [...informantGridsOf(me.user)],
    joinedGrid: joined ? { code: joined, name: names.get(joined) ?? joined } : null,
  };
});
