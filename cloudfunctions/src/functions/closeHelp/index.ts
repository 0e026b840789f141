import { closeHelpContract } from '@pingan/shared';
import { helpCallViewOf } from '../../help/help-document';
import { changeHelpCall } from '../../help/help-moves';
import { defineFunction } from '../../platform/define-function';

/**
 * `closeHelp` (已处置): one who answers the call ends it with what was done (HELP.NOTE_REQUIRED without);
 * the requester is told and may call again. Waves: help/help-moves.ts.
 */
export const main = defineFunction(closeHelpContract, async ({ callId, note }, { caller, now }) => {
  const doc = await changeHelpCall(callId, { type: 'close', note: note ?? '' }, caller, now.getTime());
  return { call: helpCallViewOf(doc, 'responder') };
});
