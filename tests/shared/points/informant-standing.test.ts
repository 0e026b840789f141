import { capStanding, provisionalStatement, settlementDayOf, settlementStatement, type LedgerEntry } from '@pingan/shared/points';

const LI = { id: 'u-li', name: '李明' };
const money = (id: string, kind: LedgerEntry['kind'], amount: number, fields: Partial<LedgerEntry> = {}): LedgerEntry => ({
  id,
  personId: LI.id,
  kind,
  unit: 'fen',
  amount,
  at: 1,
  dayKey: '2026-11-03',
  monthKey: '2026-11',
  ...fields,
});

describe('today against the daily cap', () => {
  it('leaves what the cap allows after what was earned', () => {
    expect(capStanding(1250, 2000)).toEqual({ earnedFen: 1250, capFen: 2000, leftFen: 750, reached: false });
  });

  it('is reached exactly at the cap', () => {
    expect(capStanding(1999, 2000)).toMatchObject({ leftFen: 1, reached: false });
    expect(capStanding(2000, 2000)).toMatchObject({ leftFen: 0, reached: true });
  });

  it('leaves nothing, never less, when the cap was lowered below what was earned', () => {
    expect(capStanding(1500, 1000)).toEqual({ earnedFen: 1500, capFen: 1000, leftFen: 0, reached: true });
  });

  it('is reached at once with a cap of 0', () => {
    expect(capStanding(0, 0)).toMatchObject({ leftFen: 0, reached: true });
  });
});

describe('the provisional statement (本月至今)', () => {
  const entries = [
    money('award:r1', 'award', 300, { reportId: 'r1', basis: 'informant' }),
    money('award:r2', 'award', 0, { reportId: 'r2', basis: 'daily_cap', dayKey: '2026-11-01' }),
    money('reversal:r3', 'reversal', -500, { reportId: 'r3', cause: 'duplicate', reason: '重复了' }),
    money('carry:u-li:2026-11', 'carry', -70, { dayKey: '2026-11-01' }),
    money('award:old', 'award', 400, { monthKey: '2026-10' }),
    money('award:pt', 'award', 5, { unit: 'point' }),
    money('settlement:u-li:2026-10', 'settlement', -400, { monthKey: '2026-10' }),
  ];

  it('reads as the settled one will: the same rows and figures, in day order', () => {
    const provisional = provisionalStatement(entries, LI, '2026-11');
    const { entries: _written, ...settled } = settlementStatement(entries, LI, '2026-11', Date.UTC(2026, 11, 1));
    expect(provisional).toEqual(settled);
    expect(provisional.rows.map((row) => row.entryId)).toEqual(['award:r2', 'carry:u-li:2026-11', 'award:r1', 'reversal:r3']);
  });

  it('counts the month so far by the month an entry counts in, money only', () => {
    const provisional = provisionalStatement(entries, LI, '2026-11');
    expect(provisional.totalFen).toBe(300 + 0 - 500 - 70);
    expect(provisional).toMatchObject({ payableFen: 0, carriedFen: -270 });
    expect(provisionalStatement(entries, LI, '2026-10')).toMatchObject({ totalFen: 400, payableFen: 400, carriedFen: 0 });
  });

  it('is empty for a month without money, and writes nothing', () => {
    const provisional = provisionalStatement(entries, LI, '2026-12');
    expect(provisional).toMatchObject({ rows: [], totalFen: 0, payableFen: 0, carriedFen: 0 });
    expect(provisional).not.toHaveProperty('entries');
  });
});

describe('the settlement day', () => {
  it('is the 1st of the next month, across the year', () => {
    expect(settlementDayOf('2026-11')).toBe('2026-12-01');
    expect(settlementDayOf('2026-12')).toBe('2027-01-01');
  });
});
