import { helpCallDetailContract, mayAnswerHelp } from '@pingan/shared';
import { findHelpCall } from '../../help/help-calls.repository';
import { helpCallOf, helpCallViewOf } from '../../help/help-document';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { findCaller } from '../../users/caller';

/**
 * `helpCallDetail`: one call with its whole trace, for its requester and those who answer it; anyone else
 * finds none (HELP.NOT_FOUND, as for a call that does not exist). 1 wave: the caller and the call at once.
 */
export const main = defineFunction(helpCallDetailContract, async ({ callId }, { caller }) => {
  const [me, doc] = await Promise.all([findCaller(caller), findHelpCall(callId)]);
  if (!me || !doc) throw new AppError('HELP.NOT_FOUND', '没有找到这次求助');
  if (doc.requesterId === me.actor.id) return { call: helpCallViewOf(doc, 'requester') };
  if (mayAnswerHelp(me.actor, helpCallOf(doc))) return { call: helpCallViewOf(doc, 'responder') };
  throw new AppError('HELP.NOT_FOUND', '没有找到这次求助');
});
