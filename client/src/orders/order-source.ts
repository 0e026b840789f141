import type { OrderView } from '@pingan/shared/contracts'

// Orders this visit has seen (a booking's answer, 我的点单's pages), so the order page shows one at once
// while its detail (orderDetail) is on its way.

const seen = new Map<string, OrderView>()

/** Keeps the latest view of these orders for the order page. */
export function rememberOrders(orders: readonly OrderView[]): void {
  for (const order of orders) seen.set(order.id, order)
}

/** The order as last seen this visit, if any. */
export function rememberedOrder(id: string): OrderView | undefined {
  return seen.get(id)
}
