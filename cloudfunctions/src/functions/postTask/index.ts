import { postTaskContract } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { hallItemOf } from '../../service/hall-item';
import { postTask } from '../../service/task-posting';

/** `postTask` (发布任务): see service/task-posting.ts. */
export const main = defineFunction(postTaskContract, async (request, { caller, now }) => {
  const { order, replayed } = await postTask(request, caller, now.getTime());
  return { order: hallItemOf(order), replayed };
});
