import { adjustmentEntry } from '@pingan/shared/points';

const AT = Date.UTC(2025, 0, 6, 2, 0);
const adjustment = {
  personId: 'u-inf',
  unit: 'fen',
  amount: -150,
  reason: '重复发放更正',
  by: 'u-leader',
  key: 'k1',
  monthKey: '2025-01',
} as const;

describe('adjustmentEntry', () => {
  it('records staff’s adjustment with its reason and who made it, once per key', () => {
    expect(adjustmentEntry(adjustment, AT)).toEqual({
      id: 'adjustment:u-inf:k1',
      personId: 'u-inf',
      kind: 'adjustment',
      unit: 'fen',
      amount: -150,
      at: AT,
      dayKey: '2025-01-06',
      monthKey: '2025-01',
      reason: '重复发放更正',
      by: 'u-leader',
    });
  });

  it('refuses one without a reason, without its maker, or of nothing', () => {
    expect(() => adjustmentEntry({ ...adjustment, reason: '  ' }, AT)).toThrow('reason');
    expect(() => adjustmentEntry({ ...adjustment, reason: '长'.repeat(201) }, AT)).toThrow('reason');
    expect(() => adjustmentEntry({ ...adjustment, by: '' }, AT)).toThrow('staff');
    expect(() => adjustmentEntry({ ...adjustment, amount: 0 }, AT)).toThrow('non-zero');
    expect(() => adjustmentEntry({ ...adjustment, amount: 1.5 }, AT)).toThrow('non-zero');
  });
});
