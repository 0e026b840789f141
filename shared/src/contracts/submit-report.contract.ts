import * as z from 'zod/mini';
import {
  categoryCodeSchema,
  fileIdSchema,
  gridCodeSchema,
  lngLatSchema,
  ownerLevelSchema,
  placeCodeSchema,
  userTextSchema,
} from './common.schema';
import { ROUTE_REASONS } from '../routing/route-report';
import { hasVisibleText } from '../text/user-text';
import { contract } from './contract';
import { reportSummarySchema } from './report-view.schema';

export const REPORT_TEXT_MAX = 2000;
export const REPORT_PHOTOS_MAX = 9;

/**
 * `submitReport` (随手拍). The idempotency key, made once per draft on the client, turns a retried submit
 * into the same report (`replayed: true`) instead of a second one.
 */
export const submitReportRequestSchema = z
  .object({
    categoryCode: categoryCodeSchema,
    text: userTextSchema(REPORT_TEXT_MAX),
    photos: z.array(fileIdSchema).check(z.maxLength(REPORT_PHOTOS_MAX)),
    location: z.optional(lngLatSchema),
    scannedGridCode: z.optional(gridCodeSchema),
    anonymous: z.boolean(),
    idempotencyKey: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/)),
  })
  .check(
    z.refine((report) => hasVisibleText(report.text) || report.photos.length > 0, {
      message: 'a report needs text or a photo',
      path: ['text'],
    }),
  );

/**
 * Where routing sent the report and why (see routing/route-report.ts), with the owner's name and the name
 * of the community it lies in (a grid's community, or the community itself; none above a community).
 */
export const routeViewSchema = z.object({
  reason: z.enum(ROUTE_REASONS),
  ownerCode: placeCodeSchema,
  ownerLevel: ownerLevelSchema,
  ownerName: z.optional(z.string().check(z.maxLength(100))),
  communityName: z.optional(z.string().check(z.maxLength(100))),
  microGridCode: z.optional(placeCodeSchema),
  distanceM: z.optional(z.number().check(z.nonnegative())),
  departments: z.array(z.string()),
});

export const submitReportContract = contract(
  'submitReport',
  submitReportRequestSchema,
  z.object({ report: reportSummarySchema, route: routeViewSchema, replayed: z.boolean() }),
);
