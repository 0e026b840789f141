import { parentLevelOf, type OwnerLevel } from '../grid/grid-level';
import type { RegionPath } from '../grid/grid-tree';
import { RUNNING_CLOCK_STATUSES, type ReportStatus } from './report-status';
import { shanghaiDateTime } from '../time/shanghai-time';

/**
 * Telling staff that a light changed (docs/DESIGN.md, "Telling people"): a running case past its deadline
 * (已超时) is told to its owner's staff, and one turned red (严重超时) to them and to the centre above.
 * Each change once: the report keeps which deadline and which red instant were told (`LightNoticed`), and
 * the next instant a notice falls due (`lightNoticeDueAt`), which every transition writes again, so that a
 * clock restarted (受理 starts the handling clock) or frozen (办结) changes what is due. Pure.
 */

/** The staff messages of a light change: past the deadline (已超时), and red (严重超时). */
export const STAFF_MESSAGE_KINDS = ['overdue', 'red'] as const;
export type LightNotice = (typeof STAFF_MESSAGE_KINDS)[number];

/** The instants already told: the deadline whose passing (已超时) and the red instant (严重超时). */
export type LightNoticed = { readonly deadlineAt?: number; readonly redAt?: number };

/** The stored clock the notices read (report-document.ts `clockOf`). */
export type NoticeClock = { readonly deadlineAt: number; readonly redAt: number };

function isRunning(status: ReportStatus): boolean {
  return (RUNNING_CLOCK_STATUSES as readonly ReportStatus[]).includes(status);
}

/**
 * When the next notice falls due: the deadline not yet told, else the red instant not yet told; undefined
 * when the clock does not run or both were told. A light turns at the instant's end (yellow is
 * `deadlineAt < now`, light-bounds.ts), so the notice is due once `now` is past it.
 */
export function lightNoticeDueAt(status: ReportStatus, clock: NoticeClock, noticed: LightNoticed | undefined): number | undefined {
  if (!isRunning(status) || noticed?.redAt === clock.redAt) return undefined;
  return noticed?.deadlineAt === clock.deadlineAt ? clock.redAt : clock.deadlineAt;
}

/**
 * The notice due at `now`, if any: 严重超时 once past red (a case that went from green to red between two
 * sweeps is told that alone), else 已超时 once past the deadline; each for an instant not told before.
 */
export function lightNoticeAt(
  status: ReportStatus,
  clock: NoticeClock,
  noticed: LightNoticed | undefined,
  now: number,
): LightNotice | undefined {
  if (!isRunning(status) || noticed?.redAt === clock.redAt) return undefined;
  if (clock.redAt < now) return 'red';
  if (clock.deadlineAt < now && noticed?.deadlineAt !== clock.deadlineAt) return 'overdue';
  return undefined;
}

/** What the report keeps as told once a notice went out: 严重超时 tells the deadline's passing too. */
export function lightNoticedAfter(notice: LightNotice, clock: NoticeClock, noticed: LightNoticed | undefined): LightNoticed {
  return notice === 'red' ? { deadlineAt: clock.deadlineAt, redAt: clock.redAt } : { ...noticed, deadlineAt: clock.deadlineAt };
}

/** The place whose centre supervises the owner (the owner's parent on its region path); none at the county. */
export function supervisingCodeOf(report: { readonly ownerLevel: OwnerLevel; readonly regionPath: RegionPath }): string | undefined {
  const parent = parentLevelOf(report.ownerLevel);
  return parent === undefined || parent === 'microGrid' ? undefined : report.regionPath[parent];
}

/** Who a notice goes to, and in which capacity: the case's own staff, or the centre above them. */
export type NoticeRecipient = { readonly personId: string; readonly openid: string; readonly capacity: 'owner' | 'supervisor' };

/** The report facts a notice names. */
export type NoticeSubject = {
  readonly reportId: string;
  readonly categoryName: string;
  /** The owner's name (城关社区第3网格), or its code when the name was left behind. */
  readonly ownerName: string;
  readonly status: ReportStatus;
  readonly clock: NoticeClock;
};

/** One staff member's message of a light change, as the `messages` collection keeps it (report-messages.ts' shape). */
export type StaffMessage = {
  readonly _id: string;
  readonly recipientId: string;
  readonly recipientOpenid: string;
  readonly kind: LightNotice;
  readonly reportId: string;
  readonly openReportId: string;
  readonly title: string;
  readonly body: string;
  readonly at: number;
  readonly rateRequested: false;
  readonly read: false;
};

/** A notice's id names the report, the change and the instant, and the person: written twice, it collides. */
export function lightNoticeId(reportId: string, notice: LightNotice, clock: NoticeClock, personId: string): string {
  return `${reportId}:${notice}-${notice === 'red' ? clock.redAt : clock.deadlineAt}:${personId}`;
}

function textOf(notice: LightNotice, subject: NoticeSubject, capacity: NoticeRecipient['capacity']): { title: string; body: string } {
  const what = `${subject.ownerName}的「${subject.categoryName}」`;
  const limit = subject.status === 'submitted' ? '受理时限' : '办理时限';
  const due = `${shanghaiDateTime(subject.clock.deadlineAt)}到期`;
  if (notice === 'overdue') return { title: '案件已超时', body: `${what}已超过${limit}（${due}），请尽快处理。` };
  if (capacity === 'supervisor') return { title: '下级案件严重超时，请督办', body: `${what}已严重超时（${limit}${due}），请跟进督办。` };
  return { title: '案件严重超时', body: `${what}已严重超时（${limit}${due}），已告知上级综治中心，请立即处理。` };
}

/** The messages of one notice, one per person (the first capacity named wins), at `now`. */
export function lightNoticeMessages(
  subject: NoticeSubject,
  notice: LightNotice,
  recipients: readonly NoticeRecipient[],
  now: number,
): StaffMessage[] {
  const seen = new Set<string>();
  return recipients.flatMap((recipient) => {
    if (seen.has(recipient.personId)) return [];
    seen.add(recipient.personId);
    return [
      {
        _id: lightNoticeId(subject.reportId, notice, subject.clock, recipient.personId),
        recipientId: recipient.personId,
        recipientOpenid: recipient.openid,
        kind: notice,
        reportId: subject.reportId,
        openReportId: subject.reportId,
        ...textOf(notice, subject, recipient.capacity),
        at: now,
        rateRequested: false,
        read: false,
      },
    ];
  });
}

/** Whether a message kind is one of staff's (its tap opens the staff case page, not the resident's). */
export function isStaffMessageKind(kind: string): kind is LightNotice {
  return (STAFF_MESSAGE_KINDS as readonly string[]).includes(kind);
}
