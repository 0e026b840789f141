import { messageKindOf, type ReportEvent } from '@pingan/shared';
import { db } from '../platform/sdk';

/**
 * The mark a transition leaves on the report, in the same write that saves it, when its event owes the
 * reporter and followers a message: the lowest seq owed (`notifyFrom`) and since when (`notifyDueAt`),
 * each kept at its smallest so a second change before delivery keeps the first one owed. Delivery clears
 * it (notify-report.ts); a mark left by a crash between the save and the messages is found by the next
 * delivery's sweep (docs/DESIGN.md, "Telling people").
 */
export function notifyOwedBy(event: Pick<ReportEvent, 'type' | 'seq' | 'at'>): object {
  if (messageKindOf(event) === undefined) return {};
  const _ = db().command;
  return { notifyFrom: _.min(event.seq), notifyDueAt: _.min(event.at) };
}
