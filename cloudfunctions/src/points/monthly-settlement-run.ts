import { monthToSettle, SETTLEMENT_GRACE_MS, settlementStatement } from '@pingan/shared';
import { personNames } from '../users/users.repository';
import {
  advanceCursor,
  closeMonth,
  findMonth,
  informantsAfter,
  moneyEntriesOf,
  monthTotals,
  oldestClosingMonth,
  startClosing,
  writeStatement,
  type SettlementMonthDoc,
} from './settlement.repository';

/** Informants one run settles at most; the next run (every 10 minutes on the 1st) takes the rest. */
export const SETTLEMENT_PAGE = 50;
/** Informants settled at once within a page. */
const AT_ONCE = 5;

export type SettlementRun = {
  readonly monthKey: string;
  readonly status: 'waiting' | 'settling' | 'closed';
  readonly settled: number;
  readonly more: boolean;
};

/**
 * One run of the monthly settlement at `now` (the trigger's time, epoch ms), docs/DESIGN.md "Points". It
 * works on the oldest month left half-settled, else the month before `now`'s: locks it (`closing`), waits
 * SETTLEMENT_GRACE_MS for writes that found it open, then settles a page of informants after the month's
 * cursor (each statement and its entries in one transaction, skipped when already written), moves the
 * cursor on, and once no informant is left writes the month's totals and closes it, last. Any step may
 * crash or race another run: what is written is written by id, so the next run simply goes on.
 */
export async function runMonthlySettlement(now: number): Promise<SettlementRun> {
  const month = (await oldestClosingMonth()) ?? (await monthOrStart(monthToSettle(now), now));
  const monthKey = month._id;
  if (month.status === 'closed') return { monthKey, status: 'closed', settled: 0, more: false };
  if (now < month.closingAt + SETTLEMENT_GRACE_MS) return { monthKey, status: 'waiting', settled: 0, more: true };
  const page = await informantsAfter(monthKey, month.cursor, SETTLEMENT_PAGE);
  const settled = await settlePage(monthKey, page, now);
  if (page.length === SETTLEMENT_PAGE) {
    await advanceCursor(monthKey, page.at(-1) as string);
    return { monthKey, status: 'settling', settled, more: true };
  }
  const { totals, informants } = await monthTotals(monthKey);
  await closeMonth(monthKey, totals, informants, now);
  return { monthKey, status: 'closed', settled, more: false };
}

async function monthOrStart(monthKey: string, now: number): Promise<SettlementMonthDoc> {
  return (await findMonth(monthKey)) ?? startClosing(monthKey, now);
}

/** Settles a page of informants, AT_ONCE at a time: how many statements this run wrote. */
async function settlePage(monthKey: string, personIds: readonly string[], now: number): Promise<number> {
  const names = new Map((await personNames(personIds)).map((person) => [person._id, person.name]));
  let written = 0;
  for (let i = 0; i < personIds.length; i += AT_ONCE) {
    const batch = personIds.slice(i, i + AT_ONCE);
    const results = await Promise.all(
      batch.map(async (personId) => {
        const entries = await moneyEntriesOf(personId, monthKey);
        const person = { id: personId, name: names.get(personId) ?? personId };
        return writeStatement(settlementStatement(entries, person, monthKey, now), now);
      }),
    );
    written += results.filter(Boolean).length;
  }
  return written;
}
