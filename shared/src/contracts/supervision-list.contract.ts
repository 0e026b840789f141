import * as z from 'zod/mini';
import { REGION_LEVELS } from '../grid/grid-level';
import { epochMsSchema, nextCursorSchema, pageRequestSchema, placeCodeSchema } from './common.schema';
import { contract } from './contract';
import { inboxItemSchema } from './report-view.schema';

const count = z.int().check(z.nonnegative());

/**
 * Where a case stands on its supervisor's 督办 list: the 督办 notes sent to its owner and how many of them
 * await an answer, since when it is red (null: its running clock is not red), and since when it is listed
 * (the earlier of turning red and the oldest unanswered note).
 */
export const supervisionStateSchema = z.object({
  sent: count,
  unanswered: count,
  redSince: z.nullable(epochMsSchema),
  listedSince: epochMsSchema,
});

/** A case on a 督办 list: an inbox item (owner, light, deadline, assignee …) and its 督办 state. */
export const supervisionItemSchema = z.extend(inboxItemSchema, { supervision: supervisionStateSchema });

/**
 * `supervisionList` (督办清单): for a centre, the open cases owned one level below it (the places whose
 * supervising place it is: shared/src/report/supervision-list.ts) that are red on a running clock or hold a
 * 督办 note awaiting an answer, the longest listed first (`listedSince` ascending), a page at a time by
 * keyset. Anyone but a centre: AUTH.FORBIDDEN.
 */
export const supervisionListContract = contract(
  'supervisionList',
  pageRequestSchema,
  z.object({
    centre: z.object({ code: placeCodeSchema, level: z.enum(REGION_LEVELS) }),
    items: z.array(supervisionItemSchema),
    nextCursor: nextCursorSchema,
  }),
);

export type SupervisionState = z.infer<typeof supervisionStateSchema>;
export type SupervisionItem = z.infer<typeof supervisionItemSchema>;
