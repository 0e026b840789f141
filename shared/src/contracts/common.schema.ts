import * as z from 'zod/mini';
import { GRID_CODE_PATTERN, PLACE_CODE_PATTERN } from '../grid/grid-code';
import { OWNER_LEVELS } from '../grid/grid-level';
import { ROLES } from '../people/role';
import { REPORT_STATUSES } from '../report/report-status';
import { isWellFormedText, normalizeUserText } from '../text/user-text';
import { LIGHTS } from '../time/time-limit';

/**
 * Building blocks of the call contracts. Every string field is a `z.string()` with a length bound, so an
 * object such as `{ "$ne": null }` in its place fails parsing before it can reach a database query.
 */
export const idSchema = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/));
export const gridCodeSchema = z.string().check(z.regex(GRID_CODE_PATTERN));
export const placeCodeSchema = z.string().check(z.regex(PLACE_CODE_PATTERN));
/** The code of a report category or a bookable service: capitals, digits and `_`, up to 16 (XFYH, SMWX). */
export const CATALOG_CODE_PATTERN = /^[A-Z0-9_]{1,16}$/;
export const categoryCodeSchema = z.string().check(z.regex(CATALOG_CODE_PATTERN));
export const serviceCodeSchema = categoryCodeSchema;
export const roleSchema = z.enum(ROLES);
export const ownerLevelSchema = z.enum(OWNER_LEVELS);
export const reportStatusSchema = z.enum(REPORT_STATUSES);
export const lightSchema = z.enum(LIGHTS);

/**
 * Text a person typed, up to `max` UTF-16 units: a lone surrogate is refused, and what the handler gets is
 * normalised (NFC, no invisible characters at the ends; see text/user-text.ts), so the stored text, the
 * idempotency hash and the "says something" checks all see the same string.
 */
export function userTextSchema(max: number) {
  return z.pipe(
    z.string().check(z.maxLength(max), z.refine(isWellFormedText, { message: 'text is not well-formed UTF-16 (a lone surrogate)' })),
    z.transform(normalizeUserText),
  );
}

/** A note or comment from staff or a reporter. */
export const noteSchema = userTextSchema(500);

/** A file in cloud storage, as `wx.cloud.uploadFile` returns it. */
export const fileIdSchema = z.string().check(z.maxLength(512), z.startsWith('cloud://'));

/** A temporary http(s) download URL, as `getTempFileURL` hands one out (signed, expiring). */
export const tempUrlSchema = z.string().check(z.maxLength(2048), z.regex(/^https?:\/\//));

/** Epoch milliseconds. */
export const epochMsSchema = z.int().check(z.nonnegative());

/** A GCJ-02 `[lng, lat]` pair, as `wx.getLocation({ type: 'gcj02' })` or `wx.chooseLocation` give it. */
export const lngLatSchema = z.tuple([z.number().check(z.gte(-180), z.lte(180)), z.number().check(z.gte(-90), z.lte(90))]);

/** Paging: an opaque cursor from the previous page, and a page size (the server defaults it to 20). */
export const pageRequestSchema = z.object({
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.int().check(z.gte(1), z.lte(50))),
});

/** The cursor of the next page, or null on the last one. */
export const nextCursorSchema = z.nullable(z.string());

/** The request of a call that takes nothing (the caller is `getWXContext().OPENID`). */
export const emptyRequestSchema = z.object({});

/** The request of a call about one report. */
export const reportRefSchema = z.object({ reportId: idSchema });
