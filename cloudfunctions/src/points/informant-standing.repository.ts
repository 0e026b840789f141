import { STATEMENT_KINDS } from '@pingan/shared';
import { readKeysetPage, type Page, type PageRead } from '../platform/page-cursor';
import { aggregateRows, db, listOf, oneOf } from '../platform/sdk';
import { dailyId, type DailyDoc } from './award-documents';
import { statementId, type StatementDoc } from './settlement.repository';

const LEDGER = 'pointsLedger';
const DAILY = 'pointsDaily';
const STATEMENTS = 'settlementStatements';
const REPORTS = 'reports';

/** A statement without its rows: the figures a list shows. */
export type StatementFiguresDoc = Omit<StatementDoc, 'rows'>;

/** The money awarded to a person on an Asia/Shanghai day, from the day's counter that guards the cap (0 without one). */
export async function fenEarnedOn(personId: string, dayKey: string): Promise<number> {
  const daily = await oneOf<DailyDoc>(db().collection(DAILY).doc(dailyId(personId, dayKey)).get());
  return daily?.fenAwarded ?? 0;
}

/**
 * A person's money counted in a month (`monthKey`, as the settlement counts it) and how many awards it
 * holds: one aggregate on `pointsLedger.person_month`.
 */
export async function moneyInMonth(personId: string, monthKey: string): Promise<{ totalFen: number; awards: number }> {
  const _ = db().command;
  const $ = _.aggregate;
  const rows = await aggregateRows<{ _id: string; total: number; count: number }>(
    db()
      .collection(LEDGER)
      .aggregate()
      .match({ personId, monthKey, unit: 'fen', kind: _.in([...STATEMENT_KINDS]) })
      .group({ _id: '$kind', total: $.sum('$amount'), count: $.sum(1) })
      .end(),
  );
  return {
    totalFen: rows.reduce((sum, row) => sum + row.total, 0),
    awards: rows.find((row) => row._id === 'award')?.count ?? 0,
  };
}

/** A person's settled statements without their rows, the latest first, a page at a time (`settlementStatements.person_time`). */
export function statementsOf(personId: string, page: PageRead): Promise<Page<StatementFiguresDoc>> {
  return readKeysetPage({ collection: STATEMENTS, where: { personId }, orderBy: 'at', direction: 'desc', field: { rows: false } }, page);
}

/** A person's settled statement for a month, rows and all. */
export function statementOfMonth(personId: string, monthKey: string): Promise<StatementDoc | undefined> {
  return oneOf<StatementDoc>(db().collection(STATEMENTS).doc(statementId(monthKey, personId)).get());
}

const REPORTS_PER_READ = 100;

/** The category code of each of these reports (a statement's awards and reversals), by id, 100 a query, all at once. */
export async function categoryCodesOf(reportIds: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(reportIds)];
  const _ = db().command;
  const chunks = Array.from({ length: Math.ceil(unique.length / REPORTS_PER_READ) }, (_none, i) =>
    unique.slice(i * REPORTS_PER_READ, (i + 1) * REPORTS_PER_READ),
  );
  const pages = await Promise.all(
    chunks.map((ids) =>
      listOf<{ _id: string; categoryCode: string }>(
        db()
          .collection(REPORTS)
          .where({ _id: _.in(ids) })
          .field({ _id: true, categoryCode: true })
          .limit(ids.length)
          .get(),
      ),
    ),
  );
  return new Map(pages.flat().map((row) => [row._id, row.categoryCode]));
}
