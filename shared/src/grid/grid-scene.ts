import { GRID_CODE_PATTERN } from './grid-code';

/**
 * The `scene` of a grid's mini-program code (扫码入格). WeChat's unlimited QR codes carry at most 32
 * characters of scene, which `g=` plus a grid code (18 characters in the demo scheme) fits.
 */
const SCENE_PREFIX = 'g=';
const SCENE_MAX_LENGTH = 32;

/** The scene string printed into a grid's QR code. */
export function gridScene(gridCode: string): string {
  return `${SCENE_PREFIX}${gridCode}`;
}

/** The grid code a scanned scene names, or undefined when the scene is not one of ours. */
export function gridCodeFromScene(scene: string): string | undefined {
  // WeChat hands the scene to the page URL-encoded (`g%3D…`).
  const decoded = safeDecode(scene);
  if (decoded === undefined || decoded.length > SCENE_MAX_LENGTH || !decoded.startsWith(SCENE_PREFIX)) return undefined;
  const code = decoded.slice(SCENE_PREFIX.length);
  return GRID_CODE_PATTERN.test(code) ? code : undefined;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
