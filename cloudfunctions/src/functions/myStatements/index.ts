import { myStatementsContract } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { pageReadOf } from '../../platform/page-cursor';
import { statementsOf } from '../../points/informant-standing.repository';
import { findCaller } from '../../users/caller';

/**
 * `myStatements`: the caller's settled monthly statements (settleMonth wrote them), the latest first, a
 * page at a time, without their rows; nobody else's. 2 waves: the caller; one query on `person_time`.
 */
export const main = defineFunction(myStatementsContract, async (request, { caller }) => {
  const read = pageReadOf(request);
  const me = await findCaller(caller);
  if (!me) return { statements: [], nextCursor: null };
  const page = await statementsOf(me.actor.id, read);
  return {
    statements: page.items.map(({ monthKey, totalFen, payableFen, carriedFen, at }) => ({
      monthKey,
      totalFen,
      payableFen,
      carriedFen,
      settledAt: at,
    })),
    nextCursor: page.nextCursor,
  };
});
