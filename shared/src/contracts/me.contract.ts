import * as z from 'zod/mini';
import { emptyRequestSchema, gridCodeSchema, idSchema, roleSchema } from './common.schema';
import { contract } from './contract';
import { GRID_STAFF_ROLES } from '../people/role';

/** A published member of a grid's staff (一网一长一员一警一医), with a call button. */
export const staffContactSchema = z.object({
  role: z.enum(GRID_STAFF_ROLES),
  name: z.string(),
  phone: z.string(),
});

/** A grid as a resident sees it once joined: its name, its community and its staff. */
export const gridCardSchema = z.object({
  code: gridCodeSchema,
  name: z.string(),
  communityName: z.string(),
  staff: z.array(staffContactSchema),
});

/** `me`: who the caller is, their roles, the grids they serve or are approved for, and their joined grid. */
export const meContract = contract(
  'me',
  emptyRequestSchema,
  z.object({
    id: idSchema,
    name: z.string(),
    roles: z.array(roleSchema),
    gridCodes: z.array(gridCodeSchema),
    joinedGrid: z.nullable(gridCardSchema),
  }),
);

export type GridCard = z.infer<typeof gridCardSchema>;
