import type { TemplateValues } from '../config/subscribe-templates';
import { shanghaiDateTime } from '../time/shanghai-time';
import type { OrderClaimant, OrderEvent, ServiceOrder } from './service-order';

/**
 * What people are told in 消息 when an order moves on (docs/DESIGN.md, "Service orders (居民点单)"): the
 * requester when someone takes it on (接单, or the grid worker serving it herself: who is coming) and when
 * it is done (please confirm); the one who served it when it is confirmed; the one who served it and the
 * grid's staff when the requester disputes it; the requester and the one who served it when the grid
 * worker settles the dispute. Pure: the same order, event and recipients always give the same messages
 * under the same ids (`<orderId>:<event seq>:<personId>`), so writing them twice changes nothing.
 */
export const ORDER_MESSAGE_KINDS = ['orderClaimed', 'orderCompleted', 'orderConfirmed', 'orderDisputed', 'orderSettled'] as const;
export type OrderMessageKind = (typeof ORDER_MESSAGE_KINDS)[number];

/** Whom an order's message goes to: named people (the requester, the claimant) or the grid's 网格员 and 网格长. */
export type OrderMessageTarget =
  { readonly kind: 'person'; readonly personId: string; readonly as: 'requester' | 'claimant' } | { readonly kind: 'gridStaff' };

/** A recipient found for a target: the person, their openid, and the capacity they are told in. */
export type OrderRecipient = { readonly personId: string; readonly openid: string; readonly as: 'requester' | 'claimant' | 'gridStaff' };

/** One message about an order for one person, as the `messages` collection keeps it (report-messages.ts' shape). */
export type OrderMessage = {
  readonly _id: string;
  readonly recipientId: string;
  readonly recipientOpenid: string;
  readonly kind: OrderMessageKind;
  /** The order a tap opens. */
  readonly orderId: string;
  readonly title: string;
  readonly body: string;
  readonly at: number;
  readonly rateRequested: false;
  readonly read: false;
};

/** The kind of message an order's event makes, or undefined for a step nobody is told of (booked, dispatched, cancelled …). */
export function orderMessageKindOf(event: Pick<OrderEvent, 'type'>): OrderMessageKind | undefined {
  switch (event.type) {
    case 'claimed':
    case 'served':
      return 'orderClaimed';
    case 'completed':
      return 'orderCompleted';
    case 'confirmed':
      return 'orderConfirmed';
    case 'disputed':
      return 'orderDisputed';
    case 'settled':
      return 'orderSettled';
    default:
      return undefined;
  }
}

/**
 * Who held the order when this event happened: the claimant the latest 接单 (or 自己服务) before it
 * recorded. A settle that sends the order back to the hall clears the order's claimant, and still tells them.
 */
export function claimantAt(order: Pick<ServiceOrder, 'events'>, seq: number): OrderClaimant | undefined {
  const earlier = order.events.filter((event) => event.seq <= seq && (event.type === 'claimed' || event.type === 'served'));
  const last = earlier[earlier.length - 1];
  if (!last) return undefined;
  const released = order.events.some((event) => event.seq > last.seq && event.seq < seq && event.type === 'withdrawn');
  return released ? undefined : last.claimant;
}

/** Whom an event's message goes to (before the actor is taken out): see the file's first comment. */
export function orderMessageTargets(order: Pick<ServiceOrder, 'requesterId' | 'events'>, event: OrderEvent): OrderMessageTarget[] {
  const requester = { kind: 'person', personId: order.requesterId, as: 'requester' } as const;
  const holder = claimantAt(order, event.seq);
  const claimant = holder ? [{ kind: 'person', personId: holder.personId, as: 'claimant' } as const] : [];
  switch (orderMessageKindOf(event)) {
    case 'orderClaimed':
    case 'orderCompleted':
      return [requester];
    case 'orderConfirmed':
      return claimant;
    case 'orderDisputed':
      return [...claimant, { kind: 'gridStaff' }];
    case 'orderSettled':
      return [requester, ...claimant];
    default:
      return [];
  }
}

/** The order facts a message names: its title, slot and (for 接单) who is coming. */
export type OrderMessageSubject = {
  readonly orderId: string;
  /** A resident's booking, or a task staff posted (whose poster is its requester). */
  readonly kind?: 'order' | 'task';
  readonly title: string;
  readonly slotStartsAt: number;
  /** The name of whoever took it on, for the requester's 接单 message. */
  readonly claimantName?: string;
};

/**
 * The messages an event makes: one for each recipient but the person who made the change, each person
 * once (the first capacity named wins). None for an event that tells nobody.
 */
export function orderMessagesFor(subject: OrderMessageSubject, event: OrderEvent, recipients: readonly OrderRecipient[]): OrderMessage[] {
  const kind = orderMessageKindOf(event);
  if (kind === undefined) return [];
  const seen = new Set<string>([event.actorId]);
  return recipients.flatMap((recipient) => {
    if (seen.has(recipient.personId)) return [];
    seen.add(recipient.personId);
    return [
      {
        _id: `${subject.orderId}:${event.seq}:${recipient.personId}`,
        recipientId: recipient.personId,
        recipientOpenid: recipient.openid,
        kind,
        orderId: subject.orderId,
        ...textOf(kind, subject, event, recipient.as),
        at: event.at,
        rateRequested: false,
        read: false,
      },
    ];
  });
}

function textOf(
  kind: OrderMessageKind,
  subject: OrderMessageSubject,
  event: OrderEvent,
  as: OrderRecipient['as'],
): { title: string; body: string } {
  const what = `「${subject.title}」`;
  const note = event.note ? `说明：${event.note}` : '';
  switch (kind) {
    case 'orderClaimed': {
      const who = event.claimant?.as === 'staff' ? '网格员' : '志愿者';
      const name = subject.claimantName ?? '';
      const title = subject.kind === 'task' ? '您发布的任务已有人接单' : '您的点单已有人接单';
      const when = `${shanghaiDateTime(subject.slotStartsAt)} ${subject.kind === 'task' ? '到场' : '上门服务'}`;
      return { title, body: `${what}由${who}${name}接单，将在 ${when}。` };
    }
    case 'orderCompleted':
      return { title: '服务已完成，请确认', body: `${what}已完成服务，请确认完成；如果没有完成，可以提出异议。${note}` };
    case 'orderConfirmed': {
      const credit = event.credit ? `记服务时长 ${event.credit.minutes} 分钟、积分 ${event.credit.points} 分。` : '';
      return { title: '居民已确认服务完成', body: `${what}居民已确认完成，感谢您的服务。${credit}` };
    }
    case 'orderDisputed':
      return as === 'gridStaff'
        ? { title: '居民对服务有异议，请裁定', body: `${what}居民认为服务没有完成，请核实后裁定。${note}` }
        : { title: '居民对服务有异议', body: `${what}居民认为服务没有完成，网格员将核实裁定。${note}` };
    case 'orderSettled':
      return event.decision === 'done'
        ? { title: '异议已裁定：服务已完成', body: `${what}经网格员核实，服务已完成。${note}` }
        : { title: '异议已裁定：服务未完成', body: `${what}经网格员核实，服务没有完成，已重新发布到任务大厅。${note}` };
  }
}

/** Each kind's status in a word, for a template's `phrase` field (5 characters at most). */
const ORDER_STATUS_WORDS: Readonly<Record<OrderMessageKind, string>> = {
  orderClaimed: '已接单',
  orderCompleted: '待确认',
  orderConfirmed: '已确认',
  orderDisputed: '有异议',
  orderSettled: '已裁定',
};

/** What a tap on the WeChat message lets the recipient do, by kind and the capacity they are told in. */
function hintOf(kind: OrderMessageKind, as: OrderRecipient['as']): string {
  switch (kind) {
    case 'orderClaimed':
      return '点击查看是谁来服务';
    case 'orderCompleted':
      return '请点击确认完成或提出异议';
    case 'orderConfirmed':
      return '感谢您的服务';
    case 'orderDisputed':
      return as === 'gridStaff' ? '请点击核实并裁定' : '网格员将核实裁定';
    case 'orderSettled':
      return '点击查看裁定结果';
  }
}

/**
 * The values an order's subscribe message fills its template from (config/subscribe-templates.ts): the
 * service, its slot and who serves it, the status in a word (a settle's decision: 已完成 or 重新派单),
 * the change's time, a hint for the capacity the recipient is told in (`as`) and the note left.
 */
export function orderTemplateValuesOf(
  message: Pick<OrderMessage, 'kind' | 'at'>,
  subject: OrderMessageSubject,
  event: Pick<OrderEvent, 'note' | 'decision'>,
  as: OrderRecipient['as'],
): TemplateValues {
  const settled = message.kind === 'orderSettled' && event.decision !== undefined;
  return {
    service: subject.title,
    slot: shanghaiDateTime(subject.slotStartsAt),
    person: subject.claimantName ?? '',
    status: settled ? (event.decision === 'done' ? '已完成' : '重新派单') : ORDER_STATUS_WORDS[message.kind],
    time: shanghaiDateTime(message.at),
    hint: hintOf(message.kind, as),
    note: event.note ?? '',
  };
}
