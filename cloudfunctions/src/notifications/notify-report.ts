import { messageKindOf, messagesFor, templateData, templateValuesOf, type ReportEvent, type ReportMessage } from '@pingan/shared';
import type { SubscribeTemplates } from '@pingan/shared';
import { db, listOf, sendSubscribeMessage } from '../platform/sdk';
import type { ReportDoc } from '../reports/report-document';
import { followersOf } from '../reports/report-follows.repository';
import { fromStored, REPORTS } from '../reports/reports.repository';
import { insertMessage } from './messages.repository';
import { subscribeTemplates } from './subscribe-templates.repository';

/**
 * Telling people (docs/DESIGN.md, "Telling people"). A transition that owes a message marks the report
 * in the write that saves it (notify-owed.ts); after the save, the function calls notifyReportChange,
 * which writes each recipient's in-app message under an id derived from the report, the event and the
 * person, sends a WeChat subscribe message for each one it newly wrote, and clears the mark. Nothing here
 * fails the transition: the change is saved already, and a mark left behind is delivered by a later sweep.
 */
export async function notifyReportChange(report: ReportDoc, now: number): Promise<void> {
  try {
    await deliverOwed(report, now);
    await sweepOwed(now);
  } catch (error) {
    console.error(`[notifications] reports/${report._id}: delivery failed; the mark stays for the sweep`, error);
  }
}

/** How long a mark may stand before a sweep takes it as left by a crash (a call lasts 3 s at most). */
export const NOTIFY_GRACE_MS = 60_000;
/** Reports a sweep delivers at most, so a backlog is worked off a few at a time by later calls. */
const SWEEP_BATCH = 3;

/** Delivers the messages of marks older than the grace period: those a crash left undelivered. */
async function sweepOwed(now: number): Promise<void> {
  const _ = db().command;
  const stale = await listOf<ReportDoc>(
    db()
      .collection(REPORTS)
      .where({ notifyDueAt: _.lt(now - NOTIFY_GRACE_MS) })
      .orderBy('notifyDueAt', 'asc')
      .limit(SWEEP_BATCH)
      .get(),
  );
  for (const report of stale) await deliverOwed(fromStored(report), now);
}

/**
 * Writes the messages of every event from the report's mark on (the latest event at least), then
 * clears the mark if the report has not changed since it was read: a newer change delivers its own.
 */
async function deliverOwed(report: ReportDoc, now: number): Promise<void> {
  const last = report.events[report.events.length - 1];
  const from = Math.min(report.notifyFrom ?? Number.POSITIVE_INFINITY, last?.seq ?? 0);
  const owed = report.events.filter((event) => event.seq >= from && messageKindOf(event) !== undefined);
  if (owed.length > 0) {
    const [followers, templates] = await Promise.all([followersOf(report._id), subscribeTemplates(now)]);
    const recipients = [{ personId: report.reporterId, openid: report.reporterOpenid }, ...followers];
    const subject = { reportId: report._id, reporterId: report.reporterId, categoryName: report.terms.name };
    for (const event of owed) {
      const messages = messagesFor(subject, event, recipients);
      await Promise.all(messages.map((message) => deliverOne(message, event, subject, templates)));
    }
  }
  if (report.notifyFrom !== undefined || owed.length > 0) await clearMark(report);
}

/** The in-app message first (the channel that never fails), then, if it is new, the WeChat one. */
async function deliverOne(
  message: ReportMessage,
  event: ReportEvent,
  subject: Parameters<typeof templateValuesOf>[1],
  templates: SubscribeTemplates,
): Promise<void> {
  if ((await insertMessage(message)) === 'exists') return;
  const template = templates.templates[message.kind];
  if (!template) return;
  try {
    await sendSubscribeMessage({
      touser: message.recipientOpenid,
      templateId: template.templateId,
      page: `pages/report/index?id=${message.openReportId}`,
      data: templateData(template, templateValuesOf(message, subject, event)),
      miniprogramState: templates.miniprogramState,
    });
  } catch (error) {
    // 43101: no consent left for this template. Expected and common; the in-app message has it.
    const code = (error as { errCode?: unknown } | null)?.errCode;
    console.warn(`[notifications] subscribe message ${message._id} not sent (${String(code ?? error)})`);
  }
}

/** Clears the mark, on the version read: a change made meanwhile keeps it for its own delivery. */
async function clearMark(report: ReportDoc): Promise<void> {
  const _ = db().command;
  await db()
    .collection(REPORTS)
    .where({ _id: report._id, version: report.version })
    .update({ data: { notifyFrom: _.remove(), notifyDueAt: _.remove() } });
}
