import { ORDER_TRANSITIONS } from './order-transitions';

/**
 * The states of a service order's life (居民点单 → 网格下单 → 党员接单), a closed union. A task posted without
 * an order (环境卫生整治, 政策宣传, a 党员责任岗) starts at `posted`.
 */
export const ORDER_STATUSES = ['booked', 'cancelled', 'posted', 'claimed', 'completed', 'confirmed', 'disputed', 'rated'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Statuses in which nobody has taken the order on yet: the resident may still cancel it. */
export const UNCLAIMED_STATUSES = ['booked', 'posted'] as const satisfies readonly OrderStatus[];

/** Whether nobody has taken the order on yet (booked, or waiting in the task hall). */
export function isUnclaimed(status: OrderStatus): boolean {
  return (UNCLAIMED_STATUSES as readonly OrderStatus[]).includes(status);
}

/** Whether the order still waits for someone: neither cancelled nor confirmed (nor rated). */
export function isOrderOpen(status: OrderStatus): boolean {
  return status !== 'cancelled' && status !== 'confirmed' && status !== 'rated';
}

/** Whether nothing can happen to the order any more: no transition leaves this status. */
export function isOrderTerminal(status: OrderStatus): boolean {
  return !ORDER_TRANSITIONS.some((transition) => transition.from === status);
}
