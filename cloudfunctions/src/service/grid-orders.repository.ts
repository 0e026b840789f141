import { ORDER_STATUSES, STAFF_ATTENTION_STATUSES, type OrderStatus } from '@pingan/shared';
import type { Page, PageRead } from '../platform/page-cursor';
import { readKeysetPage } from '../platform/page-cursor';
import { db } from '../platform/sdk';
import { readTwoPartPage } from '../platform/two-part-page';
import type { OrderDoc } from './order-document';

/** A grid's orders in one status, newest first: one keyset page on `grid_status_time`. */
export function ordersOfGrid(gridCode: string, status: OrderStatus, page: PageRead): Promise<Page<OrderDoc>> {
  return readKeysetPage<OrderDoc>(
    { collection: 'serviceOrders', where: { gridCode, status }, orderBy: 'createdAt', direction: 'desc' },
    page,
  );
}

/**
 * A grid's orders as its staff work through them: what waits on them (`STAFF_ATTENTION_STATUSES`) the
 * soonest slot first on `grid_status_slot`, then every other status newest first on `grid_status_time`
 * (one stream per status, merged; two-part-page.ts).
 */
export function staffOrdersOfGrid(gridCode: string, page: PageRead): Promise<Page<OrderDoc>> {
  const _ = db().command;
  const attention: readonly OrderStatus[] = STAFF_ATTENTION_STATUSES;
  const rest = ORDER_STATUSES.filter((status) => !attention.includes(status));
  return readTwoPartPage<OrderDoc>(
    { collection: 'serviceOrders', where: { gridCode, status: _.in([...attention]) }, orderBy: 'slot.startsAt', direction: 'asc' },
    { collection: 'serviceOrders', where: { gridCode, status: _.in(rest) }, orderBy: 'createdAt', direction: 'desc' },
    page,
  );
}
