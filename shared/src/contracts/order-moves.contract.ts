import * as z from 'zod/mini';
import { ORDER_STATUSES } from '../service/order-status';
import { epochMsSchema, fileIdSchema, idSchema, noteSchema } from './common.schema';
import { contract } from './contract';
import { photoUrlsSchema } from './report-view.schema';
import { orderViewSchema } from './service-orders.contract';
import { uploadKeySchema } from './upload-slot.contract';

/** At most this many photos on one 完成. */
export const COMPLETION_PHOTOS_MAX = 9;

const orderRefSchema = z.object({ orderId: idSchema });
const orderAnswerSchema = z.object({ order: orderViewSchema });

/**
 * `completeOrder` (完成): whoever holds the order (the volunteer who claimed it, or the grid worker serving
 * it herself) reports it done with photos and a note. The photos must be the caller's own uploads into
 * their 'completion' slot for `uploadKey` (uploadSlot). Without a photo or a note: ORDER.PROOF_REQUIRED.
 */
export const completeOrderContract = contract(
  'completeOrder',
  z.object({
    orderId: idSchema,
    note: z.optional(noteSchema),
    photos: z.array(fileIdSchema).check(z.maxLength(COMPLETION_PHOTOS_MAX)),
    uploadKey: uploadKeySchema,
  }),
  orderAnswerSchema,
);

/** `confirmOrder` (确认完成): the requester confirms; the volunteer's minutes and points are credited once. */
export const confirmOrderContract = contract('confirmOrder', orderRefSchema, orderAnswerSchema);

/** `disputeOrder` (有异议): the requester says it was not done, with a note (ORDER.NOTE_REQUIRED without). */
export const disputeOrderContract = contract(
  'disputeOrder',
  z.object({ orderId: idSchema, note: z.optional(noteSchema) }),
  orderAnswerSchema,
);

/**
 * `settleOrder` (裁定): a 网格员/网格长 of the order's grid decides a disputed order: `done` (confirmed,
 * credited once) or `notDone` (back to the task hall, its claimant cleared), with a note.
 */
export const settleOrderContract = contract(
  'settleOrder',
  z.object({ orderId: idSchema, decision: z.enum(['done', 'notDone']), note: z.optional(noteSchema) }),
  orderAnswerSchema,
);

/** `rateOrder` (评价): the requester rates a confirmed order, 1 (不满意) to 5 (满意), with an optional comment. */
export const rateOrderContract = contract(
  'rateOrder',
  z.object({ orderId: idSchema, satisfaction: z.int().check(z.minimum(1), z.maximum(5)), comment: z.optional(noteSchema) }),
  orderAnswerSchema,
);

const partyRoleSchema = z.enum(['requester', 'claimant', 'gridStaff', 'gridVolunteer']);

/** A step of an order's timeline in full: who did it (by name), and what it carried. */
export const orderStepSchema = z.object({
  seq: z.int(),
  type: z.string(),
  at: epochMsSchema,
  status: z.enum(ORDER_STATUSES),
  actorName: z.optional(z.string()),
  note: z.optional(z.string()),
  photos: z.optional(z.array(fileIdSchema)),
  decision: z.optional(z.enum(['done', 'notDone'])),
  satisfaction: z.optional(z.int()),
  comment: z.optional(z.string()),
  credit: z.optional(z.object({ minutes: z.int(), points: z.int() })),
});

/** An order in full, for whoever has a part in it (orderDetail). */
export const orderDetailSchema = z.extend(orderViewSchema, {
  steps: z.array(orderStepSchema),
  /** Who holds it now, by name and capacity. */
  claimant: z.optional(z.object({ name: z.string(), as: z.enum(['volunteer', 'staff']) })),
  rating: z.optional(z.object({ satisfaction: z.int(), comment: z.optional(z.string()) })),
  /** What confirming credited its volunteer. */
  credit: z.optional(z.object({ minutes: z.int(), points: z.int() })),
  /** The caller's part in it, for the page to offer the moves that are theirs. */
  viewerIs: z.array(partyRoleSchema),
  /** Temporary URLs for the completion photos that lie in their uploader's slot. */
  photoUrls: z.optional(photoUrlsSchema),
});

/**
 * `orderDetail`: one order with its timeline, for its requester, whoever holds it, the grid's 网格员/网格长,
 * and the grid's volunteers while it waits in the task hall. Anyone else finds none (ORDER.NOT_FOUND).
 */
export const orderDetailContract = contract('orderDetail', orderRefSchema, z.object({ order: orderDetailSchema }));

export type OrderDetail = z.infer<typeof orderDetailSchema>;
export type OrderStep = z.infer<typeof orderStepSchema>;
