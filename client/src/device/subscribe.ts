import Taro from '@tarojs/taro'
import type { SubscribeTemplateIds } from '@pingan/shared/contracts'

import { savedCatalog } from '../catalog/catalog-store'

// WeChat subscribe messages are one-time: each consent lets the server send one message of that template.
// So the app asks at each touchpoint (docs/DESIGN.md, "Telling people"): at 提交 for what comes next
// (受理 or 不予受理, then 办结), and on an open report for 办结 and 结案; for a service order at each tap that
// makes its next messages due (ORDER_CONSENT); for a help call, once sent (HELP_CONSENT). WeChat shows its own dialog and
// allows it only inside a tap, with up to 3 templates at a time. The browser build has no such thing, and
// the in-app 消息 list gets every message anyway: there it is a no-op.

export type MessageKind = keyof SubscribeTemplateIds

/** What WeChat allows in one request. */
const MAX_TEMPLATES_PER_ASK = 3

/**
 * What each service order touchpoint asks consent for: the messages the person tapping will be told next
 * (shared/src/service/order-messages.ts), at most 3. Booking (确认预约): someone takes it on (who is coming),
 * then it is done (please confirm). Taking it on (a volunteer's 接单, the grid worker's 我来服务): the
 * requester confirms (with the credit), or disputes it and the grid worker settles. 有异议: the 裁定.
 */
export const ORDER_CONSENT = {
  booking: ['orderClaimed', 'orderCompleted'],
  takingOn: ['orderConfirmed', 'orderDisputed', 'orderSettled'],
  dispute: ['orderSettled'],
} as const satisfies Record<string, readonly MessageKind[]>

/**
 * What a help call asks consent for (client/src/help/help-consent.tsx), never before it is sent: its caller,
 * by a tap once it is out, for 收到 (who is coming) and 已处置; staff who answer calls, by a tap on their home,
 * for a new call, one gone up to them and one cancelled (one each a tap, so they tap again after one).
 */
export const HELP_CONSENT = {
  caller: ['helpAcknowledged', 'helpClosed'],
  staff: ['helpRaised', 'helpEscalated', 'helpCancelled'],
} as const satisfies Record<string, readonly MessageKind[]>

/** The template ids of these kinds that the county has set up (the `catalog` call's answer), at most 3. */
export function templateIdsFor(kinds: readonly MessageKind[], templates: SubscribeTemplateIds | undefined): string[] {
  const ids = kinds.map((kind) => templates?.[kind]).filter((id): id is string => typeof id === 'string' && id !== '')
  return [...new Set(ids)].slice(0, MAX_TEMPLATES_PER_ASK)
}

/**
 * Asks consent for the templates of these kinds; call it straight from a tap handler, without awaiting
 * anything first (WeChat refuses the request outside a tap). Never throws and never blocks what the tap
 * does: a refusal, or no templates, just means the in-app list alone tells them. Resolves with the ids
 * the person accepted.
 */
export async function askConsent(
  kinds: readonly MessageKind[],
  templates: SubscribeTemplateIds | undefined = savedCatalog()?.subscribeTemplates,
): Promise<string[]> {
  if (process.env.TARO_ENV !== 'weapp') return []
  const tmplIds = templateIdsFor(kinds, templates)
  if (tmplIds.length === 0) return []
  try {
    // The answer names each template: 'accept', 'reject', 'ban' (switched off in settings) or 'filter'.
    // Taro's typing also demands Alipay's entityIds; WeChat takes tmplIds alone.
    const option = { tmplIds } as unknown as Parameters<typeof Taro.requestSubscribeMessage>[0]
    const answer = (await Taro.requestSubscribeMessage(option)) as unknown as Record<string, unknown> | undefined
    return tmplIds.filter((id) => answer?.[id] === 'accept')
  } catch {
    return []
  }
}
