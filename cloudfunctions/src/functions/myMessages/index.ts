import { myMessagesContract } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { pageReadOf } from '../../platform/page-cursor';
import { messageViewOf } from '../../notifications/message-views';
import { messagesOf, unreadCountOf } from '../../notifications/messages.repository';

/**
 * `myMessages` (消息): the caller's messages, newest first, a page at a time, and how many are unread.
 * Messages are found by the caller's openid alone, so nobody reads another's. Two queries, at once.
 */
export const main = defineFunction(myMessagesContract, async (request, { caller }) => {
  const [page, unread] = await Promise.all([messagesOf(caller.openid, pageReadOf(request)), unreadCountOf(caller.openid)]);
  return { items: page.items.map(messageViewOf), nextCursor: page.nextCursor, unread };
});
