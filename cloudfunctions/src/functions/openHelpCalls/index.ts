import { helpPlacesOf, openHelpCallsContract } from '@pingan/shared';
import { openCallsOf } from '../../help/help-calls.repository';
import { helpCallViewOf } from '../../help/help-document';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { findCaller } from '../../users/caller';

/**
 * `openHelpCalls`: the open calls of the places the caller answers for (the grids they serve as 网格长, 网格员
 * or 网格警; their centre's region once a call has reached it), unanswered first: the top of every staff
 * inbox, read again every few seconds. Anyone else: AUTH.FORBIDDEN. 2 waves: the caller; the calls, raised and acknowledged at once (alerted_status_time).
 */
export const main = defineFunction(openHelpCallsContract, async (_request, { caller }) => {
  const me = await findCaller(caller);
  const places = me ? helpPlacesOf(me.actor) : [];
  if (places.length === 0) throw new AppError('AUTH.FORBIDDEN', '只有网格和综治中心的工作人员能查看求助');
  const calls = await openCallsOf(places);
  // Their own call is the others' to answer (applyHelpAction), so it is not on their list.
  return { items: calls.filter((doc) => doc.requesterId !== me?.actor.id).map((doc) => helpCallViewOf(doc, 'responder')) };
});
