import type { LedgerEntry } from '@pingan/shared/points';
import { balanceOf, fenAwardedOnDay } from '@pingan/shared/points';

const entry = (
  id: string,
  kind: LedgerEntry['kind'],
  unit: LedgerEntry['unit'],
  amount: number,
  dayKey = '2025-01-06',
  personId = 'u-1',
): LedgerEntry => ({
  id,
  personId,
  kind,
  unit,
  amount,
  at: 0,
  dayKey,
});

const ledger = [
  entry('award:r-1', 'award', 'fen', 300),
  entry('award:r-2', 'award', 'fen', 500),
  entry('reversal:r-1', 'reversal', 'fen', -300),
  entry('settlement:u-1:2025-01', 'settlement', 'fen', -500, '2025-02-01'),
  entry('award:r-3', 'award', 'point', 3),
  entry('award:r-4', 'award', 'fen', 100, '2025-01-07'),
  entry('award:r-5', 'award', 'fen', 200, '2025-01-06', 'u-2'),
];

describe('ledger balances', () => {
  it('sums a person’s money across awards, reversals and settlements', () => {
    expect(balanceOf(ledger, 'u-1', 'fen')).toBe(100);
  });

  it('keeps community points apart from money', () => {
    expect(balanceOf(ledger, 'u-1', 'point')).toBe(3);
  });

  it('counts a day’s money awards for the cap, ignoring reversals, other days and other people', () => {
    expect(fenAwardedOnDay(ledger, 'u-1', '2025-01-06')).toBe(800);
  });

  it('is zero for someone with no entries', () => {
    expect(balanceOf(ledger, 'u-9', 'fen')).toBe(0);
  });
});
