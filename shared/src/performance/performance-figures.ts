import type { PerformanceTotals } from './performance-facts';

/**
 * A unit's 工作考核 figures for a period (docs/DESIGN.md, "工作考核"). Rates are integer per-mille (‰,
 * 667 = 66.7 %), rounded half up; a rate whose denominator is 0 is null (shown "—"), never NaN or 0.
 */
export type PerformanceFigures = {
  readonly received: number;
  readonly accepted: number;
  /** 有效上报率 = accepted / received. */
  readonly validReportPermille: number | null;
  readonly closed: number;
  /** 办结率 = closed / accepted. */
  readonly closedPermille: number | null;
  /** 按期办结率 = closed on time / closed. */
  readonly onTimePermille: number | null;
  readonly rated: number;
  /** 满意率 = (满意 + 基本满意) / rated. */
  readonly satisfiedPermille: number | null;
  /** 平均办理时长 = Σ (latest resolution − first acceptance) / closed, in hours rounded half up to 0.1. */
  readonly averageHandlingHours: number | null;
  /** 返工率 = closed cases sent back at least once / closed. */
  readonly reworkPermille: number | null;
  readonly escalated: number;
  readonly supervised: number;
  readonly supervisionAnswered: number;
  /** 督办回复率 = 督办 notes answered / 督办 notes. */
  readonly supervisionAnsweredPermille: number | null;
};

const TENTH_HOUR_MS = 360_000;

/**
 * part / whole × 1000, rounded half up, in integers only (no float error at .5); null when whole is 0.
 * The one rounding rule of every rate.
 */
export function perMille(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.floor((2000 * part + whole) / (2 * whole));
}

/** The average of a total of milliseconds over a count, in hours to one decimal (half up); null for none. */
export function averageHours(totalMs: number, count: number): number | null {
  return count === 0 ? null : Math.floor((2 * totalMs + count * TENTH_HOUR_MS) / (2 * count * TENTH_HOUR_MS)) / 10;
}

/** The figures of a unit's summed facts: the formulas, written once. */
export function performanceFigures(totals: PerformanceTotals): PerformanceFigures {
  const { received, accepted, closed, rated, escalated, supervised, supervisionAnswered } = totals;
  return {
    received,
    accepted,
    validReportPermille: perMille(accepted, received),
    closed,
    closedPermille: perMille(closed, accepted),
    onTimePermille: perMille(totals.closedOnTime, closed),
    rated,
    satisfiedPermille: perMille(totals.satisfied, rated),
    averageHandlingHours: averageHours(totals.handlingMs, closed),
    reworkPermille: perMille(totals.reworked, closed),
    escalated,
    supervised,
    supervisionAnswered,
    supervisionAnsweredPermille: perMille(supervisionAnswered, supervised),
  };
}

/** A per-mille rate as people read it (66.7%), or "—" when there was nothing to divide by. */
export function permilleText(permille: number | null): string {
  return permille === null ? '—' : `${(permille / 10).toFixed(1)}%`;
}
