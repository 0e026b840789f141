import { escalatedHelpCall } from '@pingan/shared';
import { callsDueForEscalation, endHelpDeadline, saveHelpChange } from './help-calls.repository';
import { helpCallOf, withHelpCall } from './help-document';
import { owing } from './help-moves';
import { notifyHelpChange } from './help-notify';

/** Calls one run escalates at most (the next run, a minute later, takes the rest). */
const PAGE = 20;

/**
 * clockSweep's escalation: raised calls nobody acknowledged in time go a level up (help-call.ts
 * `escalatedHelpCall`), each by an update conditional on the version read, so a 收到 in between wins and
 * two runs racing escalate it once; the new level's centre is then told. At the top (the county) the
 * deadline is removed and the call stays on top of the county's inbox. Waves: the page; the updates; the
 * messages (help-notify.ts), all at once across calls.
 */
export async function sweepHelpEscalations(now: number): Promise<{ escalated: number; more: boolean }> {
  const due = await callsDueForEscalation(now, PAGE);
  const outcomes = await Promise.all(
    due.map(async (doc) => {
      const next = escalatedHelpCall(helpCallOf(doc), now);
      if (!next) return false;
      const event = next.events[next.events.length - 1];
      if (next.events.length === doc.events.length || !event) return (await endHelpDeadline(doc)) && false;
      const after = owing(withHelpCall(doc, next), event);
      if (!(await saveHelpChange(doc, after, event))) return false;
      await notifyHelpChange(after, now);
      return true;
    }),
  );
  return { escalated: outcomes.filter(Boolean).length, more: due.length === PAGE };
}
