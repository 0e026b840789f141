/**
 * Text people type (a report's description, a staff note). Phones paste zero-width joiners, byte-order
 * marks and stray control characters; a description made only of them must not count as written, and a
 * lone UTF-16 surrogate (half an emoji, from a cut-off paste or a hostile client) is not text at all.
 *
 * Written with explicit code-unit ranges rather than `\p{…}` classes so the mini-program bundle needs no
 * Unicode property tables and old WebViews without lookbehind run it.
 */

/** One code unit's worth of characters nobody can see: whitespace, controls, format and filler marks. */
const INVISIBLE_UNIT =
  '\\s\\u0000-\\u001F\\u007F-\\u009F\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F' +
  '\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u206F\\u3164\\uFE00-\\uFE0F\\uFEFF\\uFFA0\\uFFF9-\\uFFFB';
/** The same in the supplementary planes: tag characters (U+E0000–E007F) and variation selectors (U+E0100–E01EF). */
const INVISIBLE_PAIR = '\\uDB40[\\uDC00-\\uDC7F\\uDD00-\\uDDEF]';
const INVISIBLE = `(?:[${INVISIBLE_UNIT}]|${INVISIBLE_PAIR})`;

const LEADING_INVISIBLE = new RegExp(`^${INVISIBLE}+`);
const TRAILING_INVISIBLE = new RegExp(`${INVISIBLE}+$`);
const ALL_INVISIBLE = new RegExp(INVISIBLE, 'g');

/** Whether every surrogate in the string is half of a pair (what `String.prototype.isWellFormed` answers). */
export function isWellFormedText(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i += 1;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return false;
    }
  }
  return true;
}

/**
 * The text as stored: Unicode NFC (so 'é' typed two ways compares equal), without invisible characters at
 * either end. Invisible characters inside are kept — a zero-width joiner inside an emoji is part of it.
 */
export function normalizeUserText(text: string): string {
  return text.normalize('NFC').replace(LEADING_INVISIBLE, '').replace(TRAILING_INVISIBLE, '');
}

/** Whether the text says anything: something is left once every invisible character is taken out. */
export function hasVisibleText(text: string | undefined): boolean {
  return text !== undefined && text.replace(ALL_INVISIBLE, '').length > 0;
}
