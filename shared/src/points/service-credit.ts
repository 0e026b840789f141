import type { OrderCredit } from '../service/service-order';
import { shanghaiDayKey } from '../time/shanghai-time';
import { serviceEntryId, type LedgerEntry } from './ledger-entry';

/**
 * The ledger entry of a volunteer's service (docs/DESIGN.md, "Points"): one `service` entry per order,
 * `service:<orderId>`, in community points, carrying the service minutes beside the points, so hours and
 * points are one record written once when the requester confirms (or the grid worker settles it done).
 * A zero-point service is recorded too: its minutes still count.
 */
export function serviceCreditEntry(orderId: string, credit: OrderCredit, at: number): LedgerEntry {
  return {
    id: serviceEntryId(orderId),
    personId: credit.personId,
    kind: 'service',
    unit: 'point',
    amount: credit.points,
    at,
    dayKey: shanghaiDayKey(at),
    orderId,
    minutes: credit.minutes,
  };
}
