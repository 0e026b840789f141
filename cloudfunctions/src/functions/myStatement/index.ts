import { myStatementContract, provisionalStatement, settlementDayOf, type ResponseOf, type SettlementRow } from '@pingan/shared';
import { listCategories } from '../../catalog/categories.repository';
import { defineFunction } from '../../platform/define-function';
import { categoryCodesOf, statementOfMonth } from '../../points/informant-standing.repository';
import { findMonth, moneyEntriesOf } from '../../points/settlement.repository';
import { findCaller } from '../../users/caller';

type Statement = ResponseOf<typeof myStatementContract>['statement'];
type Figures = Pick<Statement, 'totalFen' | 'payableFen' | 'carriedFen'> & { readonly rows: readonly SettlementRow[] };

/**
 * `myStatement`: one month of the caller's money. Settled: the statement settleMonth wrote. Not settled yet
 * (this month so far, a month awaiting or in its run): the provisional statement by the settlement's own
 * rule from the month's money entries. A closed month without a statement had no money. Each award and
 * reversal names its report's category. 3 waves: the caller; the statement and the month at once; the rows'
 * reports (100 a query) beside the catalogue — 4 for a month not settled, whose entries are read before.
 */
export const main = defineFunction(myStatementContract, async ({ monthKey }, { caller, now }) => {
  const me = await findCaller(caller);
  const settlementDay = settlementDayOf(monthKey);
  if (!me) return { statement: { monthKey, settled: false, settlementDay, totalFen: 0, payableFen: 0, carriedFen: 0, rows: [] } };
  const personId = me.actor.id;
  const [stored, month] = await Promise.all([statementOfMonth(personId, monthKey), findMonth(monthKey)]);
  const settled = stored !== undefined || month?.status === 'closed';
  const figures: Figures =
    stored ?? (settled ? { totalFen: 0, payableFen: 0, carriedFen: 0, rows: [] } : await provisionalOf(personId, me.user.name, monthKey));
  const rows = await rowViewsOf(figures.rows, now.getTime());
  const { totalFen, payableFen, carriedFen } = figures;
  return {
    statement: { monthKey, settled, ...(stored && { settledAt: stored.at }), settlementDay, totalFen, payableFen, carriedFen, rows },
  };
});

async function provisionalOf(personId: string, name: string, monthKey: string): Promise<Figures> {
  return provisionalStatement(await moneyEntriesOf(personId, monthKey), { id: personId, name }, monthKey);
}

/** The rows as the informant reads them: each award's and reversal's report with its category's name. */
async function rowViewsOf(rows: readonly SettlementRow[], now: number): Promise<Statement['rows']> {
  const reportIds = rows.flatMap((row) => (row.reportId === undefined ? [] : [row.reportId]));
  const [codes, categories] = await Promise.all([categoryCodesOf(reportIds), reportIds.length > 0 ? listCategories(now) : []]);
  const names = new Map(categories.map((category) => [category.code, category.name]));
  return rows.map((row) => {
    const categoryCode = row.reportId === undefined ? undefined : codes.get(row.reportId);
    const categoryName = categoryCode === undefined ? undefined : names.get(categoryCode);
    const { entryId, dayKey, kind, amountFen, reportId, basis, cause, reason } = row;
    return {
      entryId,
      dayKey,
      kind,
      amountFen,
      ...(reportId !== undefined && { reportId }),
      ...(categoryCode !== undefined && { categoryCode }),
      ...(categoryName !== undefined && { categoryName }),
      ...(basis !== undefined && { basis }),
      ...(cause !== undefined && { cause }),
      ...(reason !== undefined && { reason }),
    };
  });
}
