import { submitAppFeedbackContract } from '@pingan/shared';
import { submitAppFeedback } from '../../feedback/app-feedback-moves';
import { defineFunction } from '../../platform/define-function';

/** `submitAppFeedback` (投诉建议): see feedback/app-feedback-moves.ts. 3 waves: caller + earlier attempt, rate slot, content check; then one insert. */
export const main = defineFunction(submitAppFeedbackContract, (request, { caller, now }) =>
  submitAppFeedback(request, caller, now.getTime()),
);
