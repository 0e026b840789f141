import { yuanText } from './fen';
import type { LedgerEntry } from './ledger-entry';

/** The kind of the message telling a person of a staff adjustment of their money or points. */
export const POINTS_MESSAGE_KINDS = ['pointsAdjusted'] as const;
export type PointsMessageKind = (typeof POINTS_MESSAGE_KINDS)[number];

/** The message of an adjustment, as the `messages` collection keeps it: its id is the entry's, so it is written once. */
export type PointsMessage = {
  readonly _id: string;
  readonly recipientId: string;
  readonly recipientOpenid: string;
  readonly kind: PointsMessageKind;
  readonly title: string;
  readonly body: string;
  readonly at: number;
  readonly rateRequested: false;
  readonly read: false;
};

/**
 * What the adjusted person is told in 消息: the amount with its sign (yuan for money, points for 爱心积分),
 * the month it counts in for money, and the staff's reason.
 */
export function adjustmentMessage(entry: LedgerEntry, recipient: { readonly personId: string; readonly openid: string }): PointsMessage {
  const sign = entry.amount > 0 ? '+' : '';
  const money = entry.unit === 'fen';
  const amount = money ? `${sign}${yuanText(entry.amount)} 元` : `${sign}${entry.amount} 爱心积分`;
  const month = money && entry.monthKey ? `，计入${monthText(entry.monthKey)}结算` : '';
  return {
    _id: entry.id,
    recipientId: recipient.personId,
    recipientOpenid: recipient.openid,
    kind: 'pointsAdjusted',
    title: money ? '您的以奖代补金额有调整' : '您的爱心积分有调整',
    body: `综治中心调整：${amount}${month}。原因：${entry.reason ?? ''}`,
    at: entry.at,
    rateRequested: false,
    read: false,
  };
}

/** 2026-11 → 2026年11月. */
function monthText(monthKey: string): string {
  const [year, month] = monthKey.split('-');
  return `${year}年${Number(month)}月`;
}
