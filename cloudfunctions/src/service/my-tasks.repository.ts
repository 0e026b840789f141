import { CLAIMANT_DONE_STATUSES, CLAIMANT_OPEN_STATUSES, type OrderStatus } from '@pingan/shared';
import type { KeysetList, Page, PageRead } from '../platform/page-cursor';
import { db } from '../platform/sdk';
import { readTwoPartPage } from '../platform/two-part-page';
import type { OrderDoc } from './order-document';

/** The claimant's orders in some statuses by slot start, on `serviceOrders.claimant_status_slot` (one stream per status, merged). */
function claimantList(personId: string, statuses: readonly OrderStatus[], direction: 'asc' | 'desc'): KeysetList {
  const where = { 'claimant.personId': personId, status: db().command.in([...statuses]) };
  return { collection: 'serviceOrders', where, orderBy: 'slot.startsAt', direction };
}

/**
 * One page of a claimant's tasks (我的任务): `CLAIMANT_OPEN_STATUSES` the soonest slot first, then
 * `CLAIMANT_DONE_STATUSES` the latest slot first (two-part-page.ts).
 */
export function tasksOfClaimant(personId: string, page: PageRead): Promise<Page<OrderDoc>> {
  return readTwoPartPage<OrderDoc>(
    claimantList(personId, CLAIMANT_OPEN_STATUSES, 'asc'),
    claimantList(personId, CLAIMANT_DONE_STATUSES, 'desc'),
    page,
  );
}
