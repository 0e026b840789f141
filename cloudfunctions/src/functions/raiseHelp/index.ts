import { raiseHelpContract } from '@pingan/shared';
import { helpCallViewOf } from '../../help/help-document';
import { notifyHelpChange } from '../../help/help-notify';
import { raiseHelp } from '../../help/help-raise';
import { defineFunction } from '../../platform/define-function';

/**
 * `raiseHelp` (一键求助): the caller's call for help, routed to the grid at their location or their joined
 * grid, whose 网格长, 网格员 and 网格警 are told at once (消息), with HELP_ACK_MINUTES to answer before it goes
 * up by itself (clockSweep). Earns nothing. Round trips: help/help-raise.ts, then the messages (2 waves).
 */
export const main = defineFunction(raiseHelpContract, async (request, { caller, now }) => {
  const raised = await raiseHelp(request, caller, now.getTime());
  if (raised.inserted) await notifyHelpChange(raised.doc, now.getTime());
  return { call: helpCallViewOf(raised.doc, 'requester'), alreadyOpen: raised.alreadyOpen };
});
