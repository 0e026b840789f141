import { hasVisibleText, isWellFormedText, normalizeUserText } from '@pingan/shared/text';

describe('normalizeUserText', () => {
  it('composes to NFC, so the same word typed two ways is stored alike', () => {
    expect(normalizeUserText('Cafe\u0301')).toBe('Café');
  });

  it('takes zero-width, control and format characters and whitespace off both ends', () => {
    expect(normalizeUserText('\uFEFF\u200B\u0000 路灯坏了 \u2060\u3000\n')).toBe('路灯坏了');
  });

  it('keeps invisible characters inside the text, such as the joiners of an emoji sequence', () => {
    expect(normalizeUserText('家 👨‍👩‍👧 门口')).toBe('家 👨‍👩‍👧 门口');
  });

  it('takes invisible characters of the supplementary planes (tags, variation selectors) off the ends', () => {
    expect(normalizeUserText('\uDB40\uDC41井盖\uDB40\uDD00')).toBe('井盖');
  });
});

describe('hasVisibleText', () => {
  it.each([
    ['empty', ''],
    ['spaces and newlines', ' \n\t\u3000'],
    ['zero-width characters', '\u200B\u200C\u200D\u2060\uFEFF'],
    ['control characters', '\u0000\u0008\u001B\u007F\u0085'],
    ['bidi controls', '\u202A\u202E\u2066\u2069'],
    ['Hangul fillers', '\u3164\uFFA0'],
  ])('is false for %s', (_name, text) => {
    expect(hasVisibleText(text)).toBe(false);
  });

  it('is true for a single visible character of any script, an emoji or a punctuation mark', () => {
    for (const text of ['井', 'a', '7', '👍', '？', '\u200B好\u200B']) expect(hasVisibleText(text)).toBe(true);
  });

  it('is false for undefined', () => {
    expect(hasVisibleText(undefined)).toBe(false);
  });
});

describe('isWellFormedText', () => {
  it('accepts text whose surrogates all come in pairs', () => {
    expect(isWellFormedText('路灯 👍🏽 ok')).toBe(true);
  });

  it('refuses a lone high surrogate, at the end or before another character', () => {
    expect(isWellFormedText('路灯\uD83D')).toBe(false);
    expect(isWellFormedText('\uD83Dx')).toBe(false);
  });

  it('refuses a lone low surrogate', () => {
    expect(isWellFormedText('x\uDC4D')).toBe(false);
  });

  it('agrees with String.prototype.isWellFormed where the runtime has it', () => {
    const samples = ['', 'a', '\uD800', '\uDC00', '\uD800\uDC00', '\uDC00\uD800', 'x\uD83D\uDC4Dy', '\uD83D\uD83D\uDC4D'];
    const native = (String.prototype as { isWellFormed?: () => boolean }).isWellFormed;
    if (!native) return;
    for (const text of samples) expect(isWellFormedText(text)).toBe(native.call(text));
  });
});
