import { myPointsContract, type ResponseOf } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { pageReadOf } from '../../platform/page-cursor';
import { balancesOf, ledgerOf, type LedgerDoc } from '../../points/points-ledger.repository';
import { findCaller } from '../../users/caller';

type EntryView = ResponseOf<typeof myPointsContract>['entries'][number];

/** `myPoints`: the caller's balances in money (fen) and community points, and their ledger, newest first. */
export const main = defineFunction(myPointsContract, async (request, { caller }) => {
  const read = pageReadOf(request);
  const me = await findCaller(caller);
  if (!me) return { fenBalance: 0, pointBalance: 0, entries: [], nextCursor: null };
  const [page, balances] = await Promise.all([ledgerOf(me.actor.id, read), balancesOf(me.actor.id)]);
  return { fenBalance: balances.fen, pointBalance: balances.point, entries: page.items.map(entryViewOf), nextCursor: page.nextCursor };
});

function entryViewOf(entry: LedgerDoc): EntryView {
  return {
    id: entry._id,
    kind: entry.kind,
    unit: entry.unit,
    amount: entry.amount,
    at: entry.at,
    ...(entry.reportId !== undefined && { reportId: entry.reportId }),
    ...(entry.basis !== undefined && { basis: entry.basis }),
    ...(entry.cause !== undefined && { cause: entry.cause }),
    ...(entry.reason !== undefined && { reason: entry.reason }),
    ...(entry.monthKey !== undefined && { monthKey: entry.monthKey }),
    ...(entry.orderId !== undefined && { orderId: entry.orderId }),
    ...(entry.minutes !== undefined && { minutes: entry.minutes }),
  };
}
