import type { Report } from '../report/report';
import type { PerformanceFacts } from './performance-facts';

/** A worker's part of one report's facts: the person (users' `_id`) and the facts counted for them. */
export type PerformanceShare = { readonly personId: string } & Partial<PerformanceFacts>;

type Attributed = Pick<Report, 'events' | 'assignee'>;

/** The facts each kind of work answers for, named once (docs/DESIGN.md, "工作考核", per worker). */
const SCREENING = ['received', 'accepted'] as const satisfies readonly (keyof PerformanceFacts)[];
const HANDLING = [
  'closed',
  'closedOnTime',
  'handlingMs',
  'reworked',
  'rated',
  'satisfied',
] as const satisfies readonly (keyof PerformanceFacts)[];
const ESCALATION = ['escalated'] as const satisfies readonly (keyof PerformanceFacts)[];
const SUPERVISION = ['supervised', 'supervisionAnswered'] as const satisfies readonly (keyof PerformanceFacts)[];

/**
 * Which worker each of a report's facts counts for, so that a worker's figures are one `$group` by person
 * over the stored shares: 收件/受理 for whoever screened it (the first 受理, else the 驳回); 办结, 按期, 时长,
 * 返工 and the reporter's verdict for its latest resolver; 上报上级 for whoever escalated it first; its 督办
 * notes and their answers for whoever holds the case — the person it is assigned to, else its latest
 * resolver, else its screener. Facts nobody answers for yet (a report nobody has looked at) count for no
 * worker, only for the unit. One share per person, their facts merged.
 */
export function performanceSharesOf(report: Attributed, facts: PerformanceFacts): PerformanceShare[] {
  const firstActor = (type: string) => report.events.find((event) => event.type === type)?.actorId;
  const screener = firstActor('accepted') ?? firstActor('rejected');
  const resolver = [...report.events].reverse().find((event) => event.type === 'resolved')?.actorId;
  const escalator = firstActor('escalated');
  const holder = (report.assignee?.kind === 'person' ? report.assignee.personId : undefined) ?? resolver ?? screener;
  const parts: [string | undefined, readonly (keyof PerformanceFacts)[]][] = [
    [screener, SCREENING],
    [resolver, HANDLING],
    [escalator, ESCALATION],
    [holder, SUPERVISION],
  ];
  const shares = new Map<string, Record<string, number | string>>();
  for (const [personId, fields] of parts) {
    if (personId === undefined) continue;
    const share = shares.get(personId) ?? { personId };
    for (const field of fields) share[field] = facts[field];
    shares.set(personId, share);
  }
  return [...shares.values()].map((share) => share as PerformanceShare);
}

/** Every fact field some share answers for (the tests check that the attribution leaves none out). */
export const ATTRIBUTED_FIELDS: readonly (keyof PerformanceFacts)[] = [...SCREENING, ...HANDLING, ...ESCALATION, ...SUPERVISION];
