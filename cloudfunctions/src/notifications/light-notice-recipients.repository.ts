import { GRID_CASE_OWNER_ROLES, supervisingCodeOf, type LightNotice, type NoticeRecipient } from '@pingan/shared';
import { db, listOf } from '../platform/sdk';
import type { ReportListDoc } from '../reports/reports.repository';
import { USERS } from '../users/users.repository';

/**
 * Who is told of a light change (docs/DESIGN.md, "Telling people"): the case's own staff — its assignee
 * (a person, or a department's staff) if it has one, else the owning grid's 网格员 and 网格长, or the
 * owning centre's staff — and, for 严重超时, the staff of the centre above the owner. One page of notices
 * needs at most four queries, run at once: people by id, grids' case owners, centres' staff, departments'
 * staff, each on an index of `users`.
 */
export type StaffTarget =
  | { readonly kind: 'person'; readonly personId: string }
  | { readonly kind: 'department'; readonly department: string }
  | { readonly kind: 'grid'; readonly gridCode: string }
  | { readonly kind: 'centre'; readonly regionCode: string };

export type NoticeCase = Pick<ReportListDoc, 'assignee' | 'ownerCode' | 'ownerLevel' | 'regionPath'>;

/** The case's own staff: its assignee, else its owner's. */
export function ownerTargetOf(report: NoticeCase): StaffTarget {
  const { assignee } = report;
  if (assignee?.kind === 'person') return { kind: 'person', personId: assignee.personId };
  if (assignee?.kind === 'department') return { kind: 'department', department: assignee.department };
  return report.ownerLevel === 'grid' ? { kind: 'grid', gridCode: report.ownerCode } : { kind: 'centre', regionCode: report.ownerCode };
}

/** Whom a notice targets, and in which capacity: the owner's staff, and for 严重超时 the centre above (none above the county). */
export function noticeTargetsOf(report: NoticeCase, notice: LightNotice): { target: StaffTarget; capacity: NoticeRecipient['capacity'] }[] {
  const owner = { target: ownerTargetOf(report), capacity: 'owner' as const };
  const above = notice === 'red' ? supervisingCodeOf(report) : undefined;
  return above === undefined ? [owner] : [owner, { target: { kind: 'centre', regionCode: above }, capacity: 'supervisor' }];
}

type StaffDoc = { _id: string; openid?: string; gridCodes?: string[]; regionCode?: string; department?: string };
type Person = { readonly personId: string; readonly openid: string };

/** A target's key in the answer of staffOf. */
export function targetKey(target: StaffTarget): string {
  switch (target.kind) {
    case 'person':
      return `person:${target.personId}`;
    case 'department':
      return `department:${target.department}`;
    case 'grid':
      return `grid:${target.gridCode}`;
    case 'centre':
      return `centre:${target.regionCode}`;
  }
}

/** The people behind each target (by targetKey), in at most four queries at once; a target nobody holds maps to none. */
export async function staffOf(targets: readonly StaffTarget[]): Promise<Map<string, Person[]>> {
  const _ = db().command;
  const unique = <T>(values: T[]) => [...new Set(values)].slice(0, 1000);
  const of = <K extends StaffTarget['kind']>(kind: K) => targets.filter((t): t is Extract<StaffTarget, { kind: K }> => t.kind === kind);
  const ids = unique(of('person').map((t) => t.personId));
  const grids = unique(of('grid').map((t) => t.gridCode));
  const regions = unique(of('centre').map((t) => t.regionCode));
  const departments = unique(of('department').map((t) => t.department));
  const fields = { _id: true, openid: true, gridCodes: true, regionCode: true, department: true };
  const query = (where: object, asked: unknown[]) =>
    asked.length === 0 ? Promise.resolve([]) : listOf<StaffDoc>(db().collection(USERS).where(where).field(fields).limit(1000).get());
  const [people, gridStaff, centreStaff, departmentStaff] = await Promise.all([
    query({ _id: _.in(ids) }, ids),
    query({ gridCodes: _.in(grids), roles: _.in([...GRID_CASE_OWNER_ROLES]) }, grids),
    query({ regionCode: _.in(regions), roles: 'centre' }, regions),
    query({ department: _.in(departments) }, departments),
  ]);
  const found = new Map<string, Person[]>();
  const add = (key: string, doc: StaffDoc) => {
    if (doc.openid) found.set(key, [...(found.get(key) ?? []), { personId: doc._id, openid: doc.openid }]);
  };
  for (const doc of people) add(`person:${doc._id}`, doc);
  for (const doc of gridStaff) for (const grid of doc.gridCodes ?? []) if (grids.includes(grid)) add(`grid:${grid}`, doc);
  for (const doc of centreStaff) add(`centre:${doc.regionCode ?? ''}`, doc);
  for (const doc of departmentStaff) add(`department:${doc.department ?? ''}`, doc);
  return found;
}
