import { appFeedbackListContract } from '@pingan/shared';
import { appFeedbackPage } from '../../feedback/app-feedback.repository';
import { appFeedbackAnswerer, appFeedbackViewOf } from '../../feedback/app-feedback-moves';
import { defineFunction } from '../../platform/define-function';
import { pageReadOf } from '../../platform/page-cursor';

/** `appFeedbackList`: all 投诉建议 for the county centre, unanswered first. 2 waves: caller; one page on `desk_list`. */
export const main = defineFunction(appFeedbackListContract, async (request, { caller }) => {
  const page = pageReadOf(request);
  await appFeedbackAnswerer(caller);
  const { items, nextCursor } = await appFeedbackPage(page);
  return { items: items.map(appFeedbackViewOf), nextCursor };
});
