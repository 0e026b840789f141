import type { OrderStatus } from '@pingan/shared';
import type { Page, PageRead } from '../platform/page-cursor';
import { readKeysetPage } from '../platform/page-cursor';
import type { OrderDoc } from './order-document';

/** A grid's orders in one status, newest first: one keyset page on `grid_status_time`. */
export function ordersOfGrid(gridCode: string, status: OrderStatus, page: PageRead): Promise<Page<OrderDoc>> {
  return readKeysetPage<OrderDoc>(
    { collection: 'serviceOrders', where: { gridCode, status }, orderBy: 'createdAt', direction: 'desc' },
    page,
  );
}
