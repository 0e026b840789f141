import { hasRole, isStaff, uploadSlotContract } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { uploadDirFor } from '../../files/upload-slots';
import { findCaller } from '../../users/caller';

/**
 * `uploadSlot`: the folder the caller uploads a draft's files into (`uploads/<purpose>/<32 hex>/`). It is
 * derived, not stored — nothing is written — and the function that later takes the files derives it
 * again to check them (files/upload-slots.ts). Anyone signed in may ask for a 'report' slot (nothing is
 * read); a 'proof' slot (办结's photos) only staff, and a 'completion' slot (a service order's 完成 photos)
 * only those who may serve an order, staff and volunteers, so the caller's record is read for those.
 */
export const main = defineFunction(uploadSlotContract, async (request, { caller }) => {
  if (request.purpose === 'proof') {
    const me = await findCaller(caller);
    if (!me || !isStaff(me.actor)) throw new AppError('AUTH.FORBIDDEN', '只有工作人员可以上传办结照片');
  }
  if (request.purpose === 'completion') {
    const me = await findCaller(caller);
    if (!me || !(isStaff(me.actor) || hasRole(me.actor, 'volunteer')))
      throw new AppError('AUTH.FORBIDDEN', '只有志愿者和工作人员可以上传服务照片');
  }
  return { dir: uploadDirFor(caller.openid, request.purpose, request.key) };
});
