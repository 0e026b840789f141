import {
  lightNoticeAt,
  lightNoticeDueAt,
  lightNoticedAfter,
  lightNoticeMessages,
  type LightNotice,
  type NoticeRecipient,
} from '@pingan/shared';
import { db, listOf, updatedCount } from '../platform/sdk';
import { REPORTS, type ReportListDoc } from '../reports/reports.repository';
import { noticeTargetsOf, staffOf, targetKey } from './light-notice-recipients.repository';
import { insertMessage } from './messages.repository';

/** Reports one sweep reads at most; a longer backlog is worked off by the next runs, oldest first. */
export const LIGHT_NOTICE_PAGE = 20;

export type LightNoticeSweep = { readonly notices: number; readonly messages: number; readonly more: boolean };

/**
 * Tells staff of the light changes due by `now` (shared/src/report/light-notices.ts), once each: reads the
 * reports whose `lightNoticeDueAt` has passed (index light_notice_due, oldest first, a page), the staff
 * of all of them at once, writes every message at once under ids that name the report, the change and the
 * instant (written twice, they collide), then records the notice on each report by a conditional update
 * on the version and the due instant it read. Two sweeps racing write the same messages once; a crash
 * between the messages and the record leaves the notice due, and the next sweep's messages collide; a
 * transition meanwhile (a new version) wins, and what is due is read again next time. 4 waves.
 */
export async function sweepLightNotices(now: number): Promise<LightNoticeSweep> {
  const _ = db().command;
  const due = await listOf<ReportListDoc>(
    db()
      .collection(REPORTS)
      .where({ lightNoticeDueAt: _.lt(now) })
      .orderBy('lightNoticeDueAt', 'asc')
      .limit(LIGHT_NOTICE_PAGE)
      .field({ events: false })
      .get(),
  );
  const planned = due.map((report) => ({ report, notice: lightNoticeAt(report.status, report, report.lightNoticed, now) }));
  const staff = await staffOf(
    planned.flatMap(({ report, notice }) => (notice ? noticeTargetsOf(report, notice).map((t) => t.target) : [])),
  );
  const told = await Promise.all(
    planned.map(async ({ report, notice }) => {
      const recipients = notice ? recipientsOf(report, notice, staff) : [];
      const messages = notice ? await writeMessages(report, notice, recipients, now) : 0;
      const recorded = await recordNotice(report, notice);
      return { notice: notice && recorded ? 1 : 0, messages };
    }),
  );
  return {
    notices: told.reduce((sum, t) => sum + t.notice, 0),
    messages: told.reduce((sum, t) => sum + t.messages, 0),
    more: due.length === LIGHT_NOTICE_PAGE,
  };
}

function recipientsOf(
  report: ReportListDoc,
  notice: LightNotice,
  staff: Map<string, { personId: string; openid: string }[]>,
): NoticeRecipient[] {
  const recipients = noticeTargetsOf(report, notice).flatMap(({ target, capacity }) =>
    (staff.get(targetKey(target)) ?? []).map((person) => ({ ...person, capacity })),
  );
  if (recipients.length === 0) console.warn(`[light-notices] reports/${report._id}: nobody to tell of ${notice}`);
  return recipients;
}

/** Writes the notice's messages; how many were new (one written before, by a racing or crashed sweep, is left as it is). */
async function writeMessages(report: ReportListDoc, notice: LightNotice, recipients: NoticeRecipient[], now: number): Promise<number> {
  const subject = {
    reportId: report._id,
    categoryName: report.terms.name,
    ownerName: report.ownerName ?? report.ownerCode,
    status: report.status,
    clock: { deadlineAt: report.deadlineAt, redAt: report.redAt },
  };
  const written = await Promise.all(lightNoticeMessages(subject, notice, recipients, now).map((message) => insertMessage(message)));
  return written.filter((outcome) => outcome === 'inserted').length;
}

/** Records what was told and moves the due instant on, if the report is as it was read; false when it was not. */
async function recordNotice(report: ReportListDoc, notice: LightNotice | undefined): Promise<boolean> {
  const _ = db().command;
  const clock = { deadlineAt: report.deadlineAt, redAt: report.redAt };
  const noticed = notice ? lightNoticedAfter(notice, clock, report.lightNoticed) : report.lightNoticed;
  const dueAt = lightNoticeDueAt(report.status, clock, noticed);
  const updated = await updatedCount(
    db()
      .collection(REPORTS)
      .where({ _id: report._id, version: report.version, lightNoticeDueAt: report.lightNoticeDueAt })
      .update({ data: { ...(noticed && { lightNoticed: _.set(noticed) }), lightNoticeDueAt: dueAt ?? _.remove() } }),
  );
  return updated === 1;
}
