import * as z from 'zod/mini';
import { REGION_LEVELS } from '../grid/grid-level';
import { categoryCodeSchema, emptyRequestSchema, gridCodeSchema, placeCodeSchema } from './common.schema';
import { contract } from './contract';
import { inboxItemSchema } from './report-view.schema';

const count = z.int().check(z.nonnegative());

/**
 * A workbench's counts: 待受理 (submitted), 办理中 (accepted, assigned or in progress), 待核查 (resolved),
 * 即将超时 (a running deadline within `dueSoonHours`) and 已超时 (a running deadline passed).
 */
export const workbenchCountsSchema = z.object({ submitted: count, handling: count, resolved: count, dueSoon: count, overdue: count });

/** 督办待回复: the open cases the caller owns holding a 督办 note not yet answered (SUPERVISION_TILE_FILTER opens them). */
const supervisionUnanswered = count;

/**
 * A centre's 督办 counts over its 督办 list (supervisionList): the cases listed, those red on a running
 * clock, and those holding a 督办 note their owner has not answered.
 */
export const supervisionCountsSchema = z.object({ listed: count, red: count, unanswered: count });

const gridRefSchema = z.object({ code: gridCodeSchema, name: z.string() });

/** How far ahead 即将超时 looks, so the page can say it (DUE_SOON_HOURS). */
const dueSoonHours = z.number().check(z.positive());

/**
 * `workbench`: the caller's home, chosen from their roles (homeKindOf): a 网格员 their grids and the counts of
 * the cases they own there; a 网格长 the same and the lengths of the 待派单 (accepted, unassigned) and
 * 待核查 queues; a centre its region, the counts of the cases it owns and of every case in its area; a
 * 网格警 or 网格医 the cases of their categories (CO_HANDLER_CATEGORIES) in their grids, counted, and the
 * nearest deadlines first; anyone else `{ kind: 'resident' }`, and the client shows the resident home.
 */
export const workbenchContract = contract(
  'workbench',
  emptyRequestSchema,
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('resident') }),
    z.object({
      kind: z.literal('gridWorker'),
      grids: z.array(gridRefSchema),
      counts: workbenchCountsSchema,
      supervisionUnanswered,
      dueSoonHours,
    }),
    z.object({
      kind: z.literal('gridLeader'),
      grids: z.array(gridRefSchema),
      counts: workbenchCountsSchema,
      queues: z.object({ toAssign: count, toVerify: count }),
      supervisionUnanswered,
      dueSoonHours,
    }),
    z.object({
      kind: z.literal('centre'),
      region: z.object({ code: placeCodeSchema, name: z.string(), level: z.enum(REGION_LEVELS) }),
      counts: workbenchCountsSchema,
      areaCounts: workbenchCountsSchema,
      supervisionUnanswered,
      supervision: supervisionCountsSchema,
      dueSoonHours,
    }),
    z.object({
      kind: z.enum(['police', 'doctor']),
      grids: z.array(gridRefSchema),
      categoryCodes: z.array(categoryCodeSchema),
      counts: workbenchCountsSchema,
      /** Up to WORKBENCH_CASES_MAX open cases, nearest deadline first. */
      cases: z.array(inboxItemSchema),
      dueSoonHours,
    }),
  ]),
);

/** How many cases a 网格警/网格医 workbench lists. */
export const WORKBENCH_CASES_MAX = 20;

export type WorkbenchCounts = z.infer<typeof workbenchCountsSchema>;
export type SupervisionCounts = z.infer<typeof supervisionCountsSchema>;
export type Workbench = z.infer<typeof workbenchContract.response>;
