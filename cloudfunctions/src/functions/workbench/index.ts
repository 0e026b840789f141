import { CO_HANDLER_CATEGORIES, DUE_SOON_HOURS, WORKBENCH_CASES_MAX, homeKindOf, workbenchContract, type Workbench } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { casesPage, countCases } from '../../reports/case-queries.repository';
import { caseItemsOf } from '../../reports/case-items';
import { namesOfPlaces } from '../../reports/case-names.repository';
import { supervisionCounts } from '../../reports/supervision-list.repository';
import { WORKBENCH_OPEN_STATUSES, supervisionUnansweredCount, workbenchCounts } from '../../reports/workbench-counts';
import { findCaller, type KnownCaller } from '../../users/caller';

/**
 * `workbench`: the caller's home, by homeKindOf(roles). Round trips, all at once after the caller: a grid
 * worker the grids' names and six counts (five and 督办待回复); a 网格长 one more (待派单); a centre its
 * region's name and fourteen counts (its own six, its area's five, its 督办 list's three); a 网格警/网格医 the
 * grids' names, five counts and one page of
 * cases (plus the assignees' names). Counts are `count()`s on declared indexes: no document is read.
 */
export const main = defineFunction(workbenchContract, async (_request, { caller, now }): Promise<Workbench> => {
  const me = await findCaller(caller);
  const kind = me ? homeKindOf(me.actor.roles) : 'resident';
  if (!me || kind === 'resident') return { kind: 'resident' };
  const at = now.getTime();
  if (kind === 'centre') return centreHome(me, at);
  const gridCodes = [...me.actor.gridCodes];
  if (kind === 'police' || kind === 'doctor') return coHandlerHome(kind, gridCodes, at);
  const scope = { by: 'owner', codes: gridCodes } as const;
  const [grids, counts, supervisionUnanswered, toAssign] = await Promise.all([
    gridsOf(gridCodes),
    workbenchCounts(scope, at),
    supervisionUnansweredCount(gridCodes),
    kind === 'gridLeader' ? countCases({ scope, statuses: ['accepted'] }) : Promise.resolve(0),
  ]);
  if (kind === 'gridWorker') return { kind, grids, counts, supervisionUnanswered, dueSoonHours: DUE_SOON_HOURS };
  const queues = { toAssign, toVerify: counts.resolved };
  return { kind, grids, counts, queues, supervisionUnanswered, dueSoonHours: DUE_SOON_HOURS };
});

async function centreHome(me: KnownCaller, at: number): Promise<Workbench> {
  const centre = me.actor.centre;
  if (!centre) return { kind: 'resident' };
  const { level, regionCode } = centre;
  const [names, counts, areaCounts, supervisionUnanswered, supervision] = await Promise.all([
    namesOfPlaces([regionCode]),
    workbenchCounts({ by: 'owner', codes: [regionCode] }, at),
    workbenchCounts({ by: 'region', level, code: regionCode }, at),
    supervisionUnansweredCount([regionCode]),
    supervisionCounts(regionCode, at),
  ]);
  return {
    kind: 'centre',
    region: { code: regionCode, name: names.get(regionCode) ?? regionCode, level },
    counts,
    areaCounts,
    supervisionUnanswered,
    supervision,
    dueSoonHours: DUE_SOON_HOURS,
  };
}

async function coHandlerHome(kind: 'police' | 'doctor', gridCodes: string[], at: number): Promise<Workbench> {
  const categoryCodes = [...CO_HANDLER_CATEGORIES[kind]];
  const scope = { by: 'grid', codes: gridCodes } as const;
  const [grids, counts, page] = await Promise.all([
    gridsOf(gridCodes),
    workbenchCounts(scope, at, categoryCodes),
    casesPage({ scope, categoryCodes, statuses: WORKBENCH_OPEN_STATUSES }, 'urgency', { limit: WORKBENCH_CASES_MAX }),
  ]);
  const cases = await caseItemsOf(page.items, at, new Map(grids.map((grid) => [grid.code, grid.name])));
  return { kind, grids, categoryCodes, counts, cases, dueSoonHours: DUE_SOON_HOURS };
}

/** The caller's grids with their names (one read by `_id`), in the order the caller's record lists them. */
async function gridsOf(codes: readonly string[]): Promise<{ code: string; name: string }[]> {
  const names = await namesOfPlaces(codes);
  return codes.map((code) => ({ code, name: names.get(code) ?? code }));
}
