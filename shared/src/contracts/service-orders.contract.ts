import * as z from 'zod/mini';
import { gridServiceSchema, weeklySlotSchema } from '../service/grid-catalogue';
import { ORDER_STATUSES } from '../service/order-status';
import {
  epochMsSchema,
  gridCodeSchema,
  idSchema,
  nextCursorSchema,
  noteSchema,
  pageRequestSchema,
  serviceCodeSchema,
  userTextSchema,
} from './common.schema';
import { contract } from './contract';

/** The longest address and neighbour's name a booking keeps. */
export const ORDER_ADDRESS_MAX = 100;
export const NEIGHBOUR_NAME_MAX = 20;

const orderStatusSchema = z.enum(ORDER_STATUSES);
/** A slot occurrence's key: its Asia/Shanghai date and start, `YYYY-MM-DDTHH:mm` (shared/src/service/grid-catalogue.ts). */
export const slotKeySchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/));
const phoneSchema = z.string().check(z.regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/));

/** One bookable occurrence of a slot, with how many places it has left. */
export const slotOfferSchema = z.object({
  key: slotKeySchema,
  date: z.string(),
  start: z.string(),
  end: z.string(),
  startsAt: epochMsSchema,
  capacity: z.int(),
  left: z.int(),
});

/** A service as a grid offers it: the county's description, the grid's weekly slots and the week's occurrences. */
export const gridServiceOfferSchema = z.object({
  serviceCode: serviceCodeSchema,
  name: z.string(),
  description: z.string(),
  durationMinutes: z.int(),
  slots: z.array(weeklySlotSchema),
  upcoming: z.array(slotOfferSchema),
});

/**
 * `gridServices`: what a grid offers to book (居民点单) — the caller's joined grid, or a grid they live in
 * or may edit (`gridCode`) — with each slot's places left this week; `custom` when the grid set its own.
 */
export const gridServicesContract = contract(
  'gridServices',
  z.object({ gridCode: z.optional(gridCodeSchema) }),
  z.object({ gridCode: gridCodeSchema, custom: z.boolean(), mayEdit: z.boolean(), services: z.array(gridServiceOfferSchema) }),
);

/** `saveGridServices`: the community's centre or the grid's 网格长 sets the grid's services and weekly slots. */
export const saveGridServicesContract = contract(
  'saveGridServices',
  z.object({ gridCode: gridCodeSchema, services: z.array(gridServiceSchema).check(z.maxLength(30)) }),
  z.object({ gridCode: gridCodeSchema, services: z.array(gridServiceSchema) }),
);

/** A step of an order's timeline as its requester reads it. */
export const orderEventViewSchema = z.object({
  type: z.string(),
  at: epochMsSchema,
  status: orderStatusSchema,
  note: z.optional(z.string()),
});

/** An order as its requester and the grid's staff read it. */
export const orderViewSchema = z.object({
  id: idSchema,
  kind: z.enum(['order', 'task']),
  gridCode: gridCodeSchema,
  serviceCode: z.optional(serviceCodeSchema),
  title: z.string(),
  status: orderStatusSchema,
  address: z.string(),
  note: z.optional(z.string()),
  forNeighbour: z.optional(z.object({ name: z.string(), phone: z.optional(z.string()) })),
  slot: z.object({ key: slotKeySchema, startsAt: epochMsSchema, endsAt: epochMsSchema }),
  createdAt: epochMsSchema,
  events: z.array(orderEventViewSchema),
});

/**
 * `bookService` (居民点单): a resident books a service their joined grid offers, in one of its slots this
 * week, with an address (or for a neighbour: 代办) and a note; a slot is never booked beyond its capacity.
 * A retry with the same `idempotencyKey` answers the first booking (`replayed`).
 */
export const bookServiceContract = contract(
  'bookService',
  z.object({
    idempotencyKey: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/)),
    serviceCode: serviceCodeSchema,
    slotKey: slotKeySchema,
    address: userTextSchema(ORDER_ADDRESS_MAX),
    note: z.optional(noteSchema),
    forNeighbour: z.optional(z.object({ name: userTextSchema(NEIGHBOUR_NAME_MAX), phone: z.optional(phoneSchema) })),
  }),
  z.object({ order: orderViewSchema, replayed: z.boolean() }),
);

/** `myOrders` (我的点单): the caller's orders, newest first, keyset-paged. */
export const myOrdersContract = contract(
  'myOrders',
  pageRequestSchema,
  z.object({ items: z.array(orderViewSchema), nextCursor: nextCursorSchema }),
);

/** `cancelOrder` (取消): the requester cancels an order nobody has taken on yet (booked, or waiting in the hall). */
export const cancelOrderContract = contract(
  'cancelOrder',
  z.object({ orderId: idSchema, note: z.optional(noteSchema) }),
  z.object({ order: orderViewSchema }),
);

/** `dispatchOrder` (网格下单): a 网格员/网格长 of the order's grid puts a booked order in the task hall, or serves it herself. */
export const dispatchOrderContract = contract(
  'dispatchOrder',
  z.object({ orderId: idSchema, mode: z.enum(['hall', 'self']), note: z.optional(noteSchema) }),
  z.object({ order: orderViewSchema }),
);

export type GridServiceOffer = z.infer<typeof gridServiceOfferSchema>;
export type SlotOffer = z.infer<typeof slotOfferSchema>;
export type OrderView = z.infer<typeof orderViewSchema>;
