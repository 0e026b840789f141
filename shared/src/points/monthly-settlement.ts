import { shanghaiDayKey } from '../time/shanghai-time';
import { yuanText } from './fen';
import {
  type AwardBasis,
  type LedgerEntry,
  type LedgerKind,
  type ReversalCause,
  carryEntryId,
  monthCountedIn,
  settlementEntryId,
} from './ledger-entry';
import { nextMonthKey } from './settlement-month';

/** The kinds a monthly statement lists: what counts in a month's money, as opposed to the settlement that pays it. */
export const STATEMENT_KINDS = ['award', 'reversal', 'adjustment', 'carry'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

/** One line of an informant's monthly statement: an award (capped ones at 0), a reversal, an adjustment or a carry. */
export type SettlementRow = {
  readonly entryId: string;
  readonly dayKey: string;
  readonly kind: StatementKind;
  readonly amountFen: number;
  readonly reportId?: string;
  readonly basis?: AwardBasis;
  readonly gridCode?: string;
  readonly streetCode?: string;
  /** A reversal's cause, and a reversal's or adjustment's words. */
  readonly cause?: ReversalCause;
  readonly reason?: string;
};

/** An informant's money for one Asia/Shanghai month, and the entries that settle it. */
export type SettlementStatement = {
  readonly person: { readonly id: string; readonly name: string };
  readonly monthKey: string;
  readonly rows: readonly SettlementRow[];
  /** The sum of the rows. */
  readonly totalFen: number;
  /** What the finance office pays: the total when positive, else 0. */
  readonly payableFen: number;
  /** A negative total, owed back and carried into the next month (0 otherwise). */
  readonly carriedFen: number;
  /**
   * `settlement:<personId>:<YYYY-MM>` taking the total out of the balance (absent for a zero total), and for
   * a negative total `carry:<personId>:<next month>` putting it back in the next month's statement.
   */
  readonly entries: readonly LedgerEntry[];
};

/**
 * The statement of a person's money counted in a month (`YYYY-MM`, each entry's `monthCountedIn`): awards,
 * reversals, adjustments and a carry from the month before, with the entries (dated `now`, epoch ms) that
 * settle it. The balance stays a sum: after them the person's money balance is what later months hold.
 */
export function settlementStatement(
  entries: readonly LedgerEntry[],
  person: { readonly id: string; readonly name: string },
  monthKey: string,
  now: number,
): SettlementStatement {
  const rows = entries
    .filter((entry) => entry.personId === person.id && entry.unit === 'fen' && monthCountedIn(entry) === monthKey)
    .flatMap(rowOf)
    .sort((a, b) => (a.dayKey === b.dayKey ? compare(a.entryId, b.entryId) : compare(a.dayKey, b.dayKey)));
  const totalFen = rows.reduce((total, row) => total + row.amountFen, 0);
  const dated = { personId: person.id, unit: 'fen', at: now, dayKey: shanghaiDayKey(now) } as const;
  const settlement: LedgerEntry = { ...dated, id: settlementEntryId(person.id, monthKey), kind: 'settlement', amount: -totalFen, monthKey };
  const next = nextMonthKey(monthKey);
  const carry: LedgerEntry = { ...dated, id: carryEntryId(person.id, next), kind: 'carry', amount: totalFen, monthKey: next };
  return {
    person,
    monthKey,
    rows,
    totalFen,
    payableFen: Math.max(0, totalFen),
    carriedFen: Math.min(0, totalFen),
    entries: totalFen === 0 ? [] : totalFen > 0 ? [settlement] : [settlement, carry],
  };
}

function rowOf(entry: LedgerEntry): SettlementRow[] {
  const kind = entry.kind;
  if (!isStatementKind(kind)) return [];
  const { id, dayKey, amount, reportId, basis, gridCode, streetCode, cause, reason } = entry;
  return [
    {
      entryId: id,
      dayKey,
      kind,
      amountFen: amount,
      ...(reportId !== undefined && { reportId }),
      ...(basis !== undefined && { basis }),
      ...(gridCode !== undefined && { gridCode }),
      ...(streetCode !== undefined && { streetCode }),
      ...(cause !== undefined && { cause }),
      ...(reason !== undefined && { reason }),
    },
  ];
}

/** Whether a ledger kind is one a statement lists. */
export function isStatementKind(kind: LedgerKind): kind is StatementKind {
  return (STATEMENT_KINDS as readonly string[]).includes(kind);
}

/** A month's totals in fen: per informant, per grid and per street (rows with none under NO_PLACE), and in all. */
export type SettlementTotals = {
  readonly totalFen: number;
  readonly payableFen: number;
  readonly byPerson: Readonly<Record<string, number>>;
  readonly byGrid: Readonly<Record<string, number>>;
  readonly byStreet: Readonly<Record<string, number>>;
};

/** The key of rows with no grid or street (an adjustment, a carry). */
export const NO_PLACE = '-';

/** Totals of a month's statements: every figure a sum of the same rows, so they reconcile to the fen. */
export function settlementTotals(statements: readonly SettlementStatement[]): SettlementTotals {
  const byPerson: Record<string, number> = {};
  const byGrid: Record<string, number> = {};
  const byStreet: Record<string, number> = {};
  let totalFen = 0;
  let payableFen = 0;
  for (const statement of statements) {
    byPerson[statement.person.id] = (byPerson[statement.person.id] ?? 0) + statement.totalFen;
    totalFen += statement.totalFen;
    payableFen += statement.payableFen;
    for (const row of statement.rows) {
      const grid = row.gridCode ?? NO_PLACE;
      const street = row.streetCode ?? NO_PLACE;
      byGrid[grid] = (byGrid[grid] ?? 0) + row.amountFen;
      byStreet[street] = (byStreet[street] ?? 0) + row.amountFen;
    }
  }
  return { totalFen, payableFen, byPerson, byGrid, byStreet };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const KIND_LABELS: Record<StatementKind, string> = { award: '奖励', reversal: '冲正', adjustment: '调整', carry: '上月结转' };
const CAUSE_LABELS = { invalid: '核实无效', duplicate: '重复上报' } as const;
const BASIS_LABELS: Record<AwardBasis, string> = {
  informant: '有效上报',
  resident: '爱心积分',
  own_area: '本网格工作人员',
  daily_cap: '当日封顶',
};
const HEADER = ['信息员编号', '姓名', '月份', '日期', '案卷编号', '类型', '说明', '金额(分)', '金额(元)'];

/**
 * The statement as CSV for the finance office: RFC 4180 quoting, CRLF line ends, a UTF-8 byte-order mark
 * so that Excel reads the Chinese, and a closing total line.
 */
export function settlementCsv(statement: SettlementStatement): string {
  const { person, monthKey } = statement;
  const line = (texts: string[], fen: number) => [...[person.id, person.name, monthKey, ...texts].map(csvText), String(fen), yuanText(fen)];
  const lines = [
    HEADER.map(csvText),
    ...statement.rows.map((row) => line([row.dayKey, row.reportId ?? '', KIND_LABELS[row.kind], rowWhy(row)], row.amountFen)),
    line(['', '', '合计', ''], statement.totalFen),
    ...(statement.carriedFen < 0 ? [line(['', '', '结转下月', '应退回，从下月扣除'], statement.carriedFen)] : []),
  ];
  return `\uFEFF${lines.map((fields) => fields.join(',')).join('\r\n')}\r\n`;
}

/** What a row says of why: the award's basis, or the staff's words. */
function rowWhy(row: SettlementRow): string {
  if (row.basis) return BASIS_LABELS[row.basis];
  const cause = row.cause ? CAUSE_LABELS[row.cause] : '';
  return [cause, row.reason ?? ''].filter((text) => text !== '').join('：');
}

/**
 * A text field: quoted when it holds a comma, quote or line break, and prefixed with `'` when it starts
 * like a spreadsheet formula (=, +, -, @), so a name cannot run in the finance office's Excel.
 */
function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
