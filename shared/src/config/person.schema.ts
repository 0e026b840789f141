import * as z from 'zod/mini';
import { GRID_CODE_PATTERN, PLACE_CODE_PATTERN } from '../grid/grid-code';
import { REGION_LEVELS } from '../grid/grid-level';
import { ROLES } from '../people/role';
import { unique } from './unique';

/**
 * A person (people.json): `role` is the main role and is among `roles`; `gridCodes` are the grids lived
 * in, volunteered in or served (staff); an informant's `informantGridCodes` the grids approved for (the
 * only ones paying money; the seed writes an approved application for each); centre staff carry the
 * level and code of their region.
 */
export const personSchema = z
  .object({
    id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
    openid: z.string().check(z.minLength(1), z.maxLength(128)),
    name: z.string().check(z.minLength(1)),
    role: z.enum(ROLES),
    roles: z.array(z.enum(ROLES)).check(z.minLength(1)),
    gridCodes: z.array(z.string().check(z.regex(GRID_CODE_PATTERN))),
    informantGridCodes: z.optional(z.array(z.string().check(z.regex(GRID_CODE_PATTERN)))),
    phone: z.string().check(z.regex(/^1[0-9]{10}$/)),
    tags: z.optional(z.array(z.string())),
    level: z.optional(z.enum(REGION_LEVELS)),
    regionCode: z.optional(z.string().check(z.regex(PLACE_CODE_PATTERN))),
    org: z.optional(z.string()),
    skills: z.optional(z.array(z.string())),
  })
  .check(
    z.refine((person) => person.roles.includes(person.role), 'role must be among roles'),
    z.refine(
      (person) => (person.informantGridCodes !== undefined) === person.roles.includes('informant'),
      'an informant, and an informant alone, needs informantGridCodes',
    ),
    z.refine(
      (person) => !person.roles.includes('centre') || (person.level !== undefined && person.regionCode !== undefined),
      'centre staff need level and regionCode',
    ),
  );

/** A user of the local sign-in picker. */
export const demoSignInSchema = z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES), label: z.string() });

/** The people file: unique ids and openids, and every sign-in user among the people. */
export const peopleFileSchema = z
  .object({ note: z.optional(z.string()), demoSignIn: z.array(demoSignInSchema), people: z.array(personSchema) })
  .check(
    z.refine((file) => unique(file.people.map((person) => person.id)), 'person ids must be unique'),
    z.refine((file) => unique(file.people.map((person) => person.openid)), 'openids must be unique'),
    z.refine(
      (file) => file.demoSignIn.every((user) => file.people.some((person) => person.id === user.id)),
      'a sign-in user is not among the people',
    ),
  );

export type Person = z.infer<typeof personSchema>;
export type PeopleFile = z.infer<typeof peopleFileSchema>;
