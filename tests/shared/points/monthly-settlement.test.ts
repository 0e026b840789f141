import type { LedgerEntry } from '@pingan/shared/points';
import { settlementCsv, settlementStatement } from '@pingan/shared/points';

const fen = (
  reportId: string,
  dayKey: string,
  amount: number,
  kind: 'award' | 'reversal' = 'award',
  basis?: LedgerEntry['basis'],
): LedgerEntry => ({
  id: `${kind}:${reportId}`,
  personId: 'u-inf',
  kind,
  unit: 'fen',
  amount,
  at: 0,
  dayKey,
  reportId,
  ...(basis && { basis }),
});

const ledger: LedgerEntry[] = [
  fen('r-2', '2025-01-09', 500, 'award', 'informant'),
  fen('r-1', '2025-01-06', 300, 'award', 'informant'),
  fen('r-3', '2025-01-09', 0, 'award', 'daily_cap'),
  fen('r-1', '2025-01-20', -300, 'reversal'),
  fen('r-9', '2025-02-01', 300, 'award', 'informant'),
  fen('r-8', '2024-12-31', 300, 'award', 'informant'),
  {
    id: 'award:r-7',
    personId: 'u-inf',
    kind: 'award',
    unit: 'point',
    amount: 3,
    at: 0,
    dayKey: '2025-01-10',
    reportId: 'r-7',
    basis: 'resident',
  },
];
const NOW = Date.UTC(2025, 1, 3, 2, 0);
const person = { id: 'u-inf', name: '李明' };

describe('settlementStatement', () => {
  const statement = settlementStatement(ledger, person, '2025-01', NOW);

  it('lists the month’s money awards and reversals in day order, capped zero awards included', () => {
    expect(statement.rows.map((row) => [row.dayKey, row.reportId, row.amountFen])).toEqual([
      ['2025-01-06', 'r-1', 300],
      ['2025-01-09', 'r-2', 500],
      ['2025-01-09', 'r-3', 0],
      ['2025-01-20', 'r-1', -300],
    ]);
  });

  it('totals the month and settles it with one entry keyed by person and month', () => {
    expect(statement.totalFen).toBe(500);
    expect(statement.entry).toMatchObject({
      id: 'settlement:u-inf:2025-01',
      kind: 'settlement',
      unit: 'fen',
      amount: -500,
      monthKey: '2025-01',
      dayKey: '2025-02-03',
    });
  });

  it('makes no settlement entry for a month with nothing to pay', () => {
    expect(settlementStatement(ledger, person, '2025-03', NOW).entry).toBeUndefined();
  });
});

describe('settlementCsv', () => {
  it('writes a BOM, a header, one line per row and the total, with CRLF line ends', () => {
    const csv = settlementCsv(settlementStatement(ledger, person, '2025-01', NOW));
    expect(csv.split('\r\n')).toEqual([
      '\uFEFF信息员编号,姓名,月份,日期,案卷编号,类型,说明,金额(分),金额(元)',
      'u-inf,李明,2025-01,2025-01-06,r-1,奖励,有效上报,300,3.00',
      'u-inf,李明,2025-01,2025-01-09,r-2,奖励,有效上报,500,5.00',
      'u-inf,李明,2025-01,2025-01-09,r-3,奖励,当日封顶,0,0.00',
      'u-inf,李明,2025-01,2025-01-20,r-1,冲正,,-300,-3.00',
      'u-inf,李明,2025-01,,,合计,,500,5.00',
      '',
    ]);
  });

  it('quotes a name with a comma or quote', () => {
    const csv = settlementCsv(settlementStatement([], { id: 'u-x', name: '王,"小"明' }, '2025-01', NOW));
    expect(csv).toContain('u-x,"王,""小""明",2025-01');
  });

  it('defuses a name that starts like a spreadsheet formula', () => {
    const csv = settlementCsv(settlementStatement([], { id: 'u-x', name: '=HYPERLINK("x")' }, '2025-01', NOW));
    expect(csv).toContain(`u-x,"'=HYPERLINK(""x"")"`);
  });
});
