/** Money is integer fen (分): 0.5 yuan is 50. Yuan appear only as text, made without floating point. */

/** Fen as yuan text with two decimals: 1250 → "12.50", -50 → "-0.50". */
export function yuanText(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new Error(`money must be integer fen, got ${fen}`);
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** The most one typed amount may be, in yuan digits before the point (999999.99 yuan). */
const YUAN_TEXT = /^([+-]?)(\d{1,6})(?:\.(\d{1,2}))?$/;

/**
 * Fen from yuan as a person types it ("12.5", "-3", "0.05"), digit by digit, never through a float:
 * undefined for anything else (three decimals, letters, an empty string).
 */
export function fenOfYuanText(text: string): number | undefined {
  const match = YUAN_TEXT.exec(text.trim());
  if (!match) return undefined;
  const [, sign, whole, cents = ''] = match as unknown as [string, string, string, string | undefined];
  const fen = Number(whole) * 100 + Number(cents.padEnd(2, '0'));
  return sign === '-' && fen !== 0 ? -fen : fen;
}
