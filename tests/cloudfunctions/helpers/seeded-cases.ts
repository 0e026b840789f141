import { redAtOf, type Report } from '@pingan/shared';
import { supervisionFieldsOf } from '../../../cloudfunctions/src/reports/report-document';
import type { FunctionsCloud } from './functions-cloud';

/**
 * Reports written straight into the database, many at once, for the inbox's and the workbench's queries:
 * each with the fields a submitted-then-handled report stores (report-document.ts), its clock given as
 * an offset from now. What the functions then read is what they read in production.
 */
export const HOUR = 3_600_000;

export type SeedCase = {
  id: string;
  grid: string;
  status: string;
  categoryCode?: string;
  /** Hours from now to the running deadline (negative: overdue). */
  dueInHours: number;
  redAfterHours?: number;
  supportCount?: number;
  assigneeId?: string;
  /** Owned by this place instead of the grid (an escalated case). */
  owner?: { code: string; level: 'community' | 'street' | 'county' };
  resolvedBy?: string;
  resolvedAt?: number;
};

/** The region path of each grid, read once from the regions the seed wrote. */
const paths = new Map<string, Record<string, string>>();
async function regionPathOf(cloud: FunctionsCloud, grid: string): Promise<Record<string, string>> {
  if (!paths.has(grid)) {
    const region = await cloud.get<{ regionPath: Record<string, string> }>('regions', grid);
    if (!region) throw new Error(`no grid ${grid}`);
    paths.set(grid, { ...region.regionPath, grid });
  }
  return paths.get(grid) as Record<string, string>;
}

export async function seedCaseDocs(cloud: FunctionsCloud, cases: readonly SeedCase[], now = Date.now()): Promise<void> {
  const docs = [];
  for (const c of cases) docs.push(caseDoc(c, await regionPathOf(cloud, c.grid), now));
  for (let i = 0; i < docs.length; i += 1000)
    await cloud
      .db()
      .collection('reports')
      .add({ data: docs.slice(i, i + 1000) });
}

function caseDoc(c: SeedCase, regionPath: Record<string, string>, now: number): Record<string, unknown> {
  const redAfterHours = c.redAfterHours ?? 24;
  const terms = {
    name: c.categoryCode ?? 'HJWS',
    acceptLimitHours: 2,
    handleLimitHours: 24,
    redAfterHours,
    informantPointsFen: 0,
    residentPoints: 0,
  };
  const deadlineAt = now + Math.round(c.dueInHours * HOUR);
  const accepted = c.status !== 'submitted' && c.status !== 'rejected' && c.status !== 'withdrawn';
  const submittedAt = accepted ? deadlineAt - 26 * HOUR : deadlineAt - 2 * HOUR;
  const doc = {
    _id: c.id,
    reporterId: `u-seed-${c.id}`,
    anonymous: false,
    categoryCode: c.categoryCode ?? 'HJWS',
    text: `种子案件 ${c.id}`,
    photos: [],
    status: c.status,
    routeReason: 'contained',
    ownerCode: c.owner?.code ?? c.grid,
    ownerLevel: c.owner?.level ?? 'grid',
    regionPath,
    departments: [],
    supervisionPending: false,
    submittedAt,
    ...(accepted && { acceptedAt: deadlineAt - 24 * HOUR }),
    ...(c.assigneeId !== undefined && { assignee: { kind: 'person', personId: c.assigneeId } }),
    ...(c.resolvedBy !== undefined && { resolvedBy: c.resolvedBy, resolvedAt: c.resolvedAt ?? now }),
    events: [{ seq: 0, type: 'submitted', at: submittedAt, actorId: `u-seed-${c.id}`, status: 'submitted' }],
    version: 1,
    reporterOpenid: `o-seed-${c.id}`,
    reporterName: '种子居民',
    idempotencyKey: `seed-${c.id}`,
    requestHash: 'seed',
    terms,
    deadlineAt,
    redAt: redAtOf(deadlineAt, terms),
    moderation: { pending: false },
    supportCount: c.supportCount ?? 0,
    ...(c.owner === undefined && { ownerName: `${c.grid} 网格` }),
  };
  // The 督办 fields as every write stores them (report-document.ts): the domain's fields are all here.
  return { ...doc, ...supervisionFieldsOf(doc as unknown as Report, doc.redAt) };
}
