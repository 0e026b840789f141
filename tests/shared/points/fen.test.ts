import { yuanText } from '@pingan/shared/points';

describe('yuanText', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [50, '0.50'],
    [1250, '12.50'],
    [-50, '-0.50'],
    [200_000, '2000.00'],
  ])('shows %i fen as %s yuan', (fen, text) => {
    expect(yuanText(fen)).toBe(text);
  });

  it('refuses a fractional fen: money is never a float', () => {
    expect(() => yuanText(0.5)).toThrow('integer fen');
  });
});
