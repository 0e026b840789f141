import type { OrderStatus } from './order-status';

/**
 * 我的任务 (docs/DESIGN.md, "Service orders (居民点单)"): what a claimant still answers for — claimed (to do),
 * completed (waiting for the requester's 确认) or disputed (waiting for the grid's 裁定) — listed first, the
 * soonest slot first; then what was credited (confirmed, rated), the latest slot first. A task given back
 * (退单) or settled back to the hall names no claimant, so it is no longer theirs.
 */
export const CLAIMANT_OPEN_STATUSES = ['claimed', 'completed', 'disputed'] as const satisfies readonly OrderStatus[];
export const CLAIMANT_DONE_STATUSES = ['confirmed', 'rated'] as const satisfies readonly OrderStatus[];

/** Whether a claimed order is still in the claimant's hands or the requester's and grid's (not yet credited). */
export function isClaimantOpen(status: OrderStatus): boolean {
  return (CLAIMANT_OPEN_STATUSES as readonly OrderStatus[]).includes(status);
}
