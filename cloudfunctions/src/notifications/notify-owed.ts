import { messageKindOf, orderMessageKindOf, type OrderEvent, type ReportEvent } from '@pingan/shared';
import { db } from '../platform/sdk';

/** How long a mark may stand before a sweep takes it as left by a crash (a call lasts 3 s at most). */
export const NOTIFY_GRACE_MS = 60_000;

/**
 * The mark a transition leaves on the report, in the same write that saves it, when its event owes the
 * reporter and followers a message: the lowest seq owed (`notifyFrom`) and since when (`notifyDueAt`),
 * each kept at its smallest so a second change before delivery keeps the first one owed. Delivery clears
 * it (notify-report.ts); a mark left by a crash between the save and the messages is found by the next
 * delivery's sweep (docs/DESIGN.md, "Telling people").
 */
export function notifyOwedBy(event: Pick<ReportEvent, 'type' | 'seq' | 'at'>): object {
  return messageKindOf(event) === undefined ? {} : owedMark(event);
}

/**
 * The same mark on a service order, left by the move's own write (its conditional update, or the
 * crediting transaction) when the move tells someone (接单, 完成, 确认, 有异议, 裁定); notify-order.ts
 * delivers and clears it, and clockSweep delivers one a crash left.
 */
export function orderNotifyOwedBy(event: Pick<OrderEvent, 'type' | 'seq' | 'at'>): object {
  return orderMessageKindOf(event) === undefined ? {} : owedMark(event);
}

function owedMark(event: { readonly seq: number; readonly at: number }): object {
  const _ = db().command;
  return { notifyFrom: _.min(event.seq), notifyDueAt: _.min(event.at) };
}
