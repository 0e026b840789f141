import QRCode from 'qrcode';
import { wxError, type OpenApiHandler } from './wx-reply';

/** What scene may hold: up to 32 of these characters (WeChat's documented set). */
const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;
const DEFAULT_WIDTH = 430;

/**
 * wxacode.getUnlimited: a real PNG, though a square QR code rather than WeChat's round mini-program code.
 * It encodes `https://localhost/?scene=..&page=..` so a test (or a person with a scanner) can read it back.
 */
export const getUnlimited: OpenApiHandler = async (params) => {
  const { scene, page, width, line_color: lineColor, is_hyaline: isHyaline } = params;
  if (typeof scene !== 'string' || !SCENE_PATTERN.test(scene)) {
    return wxError(40169, 'invalid length for scene, or the data is not json');
  }
  if (page !== undefined && (typeof page !== 'string' || page.startsWith('/') || page.includes('?'))) {
    return wxError(41030, 'invalid page: no leading / and no query (put parameters in scene)');
  }
  const text = `https://localhost/?scene=${encodeURIComponent(scene)}&page=${encodeURIComponent(page ?? '')}`;
  const png = await QRCode.toBuffer(text, {
    type: 'png',
    width: clampWidth(width),
    margin: 2,
    color: { dark: hexColor(lineColor), light: isHyaline === true ? '#00000000' : '#ffffffff' },
  });
  return { kind: 'bytes', body: png, contentType: 'image/png' };
};

/** WeChat draws between 280 and 1280 px, 430 when unset. */
function clampWidth(width: unknown): number {
  if (typeof width !== 'number' || !Number.isFinite(width)) return DEFAULT_WIDTH;
  return Math.min(1280, Math.max(280, Math.round(width)));
}

/** `{ r, g, b }` (numbers or numeric strings, as WeChat accepts) to `#rrggbbff`; black when unset. */
function hexColor(color: unknown): string {
  if (!color || typeof color !== 'object') return '#000000ff';
  const { r, g, b } = color as Record<string, unknown>;
  const channel = (v: unknown) =>
    Math.min(255, Math.max(0, Number(v) || 0))
      .toString(16)
      .padStart(2, '0');
  return `#${channel(r)}${channel(g)}${channel(b)}ff`;
}
