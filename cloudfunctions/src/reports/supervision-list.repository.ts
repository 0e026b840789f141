import {
  REPORT_STATUSES,
  RUNNING_CLOCK_STATUSES,
  isOpen,
  supervisionListedBounds,
  type SupervisionCounts,
  type SupervisionItem,
} from '@pingan/shared';
import { readKeysetPage, type Page, type PageRead } from '../platform/page-cursor';
import { db } from '../platform/sdk';
import { caseItemsOf } from './case-items';
import { fromStored, REPORTS, type ReportListDoc } from './reports.repository';

/**
 * A centre's 督办 list and its counts (docs/DESIGN.md, "The inbox and the workbench"), all on index
 * supervisor_listed: the cases whose supervising place is the centre's region (`supervisorCode`, written
 * by every transition: report-document.ts) listed since before `now` (`supervisionFrom`), the longest
 * listed first. A report written before these fields existed carries none, and is listed once a
 * transition rewrites it.
 */

const OPEN_STATUSES = REPORT_STATUSES.filter(isOpen);

function listedWhere(supervisorCode: string, now: number): Record<string, unknown> {
  return { supervisorCode, supervisionFrom: db().command.lt(supervisionListedBounds(now).lt as number) };
}

/** One page of a place's 督办 list, reading at most `limit + 1` documents. */
export function supervisionListPage(supervisorCode: string, now: number, page: PageRead): Promise<Page<ReportListDoc>> {
  const list = { collection: REPORTS, field: { events: false }, where: listedWhere(supervisorCode, now) };
  return readKeysetPage({ ...list, orderBy: 'supervisionFrom', direction: 'asc' }, page, fromStored);
}

/** A page of listed cases as inbox items with their 督办 state at `now`. */
export async function supervisionItemsOf(docs: readonly ReportListDoc[], now: number): Promise<SupervisionItem[]> {
  const items = await caseItemsOf(docs, now);
  return items.map((item, i) => {
    const doc = docs[i] as ReportListDoc;
    const red = (RUNNING_CLOCK_STATUSES as readonly string[]).includes(doc.status) && doc.redAt < now;
    const supervision = {
      sent: doc.supervisionsSent ?? 0,
      unanswered: doc.supervisionsOpen ?? 0,
      redSince: red ? doc.redAt : null,
      listedSince: doc.supervisionFrom ?? now,
    };
    return { ...item, supervision };
  });
}

/**
 * The 督办 counts of a place, three `count()`s at once, each answered from an index without reading a
 * document: listed (supervisor_listed), red (supervisor_status_red: running clocks past `redAt`, the red
 * light's range) and unanswered (supervisor_status_open: open cases with a 督办 awaiting an answer). Each
 * is the list's own condition: a listed case is open, and red or holding an unanswered note.
 */
export async function supervisionCounts(supervisorCode: string, now: number): Promise<SupervisionCounts> {
  const _ = db().command;
  const count = async (where: Record<string, unknown>) =>
    ((await db().collection(REPORTS).where(where).count()) as { total: number }).total;
  const listed = listedWhere(supervisorCode, now);
  const [all, red, unanswered] = await Promise.all([
    count(listed),
    count({ supervisorCode, status: _.in([...RUNNING_CLOCK_STATUSES]), redAt: _.lt(now) }),
    count({ supervisorCode, status: _.in([...OPEN_STATUSES]), supervisionsOpen: _.gt(0) }),
  ]);
  return { listed: all, red, unanswered };
}
