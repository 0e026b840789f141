import type { LedgerEntry } from '@pingan/shared/points';
import { settlementCsv, settlementStatement, settlementTotals } from '@pingan/shared/points';

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
    expect(statement.payableFen).toBe(500);
    expect(statement.entries).toEqual([
      {
        id: 'settlement:u-inf:2025-01',
        personId: 'u-inf',
        kind: 'settlement',
        unit: 'fen',
        amount: -500,
        at: NOW,
        dayKey: '2025-02-03',
        monthKey: '2025-01',
      },
    ]);
  });

  it('makes no settlement entry for a month with nothing to pay', () => {
    expect(settlementStatement(ledger, person, '2025-03', NOW).entries).toEqual([]);
  });

  it('counts an entry in its monthKey, not its day: a reversal after January was settled, dated in January, counts in February', () => {
    const late = { ...fen('r-2', '2025-01-31', -500, 'reversal'), monthKey: '2025-02' };
    const withLate = [...ledger, late];
    expect(settlementStatement(withLate, person, '2025-01', NOW).totalFen).toBe(500);
    const february = settlementStatement(withLate, person, '2025-02', NOW);
    expect(february.rows.map((row) => [row.reportId, row.kind, row.amountFen])).toEqual([
      ['r-2', 'reversal', -500],
      ['r-9', 'award', 300],
    ]);
    expect(february.totalFen).toBe(-200);
  });

  it('pays nothing for a negative month and carries it into the next, where the next statement takes it off', () => {
    const owing = [fen('r-2', '2025-02-02', -500, 'reversal'), fen('r-9', '2025-02-05', 300, 'award', 'informant')];
    const february = settlementStatement(owing, person, '2025-02', NOW);
    expect([february.totalFen, february.payableFen, february.carriedFen]).toEqual([-200, 0, -200]);
    expect(february.entries.map((entry) => [entry.id, entry.kind, entry.amount, entry.monthKey])).toEqual([
      ['settlement:u-inf:2025-02', 'settlement', 200, '2025-02'],
      ['carry:u-inf:2025-03', 'carry', -200, '2025-03'],
    ]);
    const march = [...owing, ...february.entries, fen('r-10', '2025-03-04', 500, 'award', 'informant')];
    const marchStatement = settlementStatement(march, person, '2025-03', NOW);
    expect(marchStatement.payableFen).toBe(300);
    // A balance is a sum: after both settlements nothing is owed either way.
    const all = [...march, ...marchStatement.entries];
    expect(all.filter((entry) => entry.unit === 'fen').reduce((sum, entry) => sum + entry.amount, 0)).toBe(0);
  });

  it('lists adjustments with their reason', () => {
    const adjusted = [
      ...ledger,
      {
        id: 'adjustment:u-inf:k',
        personId: 'u-inf',
        kind: 'adjustment',
        unit: 'fen',
        amount: 120,
        at: 0,
        dayKey: '2025-01-25',
        monthKey: '2025-01',
        reason: '补发',
        by: 'u-l',
      } as const,
    ];
    const january = settlementStatement(adjusted, person, '2025-01', NOW);
    expect(january.totalFen).toBe(620);
    expect(settlementCsv(january)).toContain('u-inf,李明,2025-01,2025-01-25,,调整,补发,120,1.20');
  });
});

describe('settlementTotals', () => {
  const row = (personId: string, reportId: string, amount: number, gridCode?: string, streetCode?: string): LedgerEntry => ({
    ...fen(reportId, '2025-01-05', amount),
    personId,
    ...(gridCode && { gridCode }),
    ...(streetCode && { streetCode }),
  });
  const entries = [
    row('u-a', 'r-1', 300, 'g-1', 's-1'),
    row('u-a', 'r-2', 500, 'g-2', 's-1'),
    row('u-b', 'r-3', 250, 'g-3', 's-2'),
    { ...row('u-b', 'r-1', -300, 'g-1', 's-1'), kind: 'reversal' as const, id: 'reversal:r-1b' },
    row('u-c', 'r-4', 100),
  ];
  const statements = ['u-a', 'u-b', 'u-c'].map((id) => settlementStatement(entries, { id, name: id }, '2025-01', NOW));

  it('totals per informant, grid and street from the same rows, so each reconciles with the month', () => {
    const totals = settlementTotals(statements);
    expect(totals.byPerson).toEqual({ 'u-a': 800, 'u-b': -50, 'u-c': 100 });
    expect(totals.byGrid).toEqual({ 'g-1': 0, 'g-2': 500, 'g-3': 250, '-': 100 });
    expect(totals.byStreet).toEqual({ 's-1': 500, 's-2': 250, '-': 100 });
    const sum = (record: Record<string, number>) => Object.values(record).reduce((a, b) => a + b, 0);
    expect([sum(totals.byPerson), sum(totals.byGrid), sum(totals.byStreet)]).toEqual([850, 850, 850]);
    expect(totals.totalFen).toBe(850);
    expect(totals.payableFen).toBe(900);
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
