import { myPointsContract, type ResponseOf } from '@pingan/shared/contracts'

import { call } from '../transport'

type LedgerEntryView = ResponseOf<typeof myPointsContract>['entries'][number]

export type ServiceTally = { minutes: number; points: number; pointBalance: number }

/** Pages of the ledger read at most for the tally (50 lines each). */
const PAGES_MAX = 4

/** Minutes and points of the confirmed services among these ledger lines (kind 'service'). */
export function serviceTallyOf(entries: readonly LedgerEntryView[]): { minutes: number; points: number } {
  return entries
    .filter((entry) => entry.kind === 'service')
    .reduce((sum, entry) => ({ minutes: sum.minutes + (entry.minutes ?? 0), points: sum.points + entry.amount }), { minutes: 0, points: 0 })
}

/** The volunteer's service hours and points as the ledger holds them (myPoints), with their points balance. */
export async function loadServiceTally(): Promise<ServiceTally> {
  const entries: LedgerEntryView[] = []
  let cursor: string | undefined
  let pointBalance = 0
  for (let page = 0; page < PAGES_MAX; page++) {
    const answer = await call(myPointsContract, { limit: 50, ...(cursor && { cursor }) })
    pointBalance = answer.pointBalance
    entries.push(...answer.entries)
    if (!answer.nextCursor) break
    cursor = answer.nextCursor
  }
  return { ...serviceTallyOf(entries), pointBalance }
}

/** `3 小时 20 分钟` of a number of minutes. */
export function hoursText(minutes: number): string {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  return hours === 0 ? `${rest} 分钟` : rest === 0 ? `${hours} 小时` : `${hours} 小时 ${rest} 分钟`
}
