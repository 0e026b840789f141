import type { Actor } from '../people/actor';
import { isStaffRole } from '../people/role';
import type { Report } from '../report/report';
import type { PointsRules } from './points-rules';
import { informantGridsOf } from './informant-application';
import { shanghaiDayKey, shanghaiMonthKey } from '../time/shanghai-time';
import { type LedgerEntry, type ReversalCause, awardEntryId, monthCountedIn, reversalEntryId } from './ledger-entry';

/** What a category pays for a valid report: money to an informant, community points to anyone else. */
export type AwardValues = { readonly informantPointsFen: number; readonly residentPoints: number };

export type AwardInput = {
  readonly report: Pick<Report, 'id' | 'regionPath' | 'acceptedAt'>;
  /** The reporter. */
  readonly reporter: Actor;
  readonly category: AwardValues;
  readonly rules: Pick<PointsRules, 'dailyCapFen'>;
  /** Money already awarded to the reporter on the Asia/Shanghai day of acceptance (`fenAwardedOnDay`). */
  readonly fenAwardedThatDay: number;
};

/**
 * The award for a report accepted as valid, or undefined for one that was not (rejected and duplicate
 * reports earn nothing). Staff earn nothing in their own area; an informant earns money only in a grid
 * they are approved for, up to the daily cap (the report reaching it is paid up to it, later ones 0);
 * everyone else earns community points. Zero awards are recorded too, so the ledger says why.
 */
export function awardForReport(input: AwardInput): LedgerEntry | undefined {
  const { report, reporter, category } = input;
  if (report.acceptedAt === undefined) return undefined;
  const entry = {
    id: awardEntryId(report.id),
    personId: reporter.id,
    kind: 'award',
    at: report.acceptedAt,
    dayKey: shanghaiDayKey(report.acceptedAt),
    monthKey: shanghaiMonthKey(report.acceptedAt),
    reportId: report.id,
    ...(report.regionPath.grid !== undefined && { gridCode: report.regionPath.grid }),
    ...(report.regionPath.street !== undefined && { streetCode: report.regionPath.street }),
  } as const;
  if (isOwnArea(reporter, report)) return { ...entry, unit: 'point', amount: 0, basis: 'own_area' };
  const grid = report.regionPath.grid;
  // The approved grids alone: the grids lived or volunteered in (`gridCodes`) pay points like anyone's.
  if (grid === undefined || !informantGridsOf(reporter).includes(grid)) {
    return { ...entry, unit: 'point', amount: category.residentPoints, basis: 'resident' };
  }
  const room = Math.max(0, input.rules.dailyCapFen - input.fenAwardedThatDay);
  const amount = Math.min(category.informantPointsFen, room);
  return { ...entry, unit: 'fen', amount, basis: amount < category.informantPointsFen ? 'daily_cap' : 'informant' };
}

/** Whether the reporter is staff of the report's grid, or of a centre on its region path. */
function isOwnArea(reporter: Actor, report: Pick<Report, 'regionPath'>): boolean {
  if (!reporter.roles.some(isStaffRole)) return false;
  const grid = report.regionPath.grid;
  const centre = reporter.centre;
  const servesGrid = grid !== undefined && reporter.gridCodes.includes(grid);
  return servesGrid || (centre !== undefined && report.regionPath[centre.level] === centre.regionCode);
}

/** Why and by whom an award is reversed, and the month the reversal counts in (`firstOpenMonth` from the award's). */
export type Reversal = {
  readonly cause: ReversalCause;
  readonly reason: string;
  readonly by: string;
  readonly monthKey: string;
};

/**
 * The entry that undoes an award (the ledger is append-only), dated `now` (epoch ms): the negated award,
 * under `reversal:<reportId>` so it is written once, counting in `reversal.monthKey` — the award's month
 * while that is open, else the first open month after it. It never counts before the award's month.
 */
export function reversalOf(award: LedgerEntry, now: number, reversal: Reversal): LedgerEntry {
  if (award.kind !== 'award' || award.reportId === undefined) throw new Error(`only a report's award can be reversed: ${award.id}`);
  if (reversal.monthKey < monthCountedIn(award)) throw new Error(`a reversal cannot count before its award's month: ${award.id}`);
  if (reversal.reason.trim() === '') throw new Error(`a reversal needs the staff's words: ${award.id}`);
  const { gridCode, streetCode } = award;
  return {
    id: reversalEntryId(award.reportId),
    personId: award.personId,
    kind: 'reversal',
    unit: award.unit,
    amount: -award.amount,
    at: now,
    dayKey: shanghaiDayKey(now),
    monthKey: reversal.monthKey,
    reportId: award.reportId,
    ...(gridCode !== undefined && { gridCode }),
    ...(streetCode !== undefined && { streetCode }),
    cause: reversal.cause,
    reason: reversal.reason,
    by: reversal.by,
  };
}

/** What a valid report could earn its reporter before it is routed (the catalog shows it on the form). */
export type RewardOnOffer = { readonly points: number; readonly fenInApprovedGrids?: number };

/**
 * What a valid report of a category could earn this person, as far as it is known before routing:
 * community points anywhere, and for an informant money in the grids they are approved for (where it
 * replaces the points). Null for staff, who earn nothing in their own area: the form promises nothing.
 */
export function rewardOnOffer(reporter: Actor, category: AwardValues): RewardOnOffer | null {
  if (reporter.roles.some(isStaffRole)) return null;
  const points = category.residentPoints;
  const approved = informantGridsOf(reporter).length > 0;
  return approved ? { points, fenInApprovedGrids: category.informantPointsFen } : { points };
}
