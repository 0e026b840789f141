import { meContract } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { gridCard } from '../../routing/grid-card';
import { ensureUser } from '../../users/users.repository';

/** `me`: the caller's profile, roles and joined grid; a first call makes them a resident. */
export const main = defineFunction(meContract, async (_request, { caller, now }) => {
  const user = await ensureUser(caller.openid, now.getTime());
  const joinedGrid = user.joinedGridCode === undefined ? undefined : await gridCard(user.joinedGridCode);
  return { id: user._id, name: user.name, roles: [...user.roles], gridCodes: [...user.gridCodes], joinedGrid: joinedGrid ?? null };
});
