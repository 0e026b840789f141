import { replyAppFeedbackContract } from '@pingan/shared';
import { replyAppFeedback } from '../../feedback/app-feedback-moves';
import { defineFunction } from '../../platform/define-function';

/** `replyAppFeedback`: the county centre answers once, the writer told in 消息; see feedback/app-feedback-moves.ts. */
export const main = defineFunction(replyAppFeedbackContract, (request, { caller, now }) =>
  replyAppFeedback(request, caller, now.getTime()),
);
