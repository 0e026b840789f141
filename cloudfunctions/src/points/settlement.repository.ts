import {
  NO_PLACE,
  STATEMENT_KINDS,
  firstOpenMonth,
  monthsToAsk,
  type LedgerEntry,
  type SettlementStatement,
  type SettlementTotals,
} from '@pingan/shared';
import { aggregateRows, db, inTransaction, isDuplicateKey, listOf, type Transaction } from '../platform/sdk';
import type { LedgerDoc } from './award-documents';

const LEDGER = 'pointsLedger';
const MONTHS = 'settlementMonths';
const STATEMENTS = 'settlementStatements';

/**
 * A month's settlement (`settlementMonths/<YYYY-MM>`): `closing` from the first run on (the month is locked:
 * nothing is written into it any more), with `cursor` the last informant settled; `closed` once every
 * informant's statement is written, with the month's totals.
 */
export type SettlementMonthDoc = {
  readonly _id: string;
  readonly status: 'closing' | 'closed';
  readonly closingAt: number;
  readonly cursor: string;
  readonly closedAt?: number;
  readonly informants?: number;
  readonly totals?: SettlementTotals;
};

/** An informant's statement for a month (`settlementStatements/<YYYY-MM>:<personId>`), written with its entries. */
export type StatementDoc = Omit<SettlementStatement, 'entries' | 'person'> & {
  readonly _id: string;
  readonly personId: string;
  readonly name: string;
  readonly entryIds: readonly string[];
  readonly at: number;
};

export function statementId(monthKey: string, personId: string): string {
  return `${monthKey}:${personId}`;
}

export async function findMonth(monthKey: string): Promise<SettlementMonthDoc | undefined> {
  const found = (await db().collection(MONTHS).doc(monthKey).get()) as { data?: SettlementMonthDoc | null };
  return found.data ?? undefined;
}

/** The oldest month whose settlement started and did not finish (a crash's, or one still going). */
export async function oldestClosingMonth(): Promise<SettlementMonthDoc | undefined> {
  const [month] = await listOf<SettlementMonthDoc>(
    db().collection(MONTHS).where({ status: 'closing' }).orderBy('_id', 'asc').limit(1).get(),
  );
  return month;
}

/** Locks a month (`closing`, from `now`): written once, whoever runs first; the others read it. */
export async function startClosing(monthKey: string, now: number): Promise<SettlementMonthDoc> {
  const month: SettlementMonthDoc = { _id: monthKey, status: 'closing', closingAt: now, cursor: '' };
  try {
    await db().collection(MONTHS).add({ data: month });
    return month;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const found = await findMonth(monthKey);
    if (!found) throw error;
    return found;
  }
}

/**
 * Which of these months (in order) have begun settling, read inside the transaction that writes into the
 * first open one: one by one, stopping at the first open month, so an entry whose month is open (nearly
 * always) costs one read by id.
 */
export async function lockedMonthsIn(tx: Transaction, monthKeys: readonly string[]): Promise<Set<string>> {
  const locked = new Set<string>();
  for (const key of monthKeys) {
    if (!(await tx.collection(MONTHS).doc(key).get()).data) break;
    locked.add(key);
  }
  return locked;
}

/**
 * The month a new money entry wanting `wanted` counts in at `now` (epoch ms): `wanted` while it is open, else
 * the first open month after it (firstOpenMonth), from the settlement months read in the transaction that
 * writes the entry (reverseAward, adjustPoints), so a month whose settlement has begun is never written into.
 */
export async function firstOpenMonthIn(tx: Transaction, wanted: string, now: number): Promise<string> {
  return firstOpenMonth(wanted, await lockedMonthsIn(tx, monthsToAsk(wanted, now)));
}

/** The newest settlement months (closing and closed), newest first: one query by `_id`. */
export async function latestMonths(limit: number): Promise<SettlementMonthDoc[]> {
  return listOf<SettlementMonthDoc>(db().collection(MONTHS).orderBy('_id', 'desc').limit(limit).get());
}

const STATEMENTS_PAGE = 1000;

/** A month's statements, by person, in pages of 1000 on `settlementStatements.month_person`. */
export async function statementsOf(monthKey: string): Promise<StatementDoc[]> {
  const _ = db().command;
  const statements: StatementDoc[] = [];
  for (let after = ''; ;) {
    const page = await listOf<StatementDoc>(
      db()
        .collection(STATEMENTS)
        .where({ monthKey, personId: _.gt(after) })
        .orderBy('personId', 'asc')
        .limit(STATEMENTS_PAGE)
        .get(),
    );
    statements.push(...page);
    if (page.length < STATEMENTS_PAGE) return statements;
    after = (page.at(-1) as StatementDoc).personId;
  }
}

/**
 * The next page of informants with money counted in the month, after `cursor` (person ids in order): one
 * aggregate on `pointsLedger.month_person`.
 */
export async function informantsAfter(monthKey: string, cursor: string, limit: number): Promise<string[]> {
  const _ = db().command;
  const rows = await aggregateRows<{ _id: string }>(
    db()
      .collection(LEDGER)
      .aggregate()
      .match({ monthKey, unit: 'fen', personId: _.gt(cursor), kind: _.in([...STATEMENT_KINDS]) })
      .group({ _id: '$personId' })
      .sort({ _id: 1 })
      .limit(limit)
      .end(),
  );
  return rows.map((row) => row._id);
}

const ENTRIES_PAGE = 1000;

/** A person's money entries counted in a month, read in pages of 1000 on `pointsLedger.person_month`. */
export async function moneyEntriesOf(personId: string, monthKey: string): Promise<LedgerEntry[]> {
  const _ = db().command;
  const entries: LedgerEntry[] = [];
  for (let after = ''; ;) {
    const page = await listOf<LedgerDoc>(
      db()
        .collection(LEDGER)
        .where({ personId, monthKey, unit: 'fen', _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .limit(ENTRIES_PAGE)
        .get(),
    );
    entries.push(...page.map(({ _id, ...fields }) => ({ id: _id, ...fields })));
    if (page.length < ENTRIES_PAGE) return entries;
    after = (page.at(-1) as LedgerDoc)._id;
  }
}

/**
 * Writes an informant's statement and the entries that settle it (`settlement:<personId>:<YYYY-MM>`, a
 * carry), in one transaction, unless the statement is there already: settling twice writes nothing, and
 * of two runs racing one writes and the other finds it. Whether this call wrote it.
 */
export async function writeStatement(statement: SettlementStatement, now: number): Promise<boolean> {
  const id = statementId(statement.monthKey, statement.person.id);
  const { person, entries, ...figures } = statement;
  const doc: Omit<StatementDoc, '_id'> = {
    ...figures,
    personId: person.id,
    name: person.name,
    entryIds: entries.map((e) => e.id),
    at: now,
  };
  try {
    return await inTransaction(async (tx) => {
      if ((await tx.collection(STATEMENTS).doc(id).get()).data) return false;
      for (const { id: entryId, ...fields } of entries) await tx.collection(LEDGER).add({ data: { _id: entryId, ...fields } });
      await tx.collection(STATEMENTS).doc(id).set({ data: doc });
      return true;
    });
  } catch (error) {
    // A racing run committed the same ids first.
    if (isDuplicateKey(error) && (await statementExists(id))) return false;
    throw error;
  }
}

async function statementExists(id: string): Promise<boolean> {
  const found = (await db().collection(STATEMENTS).doc(id).get()) as { data?: unknown };
  return Boolean(found.data);
}

/** Moves the month's cursor on past `last` (never back: a slower racing run leaves it where it is). */
export async function advanceCursor(monthKey: string, last: string): Promise<void> {
  const _ = db().command;
  await db()
    .collection(MONTHS)
    .where({ _id: monthKey, status: 'closing', cursor: _.lt(last) })
    .update({ data: { cursor: last } });
}

/**
 * The month's totals from the ledger, the truth: its money entries summed per informant, grid and street
 * (three aggregates on `pointsLedger.month_person`), and what is payable from the statements.
 */
export async function monthTotals(monthKey: string): Promise<{ totals: SettlementTotals; informants: number }> {
  const _ = db().command;
  const $ = _.aggregate;
  const sumBy = async (field: string) => {
    const rows = await aggregateRows<{ _id: string | null; total: number }>(
      db()
        .collection(LEDGER)
        .aggregate()
        .match({ monthKey, unit: 'fen', kind: _.in([...STATEMENT_KINDS]) })
        .group({ _id: `$${field}`, total: $.sum('$amount') })
        .limit(10_000)
        .end(),
    );
    return Object.fromEntries(rows.map((row) => [row._id ?? NO_PLACE, row.total]));
  };
  const [byPerson, byGrid, byStreet, [paid]] = await Promise.all([
    sumBy('personId'),
    sumBy('gridCode'),
    sumBy('streetCode'),
    aggregateRows<{ payableFen: number; informants: number }>(
      db()
        .collection(STATEMENTS)
        .aggregate()
        .match({ monthKey })
        .group({ _id: null, payableFen: $.sum('$payableFen'), informants: $.sum(1) })
        .end(),
    ),
  ]);
  const totalFen = Object.values(byPerson).reduce((sum, fen) => sum + fen, 0);
  return { totals: { totalFen, payableFen: paid?.payableFen ?? 0, byPerson, byGrid, byStreet }, informants: paid?.informants ?? 0 };
}

/** Closes the month, last of all: its totals and when. Once closed, a run finds nothing to do. */
export async function closeMonth(monthKey: string, totals: SettlementTotals, informants: number, now: number): Promise<void> {
  await db()
    .collection(MONTHS)
    .where({ _id: monthKey, status: 'closing' })
    .update({ data: { status: 'closed', closedAt: now, totals, informants } });
}
