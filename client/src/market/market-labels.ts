import type { MyRedemptionView } from '@pingan/shared/contracts'

/** A redemption's status as residents and staff read it. */
export const REDEMPTION_STATUS_LABELS: Record<MyRedemptionView['status'], string> = {
  requested: '待领取',
  handedOver: '已领取',
  cancelled: '已取消',
  refused: '已退回',
}

/** What is left of an item, in words: none left reads 已兑完. */
export function stockText(stock: number): string {
  return stock > 0 ? `还剩 ${stock} 件` : '已兑完'
}
