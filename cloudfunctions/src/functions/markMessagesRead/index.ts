import { markMessagesReadContract } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { markRead, unreadCountOf } from '../../notifications/messages.repository';

/**
 * `markMessagesRead`: the caller's messages named by `ids` (an id of someone else's matches nothing), or
 * all of them, become read; answers how many stay unread. One where-update, then one count.
 */
export const main = defineFunction(markMessagesReadContract, async (request, { caller, now }) => {
  await markRead(caller.openid, 'all' in request ? 'all' : request.ids, now.getTime());
  return { unread: await unreadCountOf(caller.openid) };
});
