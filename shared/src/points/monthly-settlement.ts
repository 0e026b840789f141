import { shanghaiDayKey } from '../time/shanghai-time';
import { yuanText } from './fen';
import { type AwardBasis, type LedgerEntry, settlementEntryId } from './ledger-entry';

/** One line of an informant's monthly statement: an award (capped ones included, at 0) or a reversal. */
export type SettlementRow = {
  readonly dayKey: string;
  readonly reportId: string;
  readonly kind: 'award' | 'reversal';
  readonly basis?: AwardBasis;
  readonly amountFen: number;
};

/** An informant's money for one Asia/Shanghai month, and the settlement entry that pays it out. */
export type SettlementStatement = {
  readonly person: { readonly id: string; readonly name: string };
  readonly monthKey: string;
  readonly rows: readonly SettlementRow[];
  readonly totalFen: number;
  /** Absent when there is nothing to pay. */
  readonly entry?: LedgerEntry;
};

/**
 * The statement of a person's money awards and reversals dated in a month (`YYYY-MM`, by their Asia/Shanghai
 * day), with the settlement entry (`now`, epoch ms) that takes the total out of their balance once paid.
 */
export function settlementStatement(
  entries: readonly LedgerEntry[],
  person: { readonly id: string; readonly name: string },
  monthKey: string,
  now: number,
): SettlementStatement {
  const rows = entries
    .filter((entry) => entry.personId === person.id && entry.unit === 'fen' && entry.dayKey.startsWith(`${monthKey}-`))
    .flatMap(rowOf)
    .sort((a, b) => (a.dayKey === b.dayKey ? compare(a.reportId, b.reportId) : compare(a.dayKey, b.dayKey)));
  const totalFen = rows.reduce((total, row) => total + row.amountFen, 0);
  const entry: LedgerEntry = {
    id: settlementEntryId(person.id, monthKey),
    personId: person.id,
    kind: 'settlement',
    unit: 'fen',
    amount: -totalFen,
    at: now,
    dayKey: shanghaiDayKey(now),
    monthKey,
  };
  return { person, monthKey, rows, totalFen, ...(totalFen > 0 && { entry }) };
}

function rowOf(entry: LedgerEntry): SettlementRow[] {
  if ((entry.kind !== 'award' && entry.kind !== 'reversal') || entry.reportId === undefined) return [];
  const { dayKey, reportId, kind, basis, amount } = entry;
  return [{ dayKey, reportId, kind, ...(basis && { basis }), amountFen: amount }];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const KIND_LABELS = { award: '奖励', reversal: '冲正' } as const;
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
    ...statement.rows.map((row) =>
      line([row.dayKey, row.reportId, KIND_LABELS[row.kind], row.basis ? BASIS_LABELS[row.basis] : ''], row.amountFen),
    ),
    line(['', '', '合计', ''], statement.totalFen),
  ];
  return `\uFEFF${lines.map((fields) => fields.join(',')).join('\r\n')}\r\n`;
}

/**
 * A text field: quoted when it holds a comma, quote or line break, and prefixed with `'` when it starts
 * like a spreadsheet formula (=, +, -, @), so a name cannot run in the finance office's Excel.
 */
function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
