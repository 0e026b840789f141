import { REOPEN_MAX_SATISFACTION } from '../report/apply-transition';
import type { Report, ReportEvent, ReportEventType } from '../report/report';
import { timeLimitReading, type TimeLimits } from '../time/time-limit';

/**
 * What one report adds to its unit's 工作考核 figures (docs/DESIGN.md, "工作考核"): every field a count or a
 * sum, so that a unit's totals are field-by-field sums the database's `$group` can take, and the rates are
 * worked out from the sums once (performanceFigures). A report counts in the period of its submission.
 */
export type PerformanceFacts = {
  /** 收件: 1 unless the reporter withdrew it before anyone looked (撤回 is no work of the unit's). */
  readonly received: 0 | 1;
  /** 受理: 1 once it was accepted, whatever happened after (rejected reports never are). */
  readonly accepted: 0 | 1;
  /** 办结: 1 while it stands verified and closed (closed or rated); a reopened case is not, until closed again. */
  readonly closed: 0 | 1;
  /** 按期办结: closed, and its latest resolution fell within the handling deadline (its frozen light is green). */
  readonly closedOnTime: 0 | 1;
  /** Hours from first acceptance to the latest resolution, in ms, for a closed case (0 otherwise). */
  readonly handlingMs: number;
  /** 返工: closed, and sent back at least once at verification (核查不通过). */
  readonly reworked: 0 | 1;
  /**
   * 评价: 1 when its reporter rated it at least once. The verdict counted is the latest on the timeline, not
   * the report's `rating` field, which a reopening clears: a 不满意 that reopened the case keeps counting
   * until a newer verdict replaces it.
   */
  readonly rated: 0 | 1;
  /** The latest verdict was 满意 or 基本满意 (satisfaction above REOPEN_MAX_SATISFACTION: 3 基本满意, 4–5 满意). */
  readonly satisfied: 0 | 1;
  /** 上报上级: 1 when it was escalated at least once. */
  readonly escalated: 0 | 1;
  /** 督办 notes it received, and how many of them were answered. */
  readonly supervised: number;
  readonly supervisionAnswered: number;
};

export type PerformanceTotals = { readonly [field in keyof PerformanceFacts]: number };

/** The fields of PerformanceFacts, named once for the sums (and the aggregation's $group). */
export const PERFORMANCE_FACT_FIELDS = [
  'received',
  'accepted',
  'closed',
  'closedOnTime',
  'handlingMs',
  'reworked',
  'rated',
  'satisfied',
  'escalated',
  'supervised',
  'supervisionAnswered',
] as const satisfies readonly (keyof PerformanceFacts)[];

type Counted = Pick<Report, 'status' | 'submittedAt' | 'acceptedAt' | 'rejectedAt' | 'resolvedAt'> & {
  readonly events: readonly Pick<ReportEvent, 'type' | 'rating'>[];
};

const bit = (condition: boolean): 0 | 1 => (condition ? 1 : 0);

/** What a report adds to the figures, read from its state and its timeline under its category's limits. */
export function performanceFactsOf(report: Counted, limits: TimeLimits): PerformanceFacts {
  const closed = report.status === 'closed' || report.status === 'rated';
  const count = (type: ReportEventType) => report.events.filter((event) => event.type === type).length;
  const { acceptedAt } = report;
  const resolvedAt = closed ? report.resolvedAt : undefined;
  const handled = resolvedAt !== undefined && acceptedAt !== undefined;
  const satisfaction = report.events.reduce<number | undefined>((latest, event) => event.rating?.satisfaction ?? latest, undefined);
  return {
    received: bit(report.status !== 'withdrawn'),
    accepted: bit(acceptedAt !== undefined),
    closed: bit(closed),
    closedOnTime: bit(handled && timeLimitReading(report, limits, resolvedAt).light === 'green'),
    handlingMs: handled ? resolvedAt - acceptedAt : 0,
    reworked: bit(closed && count('reworked') > 0),
    rated: bit(satisfaction !== undefined),
    satisfied: bit(satisfaction !== undefined && satisfaction > REOPEN_MAX_SATISFACTION),
    escalated: bit(count('escalated') > 0),
    supervised: count('supervised'),
    supervisionAnswered: count('supervision_answered'),
  };
}

/** The field-by-field sum of many reports' facts: what `$group` with `$sum` on each field answers. */
export function sumPerformanceFacts(facts: readonly PerformanceFacts[]): PerformanceTotals {
  const totals = Object.fromEntries(PERFORMANCE_FACT_FIELDS.map((field) => [field, 0])) as Record<keyof PerformanceFacts, number>;
  for (const each of facts) for (const field of PERFORMANCE_FACT_FIELDS) totals[field] += each[field];
  return totals;
}
