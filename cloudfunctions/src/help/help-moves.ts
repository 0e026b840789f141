import { answeringRoleOf, applyHelpAction, type HelpAction, type HelpEvent } from '@pingan/shared';
import { AppError } from '../platform/app-error';
import type { Caller } from '../platform/define-function';
import { db } from '../platform/sdk';
import { findCaller } from '../users/caller';
import { USERS } from '../users/users.repository';
import { findHelpCall, saveHelpChange } from './help-calls.repository';
import { helpCallOf, withHelpCall, type HelpCallDoc } from './help-document';
import { notifyHelpChange } from './help-notify';

const REFUSALS = {
  'HELP.NOT_FOUND': '没有找到这次求助',
  'HELP.ALREADY_ANSWERED': '已有人响应这次求助',
  'HELP.ENDED': '这次求助已经结束',
  'HELP.NOTE_REQUIRED': '请写明处置情况',
} as const;

/** Attempts of a change against others racing it (each loser reads the call again and decides anew). */
const ATTEMPTS = 5;

/**
 * 收到, 已处置 and 取消求助: the caller and the call at once, the rule (help-call.ts `applyHelpAction`), then
 * one update conditional on the version read; a loser of a race reads the call again and is decided on what
 * the winner wrote (a second 收到 is told it was answered). An ended call frees its requester to call again
 * (users.openHelpId cleared if it still names it). Then everyone concerned is told (help-notify.ts).
 */
export async function changeHelpCall(callId: string, action: HelpAction, caller: Caller, now: number): Promise<HelpCallDoc> {
  const [me, first] = await Promise.all([findCaller(caller), findHelpCall(callId)]);
  if (!me) throw new AppError('HELP.NOT_FOUND', REFUSALS['HELP.NOT_FOUND']);
  let seen = first;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    if (!seen) throw new AppError('HELP.NOT_FOUND', REFUSALS['HELP.NOT_FOUND']);
    const role = action.type === 'cancel' ? me.actor.roles[0] : answeringRoleOf(me.actor, seen);
    const by = {
      actor: me.actor,
      name: me.user.name,
      role: role ?? 'resident',
      ...(me.user.phone !== undefined && { phone: me.user.phone }),
    };
    const outcome = applyHelpAction(helpCallOf(seen), action, by, now);
    if (!outcome.ok) throw new AppError(outcome.code, REFUSALS[outcome.code]);
    const after = owing(withHelpCall(seen, outcome.call), outcome.event);
    if (await saveHelpChange(seen, after, outcome.event)) {
      if (outcome.call.status === 'closed' || outcome.call.status === 'cancelled') await freeRequester(after);
      await notifyHelpChange(after, now);
      return after;
    }
    seen = await findHelpCall(callId);
  }
  throw new AppError('HELP.BUSY', '操作的人太多，请稍后再试');
}

/** The stored call after a change, with the mark its write left. */
export function owing(doc: HelpCallDoc, event: HelpEvent): HelpCallDoc {
  return {
    ...doc,
    notifyFrom: Math.min(doc.notifyFrom ?? event.seq, event.seq),
    notifyDueAt: Math.min(doc.notifyDueAt ?? event.at, event.at),
  };
}

async function freeRequester(doc: HelpCallDoc): Promise<void> {
  const _ = db().command;
  await db()
    .collection(USERS)
    .where({ _id: doc.requesterId, openHelpId: doc._id })
    .update({ data: { openHelpId: _.remove() } });
}
