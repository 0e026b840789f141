/** Money is integer fen (分): 0.5 yuan is 50. Yuan appear only as text, made without floating point. */

/** Fen as yuan text with two decimals: 1250 → "12.50", -50 → "-0.50". */
export function yuanText(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new Error(`money must be integer fen, got ${fen}`);
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
