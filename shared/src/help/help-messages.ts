import type { TemplateValues } from '../config/subscribe-templates';
import { shanghaiClock, shanghaiDateTime } from '../time/shanghai-time';
import { HELP_ACK_MINUTES, nextHelpLevel, type HelpCall, type HelpEvent } from './help-call';
import type { HelpMessageKind } from './help-constants';

/**
 * What people are told in 消息 of a help call (docs/DESIGN.md, "Help calls (一键求助)"): the staff of the
 * place alerted when it is raised or reaches them (求助, 升级), the requester when someone answers and when
 * it is closed, and every place alerted when the requester cancels it (so nobody sets out for nothing).
 * Ids are `<callId>:<event seq>:<personId>`, so writing them twice changes nothing.
 */

/** One help message for one person, as the `messages` collection keeps it. */
export type HelpMessage = {
  readonly _id: string;
  readonly recipientId: string;
  readonly recipientOpenid: string;
  readonly kind: HelpMessageKind;
  /** The call a tap opens. */
  readonly helpCallId: string;
  readonly title: string;
  readonly body: string;
  readonly at: number;
  readonly rateRequested: false;
  readonly read: false;
};

export type HelpRecipient = { readonly personId: string; readonly openid: string };

/** Whom an event tells: the requester, or the staff of these places (grids: 网格长/网格员/网格警; regions: the centre). */
export type HelpMessageTargets = { readonly requester: boolean; readonly places: readonly string[] };

export function helpMessageKindOf(event: Pick<HelpEvent, 'type'>): HelpMessageKind {
  switch (event.type) {
    case 'raised':
      return 'helpRaised';
    case 'escalated':
      return 'helpEscalated';
    case 'acknowledged':
      return 'helpAcknowledged';
    case 'closed':
      return 'helpClosed';
    case 'cancelled':
      return 'helpCancelled';
  }
}

export function helpMessageTargets(call: Pick<HelpCall, 'alertedCodes'>, event: HelpEvent): HelpMessageTargets {
  switch (event.type) {
    case 'raised':
      return { requester: false, places: call.alertedCodes.slice(0, 1) };
    case 'escalated':
      return { requester: false, places: call.alertedCodes.slice(-1) };
    case 'cancelled':
      return { requester: false, places: [...call.alertedCodes] };
    default:
      return { requester: true, places: [] };
  }
}

/** Who is calling, in a few words: the name and what they chose to share (张秀兰（高龄·独居）). */
export function helpCallerText(call: Pick<HelpCall, 'requesterName' | 'profile'>): string {
  const tags = call.profile?.tags ?? [];
  return tags.length > 0 ? `${call.requesterName}（${tags.join('·')}）` : call.requesterName;
}

const LEVEL_CENTRES: Readonly<Record<string, string>> = { community: '社区综治中心', street: '街道综治中心', county: '县综治中心' };

/** The messages an event makes for its recipients, each person once and never the person who acted. */
export function helpMessagesFor(call: HelpCall, event: HelpEvent, recipients: readonly HelpRecipient[]): HelpMessage[] {
  const kind = helpMessageKindOf(event);
  const seen = new Set<string>(event.actorId === undefined ? [] : [event.actorId]);
  const { title, body } = textOf(kind, call, event);
  return recipients.flatMap((recipient) => {
    if (seen.has(recipient.personId)) return [];
    seen.add(recipient.personId);
    return [
      {
        _id: `${call.id}:${event.seq}:${recipient.personId}`,
        recipientId: recipient.personId,
        recipientOpenid: recipient.openid,
        kind,
        helpCallId: call.id,
        title,
        body,
        at: event.at,
        rateRequested: false,
        read: false,
      },
    ];
  });
}

function textOf(kind: HelpMessageKind, call: HelpCall, event: HelpEvent): { title: string; body: string } {
  const who = helpCallerText(call);
  const where = call.address ? `地点：${call.address}。` : call.location ? '已附定位。' : '';
  const above = nextHelpLevel(call);
  const next = (above && LEVEL_CENTRES[above.level]) ?? '上级综治中心';
  switch (kind) {
    case 'helpRaised':
      return {
        title: `一键求助：${who}`,
        body: `${shanghaiClock(call.raisedAt)} 发出求助。${where}请立即查看并点“收到”；${HELP_ACK_MINUTES} 分钟内无人响应将自动上报${next}。`,
      };
    case 'helpEscalated':
      return {
        title: `一键求助无人响应：${who}`,
        body: `${shanghaiClock(call.raisedAt)} 发出的求助已 ${Math.round((event.at - call.raisedAt) / 60_000)} 分钟无人响应，已上报本中心。${where}请立即处置。`,
      };
    case 'helpAcknowledged':
      return {
        title: '已有人响应您的求助',
        body: `${event.actorName ?? '工作人员'}已收到您的求助，正在处理。${event.note ? `留言：${event.note}` : ''}`,
      };
    case 'helpClosed':
      return { title: '您的求助已处置', body: `${event.actorName ?? '工作人员'}：${event.note ?? ''}` };
    case 'helpCancelled':
      return {
        title: `求助已取消：${who}`,
        body: `${shanghaiClock(event.at)} 求助人已取消求助${event.note ? `（${event.note}）` : ''}，无需再前往。`,
      };
  }
}

const STATUS_WORDS: Readonly<Record<HelpMessageKind, string>> = {
  helpRaised: '紧急求助',
  helpEscalated: '无人响应',
  helpAcknowledged: '已响应',
  helpClosed: '已处置',
  helpCancelled: '已取消',
};

const HINTS: Readonly<Record<HelpMessageKind, string>> = {
  helpRaised: '请立即点击查看并响应',
  helpEscalated: '已上报本中心，请立即处置',
  helpAcknowledged: '点击查看谁在赶来',
  helpClosed: '点击查看处置情况',
  helpCancelled: '求助人已取消，无需前往',
};

/**
 * The values a help message's WeChat subscribe message fills its template from (config/subscribe-templates.ts):
 * to staff, who calls (with what they shared) and where; to the caller, who answered; the status in a word,
 * the time, a hint and the note.
 */
export function helpTemplateValuesOf(message: Pick<HelpMessage, 'kind' | 'at'>, call: HelpCall, event: HelpEvent): TemplateValues {
  const toCaller = message.kind === 'helpAcknowledged' || message.kind === 'helpClosed';
  return {
    person: toCaller ? (event.actorName ?? '') : helpCallerText(call),
    place: call.address ?? call.placeCode,
    status: STATUS_WORDS[message.kind],
    time: shanghaiDateTime(message.at),
    hint: HINTS[message.kind],
    note: event.note ?? '',
  };
}
