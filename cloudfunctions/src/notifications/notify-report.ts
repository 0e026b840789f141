import { messageKindOf, messagesFor, templateValuesOf } from '@pingan/shared';
import { db, listOf } from '../platform/sdk';
import type { ReportDoc } from '../reports/report-document';
import { followersOf } from '../reports/report-follows.repository';
import { fromStored, REPORTS } from '../reports/reports.repository';
import { insertMessage } from './messages.repository';
import { NOTIFY_GRACE_MS } from './notify-owed';
import { pushSubscribeMessage } from './subscribe-push';
import { subscribeTemplates } from './subscribe-templates.repository';

/**
 * Telling people (docs/DESIGN.md, "Telling people"). A transition that owes a message marks the report
 * in the write that saves it (notify-owed.ts); after the save, the function calls notifyReportChange,
 * which writes each recipient's in-app message under an id derived from the report, the event and the
 * person, sends a WeChat subscribe message for each one it newly wrote, and clears the mark. Nothing here
 * fails the transition: the change is saved already, and a mark left behind is delivered by a later sweep.
 */
export async function notifyReportChange(report: ReportDoc, now: number): Promise<void> {
  // The sweep runs beside this delivery: a mark younger than the grace period (this one) is not its to take.
  const [delivered, swept] = await Promise.allSettled([deliverOwed(report, now), sweepOwed(now, SWEEP_BATCH)]);
  if (delivered.status === 'rejected') {
    console.error(`[notifications] reports/${report._id}: delivery failed; the mark stays for the sweep`, delivered.reason);
  }
  if (swept.status === 'rejected') console.error('[notifications] the sweep failed; it runs again at the next delivery', swept.reason);
}

export { NOTIFY_GRACE_MS };
/** Reports a sweep delivers at most, so a backlog is worked off a few at a time by later calls. */
const SWEEP_BATCH = 3;

/**
 * Delivers the messages of marks older than the grace period, those a crash left undelivered, at most
 * `batch` reports (oldest first); answers how many it delivered. Every delivery runs it for a few, and so does
 * clockSweep on its timer, for a page, so a crash's messages do not wait for the next change anywhere.
 */
export async function sweepOwed(now: number, batch: number): Promise<number> {
  const _ = db().command;
  const stale = await listOf<ReportDoc>(
    db()
      .collection(REPORTS)
      .where({ notifyDueAt: _.lt(now - NOTIFY_GRACE_MS) })
      .orderBy('notifyDueAt', 'asc')
      .limit(batch)
      .get(),
  );
  // At once, each on its own: one report's failure keeps its mark for a later sweep and stops no other.
  const delivered = await Promise.allSettled(stale.map((report) => deliverOwed(fromStored(report), now)));
  for (const [i, outcome] of delivered.entries()) {
    if (outcome.status === 'rejected')
      console.error(`[notifications] reports/${stale[i]?._id}: the sweep's delivery failed`, outcome.reason);
  }
  return delivered.filter((outcome) => outcome.status === 'fulfilled').length;
}

/**
 * Writes the messages of every event from the report's mark on (the latest event at least), then sends
 * the new ones through WeChat while it clears the mark (the messages are stored: nothing is owed any
 * more), if the report has not changed since it was read: a newer change delivers its own.
 */
async function deliverOwed(report: ReportDoc, now: number): Promise<void> {
  const last = report.events[report.events.length - 1];
  const from = Math.min(report.notifyFrom ?? Number.POSITIVE_INFINITY, last?.seq ?? 0);
  const owed = report.events.filter((event) => event.seq >= from && messageKindOf(event) !== undefined);
  if (owed.length > 0) {
    const [followers, templates] = await Promise.all([followersOf(report._id), subscribeTemplates(now)]);
    const recipients = [{ personId: report.reporterId, openid: report.reporterOpenid }, ...followers];
    const subject = { reportId: report._id, reporterId: report.reporterId, categoryName: report.terms.name };
    const messages = owed.flatMap((event) => messagesFor(subject, event, recipients).map((message) => ({ message, event })));
    const inserted = await Promise.all(messages.map(async (m) => ((await insertMessage(m.message)) === 'inserted' ? [m] : [])));
    const pushes = inserted
      .flat()
      .map((m) =>
        pushSubscribeMessage(
          m.message,
          `pages/report/index?id=${m.message.openReportId}`,
          templateValuesOf(m.message, subject, m.event),
          templates,
        ),
      );
    await Promise.all([clearMark(report), ...pushes]);
    return;
  }
  if (report.notifyFrom !== undefined) await clearMark(report);
}

/** Clears the mark, on the version read: a change made meanwhile keeps it for its own delivery. */
async function clearMark(report: ReportDoc): Promise<void> {
  const _ = db().command;
  await db()
    .collection(REPORTS)
    .where({ _id: report._id, version: report.version })
    .update({ data: { notifyFrom: _.remove(), notifyDueAt: _.remove() } });
}
