import { orderMessageKindOf, type OrderEvent, type OrderView, type ServiceOrder } from '@pingan/shared';

/**
 * A service order as stored: the shared `ServiceOrder` (its `id` as `_id`) and the storage-only fields,
 * named once here: `version` (changes are conditional on it), the requester's openid and the booking's
 * idempotency key (the unique pair behind the id), a digest of what was asked, to tell a retry from
 * another booking reusing the key, and the owed-messages mark.
 */
export type OrderDoc = Omit<ServiceOrder, 'id'> & {
  readonly _id: string;
  readonly version: number;
  readonly requesterOpenid: string;
  readonly idempotencyKey: string;
  readonly requestHash: string;
  /**
   * Set by the move that owes someone a message, in the write that saves it, cleared once they have it:
   * the lowest event seq owed and when (notifications/notify-owed.ts; docs/DESIGN.md, "Telling people").
   */
  readonly notifyFrom?: number;
  readonly notifyDueAt?: number;
};

const STORAGE_ONLY = ['_id', 'version', 'requesterOpenid', 'idempotencyKey', 'requestHash', 'notifyFrom', 'notifyDueAt'] as const;

/** The domain's order of a stored document. */
export function orderOf(doc: OrderDoc): ServiceOrder {
  const order = Object.fromEntries(Object.entries(doc).filter(([key]) => !(STORAGE_ONLY as readonly string[]).includes(key)));
  return { ...(order as Omit<ServiceOrder, 'id'>), id: doc._id };
}

/**
 * The document as a move's save left it (service-orders.repository.ts' moveUpdate): the order after the
 * move, the stored event appended, the version one up, and the mark kept at its smallest when the event
 * owes a message, for the delivery that follows the save, so it need not read the order again.
 */
export function orderDocAfter(before: OrderDoc, after: ServiceOrder, event: OrderEvent): OrderDoc {
  const { id, events: _events, ...fields } = after;
  const { requesterOpenid, idempotencyKey, requestHash, notifyFrom, notifyDueAt } = before;
  const mark =
    orderMessageKindOf(event) !== undefined
      ? { notifyFrom: Math.min(notifyFrom ?? event.seq, event.seq), notifyDueAt: Math.min(notifyDueAt ?? event.at, event.at) }
      : { ...(notifyFrom !== undefined && { notifyFrom }), ...(notifyDueAt !== undefined && { notifyDueAt }) };
  return {
    ...fields,
    _id: id,
    events: [...before.events, event],
    version: before.version + 1,
    requesterOpenid,
    idempotencyKey,
    requestHash,
    ...mark,
  };
}

/** What the requester and the grid's staff read of an order: no openids, no claimant's id, the timeline's steps. */
export function orderViewOf(order: ServiceOrder): OrderView {
  const { id, kind, gridCode, serviceCode, title, status, address, note, forNeighbour, slot, createdAt, events } = order;
  return {
    id,
    kind,
    gridCode,
    ...(serviceCode !== undefined && { serviceCode }),
    title,
    status,
    address,
    ...(note !== undefined && { note }),
    ...(forNeighbour !== undefined && { forNeighbour }),
    slot: { key: slot.key, startsAt: slot.startsAt, endsAt: slot.endsAt },
    createdAt,
    events: events.map((event) => ({
      type: event.type,
      at: event.at,
      status: event.status,
      ...(event.note !== undefined && { note: event.note }),
    })),
  };
}
