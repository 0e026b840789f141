/**
 * Codes are administrative division codes plus sequences (`410399001001-03`). Comparing them as plain
 * strings (ordinal order) gives "lower code" a single meaning everywhere, without parsing the scheme.
 */

/** Ordinal order of two codes; the routing tie-break ("lower code wins") is defined by it. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A grid's code: its community's division code (6–12 digits) plus a 2–3 digit sequence. */
export const GRID_CODE_PATTERN = /^[0-9]{6,12}-[0-9]{2,3}$/;

/** Any place's code: a division code, optionally followed by grid and micro-grid sequences. */
export const PLACE_CODE_PATTERN = /^[0-9]{6,12}(-[0-9]{2,3}){0,2}$/;
