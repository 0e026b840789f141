import type { RegionLevel } from '../grid/grid-level';
import type { Role } from './role';

/**
 * The person making a call, as the domain needs them: identity, roles and the places they serve.
 * Cloud functions build it from the database record of `getWXContext().OPENID`, never from the event.
 */
export type Actor = {
  readonly id: string;
  readonly roles: readonly Role[];
  /** Grids served as staff (网格员, 网格长, 网格警, 网格医), volunteered in, or lived in. */
  readonly gridCodes: readonly string[];
  /**
   * For an informant: the grids approved for (`users.informantGridCodes`), the only ones where a report
   * pays money (informantGridsOf; a record from before it was written has none: all of `gridCodes`).
   */
  readonly informantGridCodes?: readonly string[];
  /** For 综治中心 staff: the region they serve. */
  readonly centre?: { readonly level: RegionLevel; readonly regionCode: string };
  /** For department staff (消防救援站, 市场监管所 …): the department they act for. */
  readonly department?: string;
};

/** A person record as the people config holds it (see config/person.schema.ts). */
export type PersonRecord = {
  readonly id: string;
  readonly roles: readonly Role[];
  readonly gridCodes: readonly string[];
  readonly informantGridCodes?: readonly string[];
  readonly level?: RegionLevel;
  readonly regionCode?: string;
};

/** The actor for a person record: centre staff get their region, informants their approved grids. */
export function actorFromPerson(person: PersonRecord): Actor {
  const { id, roles, gridCodes, informantGridCodes, level, regionCode } = person;
  const isCentre = roles.includes('centre') && level !== undefined && regionCode !== undefined;
  const isInformant = roles.includes('informant') && informantGridCodes !== undefined;
  return {
    id,
    roles,
    gridCodes,
    ...(isInformant && { informantGridCodes }),
    ...(isCentre && { centre: { level, regionCode } }),
  };
}

/** Whether the actor holds a role. */
export function hasRole(actor: Pick<Actor, 'roles'>, role: Role): boolean {
  return actor.roles.includes(role);
}
