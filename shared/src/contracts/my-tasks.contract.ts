import * as z from 'zod/mini';
import { nextCursorSchema, pageRequestSchema } from './common.schema';
import { contract } from './contract';
import { hallItemSchema } from './task-hall.contract';

/**
 * `myTasks` (我的任务): the orders and tasks the caller holds (claimed, or served as a grid worker) —
 * claimed, completed and disputed first, the soonest slot first; then confirmed and rated, the latest slot
 * first — each with what it asks and earns, keyset-paged.
 */
export const myTasksContract = contract(
  'myTasks',
  pageRequestSchema,
  z.object({ items: z.array(hallItemSchema), nextCursor: nextCursorSchema }),
);
