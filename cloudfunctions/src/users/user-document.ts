import { actorFromPerson, type Actor, type RegionLevel, type Role } from '@pingan/shared';

/** A person as the `users` collection holds them: seeded from people.json, or a resident created on first call. */
export type UserDoc = {
  readonly _id: string;
  readonly openid: string;
  readonly name: string;
  readonly roles: readonly Role[];
  /** Grids lived in (residents), registered to (volunteers) or served (staff); never an informant's grids. */
  readonly gridCodes: readonly string[];
  readonly phone?: string;
  readonly level?: RegionLevel;
  readonly regionCode?: string;
  readonly org?: string;
  /** For department staff (消防救援站 …): the department they act for. */
  readonly department?: string;
  /** A volunteer's skills (services.json `skills`), added to by each approved 网格报到. */
  readonly skills?: readonly string[];
  /**
   * The grids approved for as an informant, the only ones paying money (written by reviewInformant and the
   * seed; a record from before has none: informantGridsOf counts all of gridCodes).
   */
  readonly informantGridCodes?: readonly string[];
  /** The grid of the latest scan (扫码入格); every scan is kept in `gridJoins`. */
  readonly joinedGridCode?: string;
  readonly joinedAt?: number;
  readonly createdAt?: number;
};

/** The caller as the domain sees them: identity, roles and the places they serve. */
export function actorOf(user: UserDoc): Actor {
  const actor = actorFromPerson({
    id: user._id,
    roles: user.roles,
    gridCodes: user.gridCodes,
    ...(user.informantGridCodes !== undefined && { informantGridCodes: user.informantGridCodes }),
    ...(user.level !== undefined && { level: user.level }),
    ...(user.regionCode !== undefined && { regionCode: user.regionCode }),
  });
  return user.department === undefined ? actor : { ...actor, department: user.department };
}
