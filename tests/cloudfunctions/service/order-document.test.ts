import { applyOrderTransition, newOrder, type Actor, type OrderAction, type ServiceOrder } from '@pingan/shared';
import { orderDocAfter, orderOf, type OrderDoc } from '../../../cloudfunctions/src/service/order-document';

/**
 * The document a move's save leaves (service-orders.repository.ts' moveUpdate), as the delivery after the
 * save reads it without reading the order again: the owed-messages mark kept at its smallest when the move
 * tells someone, left as it was when it tells nobody, and never part of the domain's order.
 */
const GRID = '410399001001-03';
const T0 = Date.UTC(2026, 11, 1, 2, 0);
const worker: Actor = { id: 'p-worker', roles: ['gridWorker'], gridCodes: [GRID] };
const volunteer: Actor = { id: 'u-volunteer', roles: ['volunteer'], gridCodes: [GRID] };

const booked = newOrder(
  {
    id: 'o-1',
    gridCode: GRID,
    serviceCode: 'SMLF',
    title: '上门理发',
    requesterId: 'u-resident',
    address: '幸福路 3 号',
    slot: { key: '2026-12-02T09:00', startsAt: T0 + 23 * 3_600_000, endsAt: T0 + 24 * 3_600_000 },
    terms: { minutes: 40, points: 5 },
  },
  T0,
);

function stored(order: ServiceOrder, extra: Partial<OrderDoc> = {}): OrderDoc {
  const { id, ...fields } = order;
  return {
    ...fields,
    _id: id,
    version: order.events.length,
    requesterOpenid: 'o-resident',
    idempotencyKey: 'k',
    requestHash: 'h',
    ...extra,
  };
}

function moved(before: OrderDoc, action: OrderAction, actor: Actor, at: number): OrderDoc {
  const outcome = applyOrderTransition(orderOf(before), action, actor, at);
  if (!outcome.ok) throw new Error(outcome.code);
  return orderDocAfter(before, outcome.order, outcome.event);
}

it('marks a move that tells someone (接单) with its seq and time, the version one up', () => {
  const posted = moved(stored(booked), { type: 'dispatch' }, worker, T0 + 1_000);
  expect(posted).not.toHaveProperty('notifyFrom');
  const claimed = moved(posted, { type: 'claim' }, volunteer, T0 + 2_000);
  expect(claimed).toMatchObject({ status: 'claimed', version: posted.version + 1, notifyFrom: 3, notifyDueAt: T0 + 2_000 });
  expect(claimed.events.map((e) => e.type)).toEqual(['booked', 'dispatched', 'claimed']);
  expect(claimed).toMatchObject({ requesterOpenid: 'o-resident', idempotencyKey: 'k', requestHash: 'h' });
});

it('keeps an older mark at its smallest, and leaves it as it was through a move that tells nobody', () => {
  const posted = moved(stored(booked), { type: 'dispatch' }, worker, T0 + 1_000);
  const claimed = moved({ ...posted, notifyFrom: 1, notifyDueAt: T0 }, { type: 'claim' }, volunteer, T0 + 2_000);
  expect(claimed).toMatchObject({ notifyFrom: 1, notifyDueAt: T0 });
  const withdrawn = moved(claimed, { type: 'withdraw' }, volunteer, T0 + 3_000);
  expect(withdrawn).toMatchObject({ status: 'posted', notifyFrom: 1, notifyDueAt: T0 });
});

it('never lets the mark into the domain’s order', () => {
  const order = orderOf(stored(booked, { notifyFrom: 1, notifyDueAt: T0 }));
  expect(order).not.toHaveProperty('notifyFrom');
  expect(order).not.toHaveProperty('notifyDueAt');
  expect(order.id).toBe('o-1');
});
