import { saveHelpProfileContract } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { db } from '../../platform/sdk';
import { ensureUser, USERS } from '../../users/users.repository';

/**
 * `saveHelpProfile` (求助资料): replaces what the caller shares with whoever answers their calls; nothing
 * shared removes it. Later calls carry a copy; a call already made keeps the one it was made with. 2 waves:
 * the caller (made a resident on a first call); the update.
 */
export const main = defineFunction(saveHelpProfileContract, async (request, { caller, now }) => {
  const user = await ensureUser(caller.openid, now.getTime());
  const profile = {
    tags: [...new Set(request.tags)],
    ...(request.note !== undefined && request.note !== '' && { note: request.note }),
    ...(request.phone !== undefined && { phone: request.phone }),
  };
  const shares = profile.tags.length > 0 || profile.note !== undefined || profile.phone !== undefined;
  // Replaced whole (_.set): a plain object would be merged field by field, keeping a note or phone taken out.
  await db()
    .collection(USERS)
    .doc(user._id)
    .update({ data: { helpProfile: shares ? db().command.set(profile) : db().command.remove() } });
  return { profile };
});
