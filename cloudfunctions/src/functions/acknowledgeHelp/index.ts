import { acknowledgeHelpContract } from '@pingan/shared';
import { helpCallViewOf } from '../../help/help-document';
import { changeHelpCall } from '../../help/help-moves';
import { defineFunction } from '../../platform/define-function';

/**
 * `acknowledgeHelp` (收到，我去处理): one who answers the call takes it; the requester is told who is coming
 * and the escalation stops. Of two pressing at once one is saved and the other is told it was answered
 * (HELP.ALREADY_ANSWERED). Waves: the caller and the call; the conditional update; the clear of nothing
 * owed beside the requester's message (help/help-notify.ts).
 */
export const main = defineFunction(acknowledgeHelpContract, async ({ callId, note }, { caller, now }) => {
  const doc = await changeHelpCall(
    callId,
    { type: 'acknowledge', ...(note !== undefined && note !== '' && { note }) },
    caller,
    now.getTime(),
  );
  return { call: helpCallViewOf(doc, 'responder') };
});
