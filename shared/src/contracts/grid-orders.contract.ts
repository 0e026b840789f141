import * as z from 'zod/mini';
import { ORDER_STATUSES } from '../service/order-status';
import { gridCodeSchema, nextCursorSchema, pageRequestSchema } from './common.schema';
import { contract } from './contract';
import { orderViewSchema } from './service-orders.contract';

/** An order on its grid's list: the order as its requester reads it, and who booked it (named for the staff). */
export const gridOrderItemSchema = z.extend(orderViewSchema, { requesterName: z.optional(z.string()) });

/**
 * `gridOrders` (网格下单 list): a grid's orders in one status, newest first (gridCode + status + createdAt);
 * without a status, all of them as the staff work through them — booked and disputed (STAFF_ATTENTION_STATUSES)
 * the soonest slot first, then the rest newest first — a page at a time by keyset, for the grid's
 * 网格员/网格长 and its community's centre (mayListGridOrders).
 */
export const gridOrdersContract = contract(
  'gridOrders',
  z.extend(pageRequestSchema, { gridCode: gridCodeSchema, status: z.optional(z.enum(ORDER_STATUSES)) }),
  z.object({ items: z.array(gridOrderItemSchema), nextCursor: nextCursorSchema }),
);

export type GridOrderItem = z.infer<typeof gridOrderItemSchema>;
