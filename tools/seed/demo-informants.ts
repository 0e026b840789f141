/**
 * The demo's informants as the grid staff's 信息员 page knows them: for each grid in a seeded informant's
 * `informantGridCodes` (people.json), an approved application `<grid>:<person>` as reviewInformant would
 * have left it (decided by the grid's 网格员, else its 网格长), so it is listed there and can be removed
 * there. Pure: the seed writes these only where missing, so a re-seed never undoes a decision made since
 * (and `informantGridCodes` is written to a user only when the seed creates them, for the same reason).
 */
import { applicationListKey, informantApplicationId, type InformantApplication, type PeopleFile } from '@pingan/shared';
import type { SeedDocument } from './demo-documents';

/** The approved informant applications of people.json at `now` (the first seed's moment). */
export function demoInformantApplications(people: PeopleFile, now: number): { informantApplications: SeedDocument[] } {
  const deciderOf = (gridCode: string): string => {
    const staff = (role: 'gridWorker' | 'gridLeader') =>
      people.people.find((person) => person.roles.includes(role) && person.gridCodes.includes(gridCode));
    return (staff('gridWorker') ?? staff('gridLeader'))?.id ?? 'seed';
  };
  const informantApplications = people.people.flatMap((person) =>
    (person.informantGridCodes ?? []).map((gridCode) => {
      const application: InformantApplication = {
        id: informantApplicationId(gridCode, person.id),
        gridCode,
        personId: person.id,
        name: person.name,
        phone: person.phone,
        motive: `${(person.tags ?? ['居民']).join('、')}，平时常在这一带走动，看到隐患就报`,
        status: 'approved',
        appliedAt: now,
        decidedAt: now,
        decidedBy: deciderOf(gridCode),
      };
      const { id, ...fields } = application;
      return { _id: id, ...fields, openid: person.openid, listKey: applicationListKey(application), version: 1 };
    }),
  );
  return { informantApplications };
}
