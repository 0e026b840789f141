import type { MessageKind, TemplateValues } from '../config/subscribe-templates';
import { MESSAGE_KINDS } from '../config/subscribe-templates';
import { shanghaiDateTime } from '../time/shanghai-time';
import type { ReportEvent } from './report';

/**
 * What a report's reporter and followers are told when it moves on (docs/DESIGN.md, "Telling people"):
 * 受理, 不予受理 (naming the original a duplicate repeats), 办结, and 结案 with a request to rate. Pure:
 * the same report, event and recipients always give the same messages under the same ids, so writing
 * them again (after a crash, or by two instances) is harmless.
 */

/** Whom a message goes to: the person, and the openid their WeChat messages go to. */
export type MessageRecipient = { readonly personId: string; readonly openid: string };

/** The report facts a message names. */
export type MessageSubject = {
  readonly reportId: string;
  readonly reporterId: string;
  /** The category's name as the report keeps it (环境卫生). */
  readonly categoryName: string;
};

/** One message for one person, as the `messages` collection keeps it. */
export type ReportMessage = {
  readonly _id: string;
  readonly recipientId: string;
  readonly recipientOpenid: string;
  readonly kind: MessageKind;
  /** The report that moved on. */
  readonly reportId: string;
  /** The report a tap opens: the original, for a duplicate merged into it; else the report itself. */
  readonly openReportId: string;
  readonly title: string;
  readonly body: string;
  /** Epoch milliseconds of the change. */
  readonly at: number;
  /** 结案, to the reporter: they are asked to rate (评价). */
  readonly rateRequested: boolean;
  readonly read: boolean;
};

/** A message's id: the report, the event's place in its timeline and the person name it once and for all. */
export function messageId(reportId: string, seq: number, personId: string): string {
  return `${reportId}:${seq}:${personId}`;
}

/** The kind of message an event makes, or undefined for a step nobody outside the case is told of. */
export function messageKindOf(event: Pick<ReportEvent, 'type'>): MessageKind | undefined {
  return (MESSAGE_KINDS as readonly string[]).includes(event.type) ? (event.type as MessageKind) : undefined;
}

const STATUS_WORDS: Record<MessageKind, string> = { accepted: '已受理', rejected: '不予受理', resolved: '已办结', closed: '已结案' };

const REJECTION_WORDS = {
  invalid: '经核实，不属于需要处理的问题。',
  out_of_scope: '不属于网格受理范围，可拨打 12345 热线反映。',
  duplicate: '与已有的上报重复，已并入原上报一并处理，点击查看原上报的进展。',
} as const;

function titleOf(kind: MessageKind, own: boolean): string {
  const whose = own ? '您的上报' : '您关注的上报';
  if (kind === 'closed' && own) return '您的上报已结案，请评价';
  return `${whose}${kind === 'rejected' ? '未予受理' : STATUS_WORDS[kind]}`;
}

function bodyOf(kind: MessageKind, subject: MessageSubject, event: ReportEvent, own: boolean): string {
  const what = `「${subject.categoryName}」`;
  const main = {
    accepted: `${what}已受理，正在安排处理。`,
    rejected: `${what}${REJECTION_WORDS[event.rejection?.reason ?? 'invalid']}`,
    resolved: `${what}已处理完成，等待核查结案。`,
    closed: own ? `${what}已核查结案。请为这次办理评价：满意、基本满意或不满意。` : `${what}已核查结案。`,
  }[kind];
  return event.note ? `${main}说明：${event.note}` : main;
}

/**
 * The messages an event makes: one for each recipient but the person who made the change (a grid
 * worker accepting his own 巡查上报 is not told of it), each person once. None for an event that tells
 * nobody (messageKindOf).
 */
export function messagesFor(subject: MessageSubject, event: ReportEvent, recipients: readonly MessageRecipient[]): ReportMessage[] {
  const kind = messageKindOf(event);
  if (kind === undefined) return [];
  const seen = new Set<string>([event.actorId]);
  const openReportId = event.rejection?.reason === 'duplicate' ? event.rejection.duplicateOf : subject.reportId;
  return recipients.flatMap((recipient) => {
    if (seen.has(recipient.personId)) return [];
    seen.add(recipient.personId);
    const own = recipient.personId === subject.reporterId;
    return [
      {
        _id: messageId(subject.reportId, event.seq, recipient.personId),
        recipientId: recipient.personId,
        recipientOpenid: recipient.openid,
        kind,
        reportId: subject.reportId,
        openReportId,
        title: titleOf(kind, own),
        body: bodyOf(kind, subject, event, own),
        at: event.at,
        rateRequested: kind === 'closed' && own,
        read: false,
      },
    ];
  });
}

/** The values a subscribe message's template fields are filled from (config/subscribe-templates.ts). */
export function templateValuesOf(message: ReportMessage, subject: MessageSubject, event: ReportEvent): TemplateValues {
  return {
    category: subject.categoryName,
    status: STATUS_WORDS[message.kind],
    time: shanghaiDateTime(message.at),
    hint: message.rateRequested ? '请点击为办理结果评价' : message.kind === 'rejected' ? '点击查看原因' : '点击查看办理进度',
    note: event.note ?? '',
  };
}
