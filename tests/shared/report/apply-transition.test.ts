import { applyTransition } from '@pingan/shared/report';
import type { Report } from '@pingan/shared/report';
import type { ReportAction } from '@pingan/shared/report';
import type { Actor } from '@pingan/shared/people';
import {
  accepted,
  after,
  assigned,
  closed,
  communityCentre,
  countyCentre,
  fireStation,
  HOUR,
  inProgress,
  leader,
  otherWorker,
  reporter,
  resolved,
  strangerWorker,
  submitted,
  T0,
  worker,
} from '../fixtures/report-cast';

const apply = (report: Report, action: ReportAction, actor: Actor) => applyTransition(report, action, actor, T0 + 10 * HOUR);
const codeOf = (report: Report, action: ReportAction, actor: Actor) => {
  const outcome = apply(report, action, actor);
  return outcome.ok ? 'ok' : outcome.code;
};

describe('accept and reject (受理)', () => {
  it('lets the grid worker accept, stamping acceptedAt and appending an accepted event', () => {
    const outcome = apply(submitted, { type: 'accept', note: '已受理' }, worker);
    expect(outcome).toMatchObject({ ok: true, report: { status: 'accepted', acceptedAt: T0 + 10 * HOUR } });
    expect(outcome.ok && outcome.event).toEqual({
      seq: 1,
      type: 'accepted',
      at: T0 + 10 * HOUR,
      actorId: worker.id,
      status: 'accepted',
      note: '已受理',
    });
  });

  it('refuses acceptance by a worker of another grid (REPORT.FORBIDDEN)', () => {
    expect(codeOf(submitted, { type: 'accept' }, strangerWorker)).toBe('REPORT.FORBIDDEN');
  });

  it('refuses acceptance of a grid case by a centre above: the owning level accepts', () => {
    expect(codeOf(submitted, { type: 'accept' }, countyCentre)).toBe('REPORT.FORBIDDEN');
  });

  it('refuses accepting twice (REPORT.INVALID_TRANSITION)', () => {
    expect(codeOf(accepted, { type: 'accept' }, worker)).toBe('REPORT.INVALID_TRANSITION');
  });

  it('rejects a duplicate naming the report it repeats, and records the reason', () => {
    const outcome = apply(submitted, { type: 'reject', reason: 'duplicate', duplicateOf: 'r-0' }, leader);
    expect(outcome).toMatchObject({ ok: true, report: { status: 'rejected', rejection: { reason: 'duplicate', duplicateOf: 'r-0' } } });
    expect(outcome.ok && outcome.event.rejection).toEqual({ reason: 'duplicate', duplicateOf: 'r-0' });
  });

  it('refuses a report as a duplicate of itself (REPORT.INVALID_DUPLICATE)', () => {
    expect(codeOf(submitted, { type: 'reject', reason: 'duplicate', duplicateOf: 'r-1' }, worker)).toBe('REPORT.INVALID_DUPLICATE');
  });

  it('refuses rejecting an accepted report', () => {
    expect(codeOf(accepted, { type: 'reject', reason: 'invalid' }, worker)).toBe('REPORT.INVALID_TRANSITION');
  });
});

describe('assign, start, resolve (处置)', () => {
  it('lets the grid leader assign a named worker', () => {
    expect(apply(accepted, { type: 'assign', to: { kind: 'person', personId: otherWorker.id } }, leader)).toMatchObject({
      ok: true,
      report: { status: 'assigned', assignee: { kind: 'person', personId: otherWorker.id } },
    });
  });

  it('lets a grid worker take a case himself', () => {
    expect(codeOf(accepted, { type: 'assign', to: { kind: 'person', personId: worker.id } }, worker)).toBe('ok');
  });

  it('refuses a grid worker handing a case to someone else (REPORT.FORBIDDEN)', () => {
    expect(codeOf(accepted, { type: 'assign', to: { kind: 'person', personId: otherWorker.id } }, worker)).toBe('REPORT.FORBIDDEN');
  });

  it('lets the community centre assign a grid case to a department, whose staff then start it', () => {
    const toFire = after(accepted, [{ type: 'assign', to: { kind: 'department', department: '消防救援站' } }, communityCentre]);
    expect(codeOf(toFire, { type: 'start' }, fireStation)).toBe('ok');
  });

  it('refuses start by anyone but the assignee', () => {
    expect(codeOf(assigned, { type: 'start' }, leader)).toBe('REPORT.FORBIDDEN');
  });

  it('requires proof to resolve: photos or a note (REPORT.PROOF_REQUIRED)', () => {
    expect(codeOf(inProgress, { type: 'resolve' }, worker)).toBe('REPORT.PROOF_REQUIRED');
    expect(codeOf(inProgress, { type: 'resolve', note: '   ' }, worker)).toBe('REPORT.PROOF_REQUIRED');
    expect(codeOf(inProgress, { type: 'resolve', photos: [] }, worker)).toBe('REPORT.PROOF_REQUIRED');
  });

  it('accepts a photo alone as proof and records who resolved it', () => {
    const outcome = apply(inProgress, { type: 'resolve', photos: ['cloud://env/c.jpg'] }, worker);
    expect(outcome).toMatchObject({ ok: true, report: { status: 'resolved', resolvedBy: worker.id, resolvedAt: T0 + 10 * HOUR } });
    expect(outcome.ok && outcome.event.photos).toEqual(['cloud://env/c.jpg']);
  });
});

describe('verify and close (核查结案)', () => {
  it('lets the grid leader close what a worker resolved', () => {
    expect(codeOf(resolved, { type: 'close' }, leader)).toBe('ok');
  });

  it('refuses closing by a grid worker (REPORT.FORBIDDEN)', () => {
    expect(codeOf(resolved, { type: 'close' }, otherWorker)).toBe('REPORT.FORBIDDEN');
  });

  it('refuses a leader verifying the case he resolved himself (REPORT.SELF_VERIFY)', () => {
    const selfResolved = after(
      accepted,
      [{ type: 'assign', to: { kind: 'person', personId: leader.id } }, leader],
      [{ type: 'start' }, leader],
      [{ type: 'resolve', note: '已处理' }, leader],
    );
    expect(codeOf(selfResolved, { type: 'close' }, leader)).toBe('REPORT.SELF_VERIFY');
    expect(codeOf(selfResolved, { type: 'rework', note: '再看看' }, leader)).toBe('REPORT.SELF_VERIFY');
    expect(codeOf(selfResolved, { type: 'close' }, communityCentre)).toBe('ok');
  });

  it('sends a case back to work with a note (返工), unfreezing its clock', () => {
    const outcome = apply(resolved, { type: 'rework', note: '未清理干净' }, leader);
    expect(outcome).toMatchObject({ ok: true, report: { status: 'in_progress' } });
    expect(outcome.ok && outcome.report).not.toHaveProperty('resolvedAt');
    expect(outcome.ok && outcome.report).not.toHaveProperty('resolvedBy');
  });

  it('refuses rework without a note (REPORT.NOTE_REQUIRED)', () => {
    expect(codeOf(resolved, { type: 'rework', note: ' ' }, leader)).toBe('REPORT.NOTE_REQUIRED');
  });
});

describe('rate (评价)', () => {
  it('lets the reporter rate a closed case once', () => {
    const rated = after(closed, [{ type: 'rate', satisfaction: 5, comment: '很及时' }, reporter]);
    expect(rated).toMatchObject({ status: 'rated', rating: { satisfaction: 5, comment: '很及时' } });
    expect(codeOf(rated, { type: 'rate', satisfaction: 1 }, reporter)).toBe('REPORT.INVALID_TRANSITION');
  });

  it('refuses a rating from anyone but the reporter', () => {
    expect(codeOf(closed, { type: 'rate', satisfaction: 4 }, leader)).toBe('REPORT.FORBIDDEN');
  });

  it.each([0, 6, 3.5])('refuses satisfaction %s (REPORT.INVALID_RATING)', (satisfaction) => {
    expect(codeOf(closed, { type: 'rate', satisfaction }, reporter)).toBe('REPORT.INVALID_RATING');
  });
});

describe('the timeline', () => {
  it('appends one event per step, in order, and never rewrites the earlier report', () => {
    const before = JSON.stringify(resolved);
    const done = after(
      resolved,
      [{ type: 'rework', note: '返工' }, leader],
      [{ type: 'resolve', note: '已处理' }, worker],
      [{ type: 'close' }, leader],
    );
    expect(done.events.map((event) => [event.seq, event.type])).toEqual([
      [0, 'submitted'],
      [1, 'accepted'],
      [2, 'assigned'],
      [3, 'started'],
      [4, 'resolved'],
      [5, 'reworked'],
      [6, 'resolved'],
      [7, 'closed'],
    ]);
    expect(done.events.slice(0, 5)).toEqual(resolved.events);
    expect(JSON.stringify(resolved)).toBe(before);
  });

  it('stores no undefined fields (documents stay clean)', () => {
    const reworked = after(resolved, [{ type: 'rework', note: '返工' }, leader]);
    expect(Object.values(reworked).some((value) => value === undefined)).toBe(false);
  });
});
