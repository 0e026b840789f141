import type {
  AppFeedbackMessage,
  HelpMessage,
  InformantMessage,
  OrderMessage,
  PointsMessage,
  ReportMessage,
  StaffMessage,
} from '@pingan/shared';
import { readKeysetPage, type Page, type PageRead } from '../platform/page-cursor';
import { db, isDuplicateKey, updatedCount } from '../platform/sdk';

export const MESSAGES = 'messages';

/**
 * A message as stored (report/report-messages.ts; staff's: report/light-notices.ts; an order's:
 * service/order-messages.ts; a help call's: help/help-messages.ts; an informant application's decision:
 * points/informant-messages.ts, written in the decision's transaction), with when it was read.
 */
export type MessageDoc = (
  ReportMessage | StaffMessage | OrderMessage | HelpMessage | InformantMessage | PointsMessage | AppFeedbackMessage
) & {
  readonly readAt?: number;
};

/**
 * Stores a message unless its id is taken: `exists` when it was written before (a delivery run again
 * after a crash), which then leaves it as it is, read or not.
 */
export async function insertMessage(message: MessageDoc): Promise<'inserted' | 'exists'> {
  try {
    await db()
      .collection(MESSAGES)
      .add({ data: { ...message } });
    return 'inserted';
  } catch (error) {
    if (isDuplicateKey(error)) return 'exists';
    throw error;
  }
}

/** A person's messages, newest first, a page at a time (index recipient_time). */
export function messagesOf(openid: string, page: PageRead): Promise<Page<MessageDoc>> {
  return readKeysetPage<MessageDoc>({ collection: MESSAGES, where: { recipientOpenid: openid }, orderBy: 'at', direction: 'desc' }, page);
}

/** How many of a person's messages are unread (index recipient_read). */
export async function unreadCountOf(openid: string): Promise<number> {
  const result = (await db().collection(MESSAGES).where({ recipientOpenid: openid, read: false }).count()) as { total?: number };
  return result.total ?? 0;
}

/**
 * Marks a person's messages read: those of `ids` that are theirs (another's id matches nothing), or all.
 * One where-update, conditional on the recipient, so nobody can touch another's messages.
 */
export async function markRead(openid: string, ids: readonly string[] | 'all', now: number): Promise<number> {
  const _ = db().command;
  const where = ids === 'all' ? { recipientOpenid: openid, read: false } : { _id: _.in([...ids]), recipientOpenid: openid, read: false };
  return updatedCount(
    db()
      .collection(MESSAGES)
      .where(where)
      .update({ data: { read: true, readAt: now } }),
  );
}
