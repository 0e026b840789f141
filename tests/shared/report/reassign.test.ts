import { applyTransition, canMake, timeLimitReading, type Report, type ReportAction } from '@pingan/shared';
import type { Actor } from '@pingan/shared/people';
import {
  accepted,
  after,
  assigned,
  closed,
  communityCentre,
  fireStation,
  HOUR,
  inProgress,
  leader,
  otherWorker,
  resolved,
  strangerWorker,
  submitted,
  T0,
  worker,
} from '../fixtures/report-cast';

const NOW = T0 + 30 * HOUR;
const apply = (report: Report, action: ReportAction, actor: Actor) => applyTransition(report, action, actor, NOW);
const codeOf = (report: Report, action: ReportAction, actor: Actor) => {
  const outcome = apply(report, action, actor);
  return outcome.ok ? 'ok' : outcome.code;
};
const toOther: ReportAction = { type: 'reassign', to: { kind: 'person', personId: otherWorker.id }, reason: '赵丽请假，改由王强办理' };
const LIMITS = { acceptLimitHours: 2, handleLimitHours: 48, redAfterHours: 24 };

describe('reassign (改派)', () => {
  it('moves an assigned case to another worker, recording from whom to whom and why', () => {
    const outcome = apply(assigned, toOther, leader);
    expect(outcome).toMatchObject({ ok: true, report: { status: 'assigned', assignee: { kind: 'person', personId: otherWorker.id } } });
    expect(outcome.ok && outcome.event).toEqual({
      seq: assigned.events.length,
      type: 'reassigned',
      at: NOW,
      actorId: leader.id,
      status: 'assigned',
      note: '赵丽请假，改由王强办理',
      assignee: { kind: 'person', personId: otherWorker.id },
      previousAssignee: { kind: 'person', personId: worker.id },
    });
  });

  it('takes a started case back to assigned, for the new assignee to start afresh', () => {
    const moved = after(inProgress, [toOther, leader]);
    expect(moved.status).toBe('assigned');
    expect(codeOf(moved, { type: 'start' }, worker)).toBe('REPORT.FORBIDDEN');
    expect(codeOf(moved, { type: 'start' }, otherWorker)).toBe('ok');
  });

  it('does not restart the handling clock: the deadline still runs from acceptance', () => {
    const moved = after(inProgress, [toOther, leader]);
    expect(moved.acceptedAt).toBe(inProgress.acceptedAt);
    expect(timeLimitReading(moved, LIMITS, NOW).deadline).toBe(timeLimitReading(inProgress, LIMITS, NOW).deadline);
  });

  it('lets a centre above hand a case to a co-handling department', () => {
    const toFire: ReportAction = { type: 'reassign', to: { kind: 'department', department: '消防救援站' }, reason: '需要消防处置' };
    const moved = after(assigned, [toFire, communityCentre]);
    expect(codeOf(moved, { type: 'start' }, fireStation)).toBe('ok');
  });

  it('requires a reason (REPORT.NOTE_REQUIRED)', () => {
    expect(codeOf(assigned, { ...toOther, reason: '  ' }, leader)).toBe('REPORT.NOTE_REQUIRED');
  });

  it('refuses handing the case to whoever has it already (REPORT.INVALID_ASSIGNEE)', () => {
    expect(codeOf(assigned, { ...toOther, to: { kind: 'person', personId: worker.id } }, leader)).toBe('REPORT.INVALID_ASSIGNEE');
  });

  it('is for the dispatcher only: a 网格员 takes no colleague’s case, not even for himself; another grid’s worker is refused', () => {
    const toSelf: ReportAction = { ...toOther, to: { kind: 'person', personId: otherWorker.id } };
    expect(codeOf(assigned, toSelf, otherWorker)).toBe('REPORT.FORBIDDEN');
    expect(codeOf(assigned, toOther, worker)).toBe('REPORT.FORBIDDEN');
    expect(codeOf(assigned, toOther, strangerWorker)).toBe('REPORT.FORBIDDEN');
  });

  it('exists from assigned and in_progress only', () => {
    for (const report of [submitted, accepted, resolved, closed]) {
      expect(codeOf(report, toOther, leader)).toBe('REPORT.INVALID_TRANSITION');
    }
    expect(['assigned', 'in_progress'].every((status) => canMake('reassign', status as Report['status']))).toBe(true);
  });
});
