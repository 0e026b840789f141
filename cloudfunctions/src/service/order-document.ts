import type { OrderView, ServiceOrder } from '@pingan/shared';

/**
 * A service order as stored: the shared `ServiceOrder` (its `id` as `_id`) and the storage-only fields,
 * named once here: `version` (changes are conditional on it), the requester's openid and the booking's
 * idempotency key (the unique pair behind the id), and a digest of what was asked, to tell a retry from
 * another booking reusing the key.
 */
export type OrderDoc = Omit<ServiceOrder, 'id'> & {
  readonly _id: string;
  readonly version: number;
  readonly requesterOpenid: string;
  readonly idempotencyKey: string;
  readonly requestHash: string;
};

const STORAGE_ONLY = ['_id', 'version', 'requesterOpenid', 'idempotencyKey', 'requestHash'] as const;

/** The domain's order of a stored document. */
export function orderOf(doc: OrderDoc): ServiceOrder {
  const order = Object.fromEntries(Object.entries(doc).filter(([key]) => !(STORAGE_ONLY as readonly string[]).includes(key)));
  return { ...(order as Omit<ServiceOrder, 'id'>), id: doc._id };
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
