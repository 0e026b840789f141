import { createHash } from 'node:crypto';
import {
  isGridCaseStaff,
  newTask,
  taskSlotOf,
  taskTermsOf,
  TASK_KIND_NAMES,
  unknownSkills,
  type ParsedRequestOf,
  type postTaskContract,
  type ServiceOrder,
} from '@pingan/shared';
import { AppError } from '../platform/app-error';
import type { Caller } from '../platform/define-function';
import { findCaller } from '../users/caller';
import { orderOf, type OrderDoc } from './order-document';
import { refusal } from './order-moves';
import { findOrder, insertOrder } from './service-orders.repository';
import { knownSkills, volunteerRefusal } from './volunteer-registration';

type PostRequest = ParsedRequestOf<typeof postTaskContract>;
export type Posting = { readonly order: ServiceOrder; readonly replayed: boolean };

/** A posted task's id from its poster and the posting's idempotency key: `t` and 24 hex of SHA-256. */
export function taskIdFor(openid: string, idempotencyKey: string): string {
  return `t${sha256(`task\n${openid}\n${idempotencyKey}`).slice(0, 24)}`;
}

/**
 * A 网格员/网格长 posts a task without an order straight into the grid's task hall (`posted`). 2 waves: the
 * caller, any task under this id and the services (cached, for the skill list) at once; the insert. A retry
 * answers the first posting.
 */
export async function postTask(request: PostRequest, caller: Caller, now: number): Promise<Posting> {
  const id = taskIdFor(caller.openid, request.idempotencyKey);
  const [me, existing, skills] = await Promise.all([findCaller(caller), findOrder(id), knownSkills(now)]);
  const requestHash = requestHashOf(request);
  if (existing) return replayOf(existing, requestHash);
  if (!me || !isGridCaseStaff(me.actor, request.gridCode)) throw new AppError('AUTH.FORBIDDEN', '只有本网格的网格员、网格长可以发布任务');
  const needed = [...new Set(request.skills ?? [])];
  if (unknownSkills(needed, skills).length > 0) throw volunteerRefusal('VOLUNTEER.SKILL_UNKNOWN');
  const slot = taskSlotOf(request.date, request.start, request.end, now);
  if (!slot) throw new AppError('TASK.SLOT_INVALID', '任务时间不可用');
  const title = request.title !== undefined && request.title !== '' ? request.title : TASK_KIND_NAMES[request.taskKind];
  const order = newTask(
    {
      id,
      gridCode: request.gridCode,
      taskKind: request.taskKind,
      title,
      requesterId: me.actor.id,
      address: request.address,
      ...(request.note !== undefined && request.note !== '' && { note: request.note }),
      ...(needed.length > 0 && { skills: needed }),
      slot,
      terms: taskTermsOf(slot),
    },
    now,
  );
  const { id: _id, ...stored } = order;
  const doc: OrderDoc = {
    ...stored,
    _id: id,
    version: 0,
    requesterOpenid: caller.openid,
    idempotencyKey: request.idempotencyKey,
    requestHash,
  };
  if ((await insertOrder(doc)) === 'inserted') return { order, replayed: false };
  const first = await findOrder(id);
  if (!first) throw new Error(`serviceOrders/${id}: a duplicate key without a document`);
  return replayOf(first, requestHash);
}

function replayOf(doc: OrderDoc, requestHash: string): Posting {
  if (doc.requestHash !== requestHash) throw refusal('ORDER.IDEMPOTENCY_CONFLICT');
  return { order: orderOf(doc), replayed: true };
}

function requestHashOf(request: PostRequest): string {
  const { gridCode, taskKind, title, address, note, date, start, end, skills } = request;
  return sha256(JSON.stringify([gridCode, taskKind, title ?? null, address, note ?? null, date, start, end, skills ?? null]));
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
