import * as z from 'zod/mini';
import { clockSchema } from '../service/grid-catalogue';
import { TASK_KINDS } from '../service/service-order';
import { gridCodeSchema, idSchema, nextCursorSchema, noteSchema, pageRequestSchema, userTextSchema } from './common.schema';
import { contract } from './contract';
import { ORDER_ADDRESS_MAX, orderViewSchema } from './service-orders.contract';
import { VOLUNTEER_SKILLS_MAX, skillSchema } from './volunteers.contract';

/** The longest title a posted task keeps. */
export const TASK_TITLE_MAX = 40;

/** An order or task in the task hall: what its requester reads, and what it asks of a volunteer. */
export const hallItemSchema = z.extend(orderViewSchema, {
  taskKind: z.optional(z.enum(TASK_KINDS)),
  skills: z.array(z.string()),
  minutes: z.int(),
  points: z.int(),
});

/**
 * `postTask`: a 网格员 or 网格长 posts a task without an order (环境卫生整治, 政策宣传, a 党员责任岗) straight
 * into the grid's task hall, for a date and time window (Asia/Shanghai) in the next 30 days, optionally
 * asking for skills. A retry with the same `idempotencyKey` answers the first (`replayed`).
 */
export const postTaskContract = contract(
  'postTask',
  z.object({
    idempotencyKey: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/)),
    gridCode: gridCodeSchema,
    taskKind: z.enum(TASK_KINDS),
    title: z.optional(userTextSchema(TASK_TITLE_MAX)),
    address: z.pipe(userTextSchema(ORDER_ADDRESS_MAX), z.string().check(z.minLength(1))),
    note: z.optional(noteSchema),
    date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
    start: clockSchema,
    end: clockSchema,
    skills: z.optional(z.array(skillSchema).check(z.maxLength(VOLUNTEER_SKILLS_MAX))),
  }),
  z.object({ order: hallItemSchema, replayed: z.boolean() }),
);

/**
 * `taskHall` (任务大厅): the open tasks (posted) of the caller's grids that ask for none of the skills they
 * lack (a volunteer: one skill in common, or none asked), the soonest first, keyset-paged. `gridCode`: one
 * grid the caller volunteers in or serves as 网格员/网格长 (staff see every task of it).
 */
export const taskHallContract = contract(
  'taskHall',
  z.extend(pageRequestSchema, { gridCode: z.optional(gridCodeSchema) }),
  z.object({ items: z.array(hallItemSchema), nextCursor: nextCursorSchema }),
);

/** `claimOrder` (党员接单): a volunteer of the grid takes a task in the hall; the first valid claim wins. */
export const claimOrderContract = contract(
  'claimOrder',
  z.object({ orderId: idSchema, note: z.optional(noteSchema) }),
  z.object({ order: orderViewSchema }),
);

/** `withdrawOrder` (退单): the claimant gives a task back to the hall before its slot starts (ORDER.TOO_LATE after). */
export const withdrawOrderContract = contract(
  'withdrawOrder',
  z.object({ orderId: idSchema, note: z.optional(noteSchema) }),
  z.object({ order: orderViewSchema }),
);

export type HallItem = z.infer<typeof hallItemSchema>;
