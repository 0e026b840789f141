import { isOpenHelp, myHelpContract } from '@pingan/shared';
import { recentCallsOf } from '../../help/help-calls.repository';
import { helpCallViewOf } from '../../help/help-document';
import type { HelpUserDoc } from '../../help/help-raise';
import { defineFunction } from '../../platform/define-function';
import { findUserByOpenid } from '../../users/users.repository';

/** Calls the resident's page lists (the open one among them, if any). */
const RECENT = 5;

/**
 * `myHelp`: the caller's 求助资料, their open call (who answered, with a number to call) and their latest
 * calls. 1 wave: the caller and their calls at once (requester_time).
 */
export const main = defineFunction(myHelpContract, async (_request, { caller }) => {
  const [user, calls] = await Promise.all([
    findUserByOpenid(caller.openid) as Promise<HelpUserDoc | undefined>,
    recentCallsOf(caller.openid, RECENT),
  ]);
  const open = calls.find((doc) => isOpenHelp(doc.status));
  return {
    ...(user?.helpProfile && { profile: { ...user.helpProfile, tags: [...user.helpProfile.tags] } }),
    ...(open && { open: helpCallViewOf(open, 'requester') }),
    recent: calls.map((doc) => helpCallViewOf(doc, 'requester')),
  };
});
