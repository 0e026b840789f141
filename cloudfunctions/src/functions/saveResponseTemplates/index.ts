import { hasRole, saveResponseTemplatesContract } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { saveTemplates } from '../../reports/response-templates.repository';
import { findCaller } from '../../users/caller';

/**
 * `saveResponseTemplates`: the grid's 网格长, and only they, sets one move's 常用语 for the grid (texts
 * normalised by the contract, the same text kept once; none: the defaults again). Round trips: the
 * caller, one write.
 */
export const main = defineFunction(saveResponseTemplatesContract, async ({ gridCode, action, texts }, { caller, now }) => {
  const me = await findCaller(caller);
  if (!me || !hasRole(me.actor, 'gridLeader') || !me.actor.gridCodes.includes(gridCode)) {
    throw new AppError('AUTH.FORBIDDEN', '只有本网格的网格长可以修改常用语');
  }
  return { gridCode, template: await saveTemplates(gridCode, action, texts, me.user._id, now.getTime()) };
});
