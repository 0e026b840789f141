import { myAppFeedbackContract } from '@pingan/shared';
import { appFeedbackOfPerson } from '../../feedback/app-feedback.repository';
import { appFeedbackViewOf } from '../../feedback/app-feedback-moves';
import { defineFunction } from '../../platform/define-function';
import { pageReadOf } from '../../platform/page-cursor';
import { findCaller } from '../../users/caller';

/** `myAppFeedback`: the caller's 投诉建议 with the answers, the latest first. 2 waves: caller; one page on `person_time`. */
export const main = defineFunction(myAppFeedbackContract, async (request, { caller }) => {
  const page = pageReadOf(request);
  const me = await findCaller(caller);
  if (!me) return { items: [], nextCursor: null };
  const { items, nextCursor } = await appFeedbackOfPerson(me.user._id, page);
  return { items: items.map(appFeedbackViewOf), nextCursor };
});
