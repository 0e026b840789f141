import { myOrdersContract, type OrderView } from '@pingan/shared/contracts'

import { call, CallError } from '../transport'

// Orders this visit has seen (a booking's answer, 我的点单's pages), so the order page opens at once; until
// an order's own detail call exists the page finds it in myOrders, whose pages it reads until it shows.

const seen = new Map<string, OrderView>()

/** Keeps the latest view of these orders for the order page. */
export function rememberOrders(orders: readonly OrderView[]): void {
  for (const order of orders) seen.set(order.id, order)
}

/** The order as last seen this visit, if any. */
export function rememberedOrder(id: string): OrderView | undefined {
  return seen.get(id)
}

/** At most this many pages of 我的点单 are read looking for one order. */
const PAGES_MAX = 10

/** The caller's order with this id, fresh from myOrders; ORDER.NOT_FOUND when it is not theirs. */
export async function loadMyOrder(id: string): Promise<OrderView> {
  let cursor: string | undefined
  for (let page = 0; page < PAGES_MAX; page++) {
    const answer = await call(myOrdersContract, { limit: 50, ...(cursor && { cursor }) })
    rememberOrders(answer.items)
    const found = answer.items.find((order) => order.id === id)
    if (found) return found
    if (!answer.nextCursor) break
    cursor = answer.nextCursor
  }
  throw new CallError('ORDER.NOT_FOUND', '没有找到这个点单')
}
