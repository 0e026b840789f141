import { readKeysetPage, type Page, type PageRead } from '../platform/page-cursor';
import { db, listOf, oneOf, type Transaction } from '../platform/sdk';
import { fromStored, REPORTS, type ReportListDoc } from './reports.repository';

export const REPORT_FOLLOWS = 'reportFollows';

/** How a person came to follow a report: 我也遇到 (follow), or their duplicate was merged into it at triage. */
export type FollowVia = 'follow' | 'merge';

/** One person following one report, under `<reportId>:<personId>`: following twice is one document. */
export type FollowDoc = {
  readonly _id: string;
  readonly reportId: string;
  readonly personId: string;
  readonly openid: string;
  readonly at: number;
  readonly via: FollowVia;
};

export type Follower = { readonly personId: string; readonly openid: string };

/** The id that makes a follow exactly-once by construction. */
export function followId(reportId: string, personId: string): string {
  return `${reportId}:${personId}`;
}

/** A document in a transaction also has remove(), which platform/sdk.ts's Transaction leaves out. */
type RemovableDoc = { remove(): Promise<unknown> };

/** Whether this person follows this report (one read by `_id`). */
export async function isFollowing(reportId: string, personId: string): Promise<boolean> {
  return (await oneOf<FollowDoc>(db().collection(REPORT_FOLLOWS).doc(followId(reportId, personId)).get())) !== undefined;
}

/** The reports of `reportIds` this person follows, in one query (ids are `<reportId>:<personId>`). */
export async function followedAmong(reportIds: readonly string[], personId: string): Promise<Set<string>> {
  if (reportIds.length === 0) return new Set();
  const _ = db().command;
  const ids = reportIds.map((reportId) => followId(reportId, personId));
  const rows = await listOf<FollowDoc>(
    db()
      .collection(REPORT_FOLLOWS)
      .where({ _id: _.in(ids) })
      .field({ reportId: true })
      .limit(ids.length)
      .get(),
  );
  return new Set(rows.map((row) => row.reportId));
}

/** A server may read at most 1000 documents in one query. */
const FOLLOWERS_PAGE = 1000;

/**
 * Everyone following a report, in the order they came (index report_time), read 1000 at a time: whom
 * to tell when the case moves on.
 */
export async function followersOf(reportId: string): Promise<Follower[]> {
  const followers: Follower[] = [];
  let page: PageRead = { limit: FOLLOWERS_PAGE - 1 };
  for (;;) {
    const list = {
      collection: REPORT_FOLLOWS,
      where: { reportId },
      orderBy: 'at',
      direction: 'asc',
      field: { personId: true, openid: true, at: true },
    } as const;
    const { items, nextCursor } = await readKeysetPage<FollowDoc>(list, page);
    followers.push(...items.map(({ personId, openid }) => ({ personId, openid })));
    const last = items[items.length - 1];
    if (nextCursor === null || last === undefined) return followers;
    page = { limit: page.limit, after: [last.at, last._id] };
  }
}

/** A person's follows, the newest first, a page at a time (index person_time). */
export function followsOf(personId: string, page: PageRead): Promise<Page<FollowDoc>> {
  return readKeysetPage({ collection: REPORT_FOLLOWS, where: { personId }, orderBy: 'at', direction: 'desc' }, page);
}

/** The follow as read inside a transaction, or undefined. */
export async function findFollowIn(tx: Transaction, reportId: string, personId: string): Promise<FollowDoc | undefined> {
  const stored = (await tx.collection(REPORT_FOLLOWS).doc(followId(reportId, personId)).get()).data as FollowDoc | null;
  return stored ?? undefined;
}

/**
 * Writes a follow and raises the report's supportCount by one, inside the caller's transaction, which
 * has read that no follow exists: both or neither are written, so the count is the number of follows.
 */
export async function addFollowIn(tx: Transaction, follow: Omit<FollowDoc, '_id'>): Promise<void> {
  const _ = db().command;
  await tx.collection(REPORT_FOLLOWS).add({ data: { _id: followId(follow.reportId, follow.personId), ...follow } });
  await supportChangedIn(tx, follow.reportId, _.inc(1));
}

/** Removes a follow the transaction has read and lowers the report's supportCount by one. */
export async function removeFollowIn(tx: Transaction, reportId: string, personId: string): Promise<void> {
  const _ = db().command;
  await (tx.collection(REPORT_FOLLOWS).doc(followId(reportId, personId)) as unknown as RemovableDoc).remove();
  await supportChangedIn(tx, reportId, _.inc(-1));
}

async function supportChangedIn(tx: Transaction, reportId: string, change: unknown): Promise<void> {
  const { stats } = await tx
    .collection(REPORTS)
    .doc(reportId)
    .update({ data: { supportCount: change } });
  if (stats.updated !== 1) throw new Error(`reports/${reportId}: supportCount did not change`);
}

/** The followed reports of a page, without their timelines, in one query by `_id` (a page holds at most 100). */
export async function followedReports(reportIds: readonly string[]): Promise<Map<string, ReportListDoc>> {
  if (reportIds.length === 0) return new Map();
  const _ = db().command;
  const rows = await listOf<ReportListDoc>(
    db()
      .collection(REPORTS)
      .where({ _id: _.in([...reportIds]) })
      .field({ events: false })
      .limit(reportIds.length)
      .get(),
  );
  return new Map(rows.map((row) => [row._id, fromStored(row)]));
}
