import { createHash } from 'node:crypto';
import {
  findUpcomingSlot,
  newOrder,
  slotCounterId,
  type bookServiceContract,
  type ParsedRequestOf,
  type Service,
  type ServiceOrder,
} from '@pingan/shared';
import { listServices } from '../catalog/services.repository';
import { AppError } from '../platform/app-error';
import type { Caller } from '../platform/define-function';
import { findCaller } from '../users/caller';
import { gridCatalogue } from './grid-services.repository';
import { orderOf, type OrderDoc } from './order-document';
import { refusal } from './order-moves';
import { findOrder, insertOrder } from './service-orders.repository';
import { releaseSlotPlace, takeSlotPlace } from './service-slots.repository';

type BookRequest = ParsedRequestOf<typeof bookServiceContract>;
export type Booking = { readonly order: ServiceOrder; readonly replayed: boolean };

/** An order's id from its requester and the booking's idempotency key: `o` and 24 hex of SHA-256. */
export function orderIdFor(openid: string, idempotencyKey: string): string {
  return `o${sha256(`${openid}\n${idempotencyKey}`).slice(0, 24)}`;
}

/**
 * 居民点单: the caller books a service of their joined grid in one of its slots ahead. Waves: the caller,
 * the county's services (cached a minute) and any order under this id at once; the grid's catalogue; one
 * conditional increment of the slot's counter (never beyond its capacity); the insert. A retry answers
 * the first booking; a retry racing its first gives back the place it took.
 */
export async function bookService(request: BookRequest, caller: Caller, now: number): Promise<Booking> {
  const id = orderIdFor(caller.openid, request.idempotencyKey);
  const [me, county, existing] = await Promise.all([findCaller(caller), listServices(now), findOrder(id)]);
  const requestHash = requestHashOf(request);
  if (existing) return replayOf(existing, requestHash);
  const gridCode = me?.user.joinedGridCode;
  if (!me || gridCode === undefined) throw new AppError('GRID.NOT_JOINED', '请先扫码加入所在网格');
  const service = county.find((candidate) => candidate.code === request.serviceCode);
  const offered = service && (await gridCatalogue(gridCode, county)).services.find((s) => s.serviceCode === service.code);
  if (!service || !offered) throw new AppError('SERVICE.NOT_OFFERED', '本网格不提供这项服务');
  const slot = findUpcomingSlot(offered, request.slotKey, now);
  if (!slot) throw new AppError('SERVICE.SLOT_INVALID', '这个时段不能预约');
  const counter = slotCounterId(gridCode, service.code, slot.key);
  if (!(await takeSlotPlace(counter, slot.capacity))) throw new AppError('SERVICE.SLOT_FULL', '这个时段已经约满');
  const order = orderFor(request, id, gridCode, me.actor.id, service, slot, now);
  const doc: OrderDoc = {
    ...withoutId(order),
    _id: id,
    version: 0,
    requesterOpenid: caller.openid,
    idempotencyKey: request.idempotencyKey,
    requestHash,
  };
  if ((await insertOrder(doc)) === 'inserted') return { order, replayed: false };
  await releaseSlotPlace(counter);
  const first = await findOrder(id);
  if (!first) throw new Error(`serviceOrders/${id}: a duplicate key without a document`);
  return replayOf(first, requestHash);
}

function orderFor(
  request: BookRequest,
  id: string,
  gridCode: string,
  requesterId: string,
  service: Service,
  slot: { readonly key: string; readonly startsAt: number; readonly endsAt: number },
  now: number,
): ServiceOrder {
  return newOrder(
    {
      id,
      gridCode,
      serviceCode: service.code,
      title: service.name,
      requesterId,
      address: request.address,
      ...(request.note !== undefined && request.note !== '' && { note: request.note }),
      ...(request.forNeighbour && { forNeighbour: request.forNeighbour }),
      skills: [...service.skills],
      slot: { key: slot.key, startsAt: slot.startsAt, endsAt: slot.endsAt },
      terms: { minutes: service.durationMinutes, points: service.volunteerPoints },
    },
    now,
  );
}

function replayOf(doc: OrderDoc, requestHash: string): Booking {
  if (doc.requestHash !== requestHash) throw refusal('ORDER.IDEMPOTENCY_CONFLICT');
  return { order: orderOf(doc), replayed: true };
}

function requestHashOf(request: BookRequest): string {
  const { serviceCode, slotKey, address, note, forNeighbour } = request;
  return sha256(JSON.stringify([serviceCode, slotKey, address, note ?? null, forNeighbour ?? null]));
}

function withoutId(order: ServiceOrder): Omit<ServiceOrder, 'id'> {
  const { id: _id, ...rest } = order;
  return rest;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
