import { myPointsContract, type ResponseOf } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { DEFAULT_PAGE_SIZE, decodeCursor, pageOf } from '../../platform/page-cursor';
import { balancesOf, ledgerOf, type LedgerDoc } from '../../points/points-ledger.repository';
import { findUserByOpenid } from '../../users/users.repository';

type EntryView = ResponseOf<typeof myPointsContract>['entries'][number];

/** `myPoints`: the caller's balances in money (fen) and community points, and their ledger, newest first. */
export const main = defineFunction(myPointsContract, async (request, { caller }) => {
  const limit = request.limit ?? DEFAULT_PAGE_SIZE;
  const after = decodeCursor(request.cursor);
  const user = await findUserByOpenid(caller.openid);
  if (!user) return { fenBalance: 0, pointBalance: 0, entries: [], nextCursor: null };
  const [rows, balances] = await Promise.all([ledgerOf(user._id, { limit, ...(after && { after }) }), balancesOf(user._id)]);
  const page = pageOf(rows, limit, (row) => [row.at, row._id]);
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
  };
}
