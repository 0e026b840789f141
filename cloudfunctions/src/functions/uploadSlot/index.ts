import { uploadSlotContract } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { uploadDirFor } from '../../files/upload-slots';

/**
 * `uploadSlot`: the folder the caller uploads a draft's files into (`uploads/<purpose>/<32 hex>/`). It is
 * derived, not stored — nothing is read or written — and the function that later takes the files
 * derives it again to check them (files/upload-slots.ts). Anyone signed in may ask: the folder is theirs.
 */
export const main = defineFunction(uploadSlotContract, async (request, { caller }) => ({
  dir: uploadDirFor(caller.openid, request.purpose, request.key),
}));
