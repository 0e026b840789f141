import { fenOfYuanText, yuanText } from '@pingan/shared/points';

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

describe('yuanText over every fen of a yuan', () => {
  it('writes each of 0–999 fen, and its negative, with exactly two decimals that read back to the same fen', () => {
    for (let fen = 0; fen <= 999; fen += 1) {
      const text = yuanText(fen);
      expect(text).toMatch(/^\d+\.\d{2}$/);
      expect(text).toBe(`${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`);
      expect(fenOfYuanText(text)).toBe(fen);
      if (fen > 0) {
        expect(yuanText(-fen)).toBe(`-${text}`);
        expect(fenOfYuanText(`-${text}`)).toBe(-fen);
      }
    }
  });

  it('shows negative amounts under a yuan with their sign and a leading 0', () => {
    expect([yuanText(-1), yuanText(-10), yuanText(-99), yuanText(-100), yuanText(-12345)]).toEqual([
      '-0.01',
      '-0.10',
      '-0.99',
      '-1.00',
      '-123.45',
    ]);
  });
});

describe('fenOfYuanText', () => {
  it.each([
    ['12.5', 1250],
    ['12.50', 1250],
    ['0.05', 5],
    ['-3', -300],
    ['+8.1', 810],
    [' 1.2 ', 120],
    ['-0', 0],
    ['999999.99', 99_999_999],
    ['0.29', 29], // 0.29 * 100 is 28.999999999999996 as a float
    ['1.15', 115],
  ])('reads %s yuan as %i fen', (text, fen) => {
    expect(fenOfYuanText(text)).toBe(fen);
  });

  it.each(['', '1.234', 'abc', '1,5', '.5', '1.', '--1', '1e3', '1000000'])('refuses %j', (text) => {
    expect(fenOfYuanText(text)).toBeUndefined();
  });
});
