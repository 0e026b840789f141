import * as z from 'zod/mini';
import {
  categoryCodeSchema,
  gridCodeSchema,
  idSchema,
  lightSchema,
  nextCursorSchema,
  pageRequestSchema,
  reportStatusSchema,
} from './common.schema';
import { DUE_FILTERS, SUPERVISION_FILTERS } from '../report/case-groups';
import { contract } from './contract';
import { inboxItemSchema } from './report-view.schema';

/** How the inbox is ordered: nearest deadline first (the default), or most 我也遇到 first. */
export const INBOX_SORTS = ['urgency', 'support'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

/** Whose cases the inbox lists: those the caller owns, or (a centre) every case in its area. */
export const INBOX_SCOPES = ['owned', 'area'] as const;

/** Whose cases: the caller's own ('me'), nobody's yet ('none'), or one person's (by user id). */
export const inboxAssigneeSchema = z.union([z.literal('me'), z.literal('none'), z.object({ personId: idSchema })]);

/**
 * The inbox's filters, each optional and combinable: a status (or 'open', the default: every open one, or
 * 'handling': HANDLING_STATUSES, the workbench's 办理中), a due filter (DUE_FILTERS: the workbench's 即将超时
 * and 已超时, of running clocks only), a light (green / yellow / red, of running clocks only: a resolved case's light is frozen), a category, one
 * of the caller's grids, an assignee; and the order. A cursor belongs to the filters and order it was
 * made with.
 */
export const inboxRequestSchema = z
  .extend(pageRequestSchema, {
    status: z.optional(z.union([reportStatusSchema, z.literal('open'), z.literal('handling')])),
    due: z.optional(z.enum(DUE_FILTERS)),
    /** 'unanswered': only cases holding a 督办 note their owner has not answered (the workbench's 督办待回复). */
    supervision: z.optional(z.enum(SUPERVISION_FILTERS)),
    light: z.optional(lightSchema),
    categoryCode: z.optional(categoryCodeSchema),
    gridCode: z.optional(gridCodeSchema),
    assignee: z.optional(inboxAssigneeSchema),
    sort: z.optional(z.enum(INBOX_SORTS)),
    /**
     * 'owned' (the default): the cases the caller owns. 'area': for a centre, every case lying in its region
     * (its grids' too), by urgency only; a grid's staff own their whole area already, so it is 'owned' for them.
     */
    scope: z.optional(z.enum(INBOX_SCOPES)),
  })
  .check(
    z.refine((request) => !(request.scope === 'area' && request.sort === 'support'), { message: 'an area is listed by urgency only' }),
  );

/**
 * `inbox`: the cases the calling 网格员/网格长 owns in their grids (a centre: in its region), open ones unless
 * a status is asked for, filtered and ordered as asked, a page at a time (keyset paging: docs/DESIGN.md,
 * "The inbox and the workbench").
 */
export const inboxContract = contract(
  'inbox',
  inboxRequestSchema,
  z.object({ items: z.array(inboxItemSchema), nextCursor: nextCursorSchema }),
);

export type InboxRequest = z.input<typeof inboxRequestSchema>;
