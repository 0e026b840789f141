import { cancelHelpContract } from '@pingan/shared';
import { helpCallViewOf } from '../../help/help-document';
import { changeHelpCall } from '../../help/help-moves';
import { defineFunction } from '../../platform/define-function';

/**
 * `cancelHelp` (我已安全，取消求助): the requester ends their open call; every place alerted is told, so
 * nobody sets out for nothing, and the call and its trace are kept. Waves: help/help-moves.ts.
 */
export const main = defineFunction(cancelHelpContract, async ({ callId, note }, { caller, now }) => {
  const doc = await changeHelpCall(callId, { type: 'cancel', ...(note !== undefined && note !== '' && { note }) }, caller, now.getTime());
  return { call: helpCallViewOf(doc, 'requester') };
});
