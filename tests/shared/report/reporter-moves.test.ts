import { applyTransition, lightOf, ORIGINAL_STATUSES } from '@pingan/shared';
import type { Report, ReportAction } from '@pingan/shared/report';
import type { Actor } from '@pingan/shared/people';
import { accepted, after, assigned, closed, HOUR, leader, reporter, submitted, T0, worker } from '../fixtures/report-cast';

const NOW = T0 + 10 * HOUR;
const codeOf = (report: Report, action: ReportAction, actor: Actor) => {
  const outcome = applyTransition(report, action, actor, NOW);
  return outcome.ok ? 'ok' : outcome.code;
};

describe('withdraw (撤回)', () => {
  it('lets the reporter take back a submitted report, with the note on the withdrawn event', () => {
    const outcome = applyTransition(submitted, { type: 'withdraw', note: '已自行解决' }, reporter, NOW);
    expect(outcome).toMatchObject({ ok: true, report: { status: 'withdrawn' } });
    expect(outcome.ok && outcome.event).toEqual({
      seq: 1,
      type: 'withdrawn',
      at: NOW,
      actorId: reporter.id,
      status: 'withdrawn',
      note: '已自行解决',
    });
  });

  it('needs no note', () => {
    expect(codeOf(submitted, { type: 'withdraw' }, reporter)).toBe('ok');
  });

  it('refuses anyone but the reporter, staff of the grid included (REPORT.FORBIDDEN)', () => {
    expect(codeOf(submitted, { type: 'withdraw' }, worker)).toBe('REPORT.FORBIDDEN');
    expect(codeOf(submitted, { type: 'withdraw' }, leader)).toBe('REPORT.FORBIDDEN');
  });

  it.each([
    ['accepted', accepted],
    ['assigned', assigned],
  ])('refuses once the report is %s (REPORT.INVALID_TRANSITION)', (_status, report) => {
    expect(codeOf(report, { type: 'withdraw' }, reporter)).toBe('REPORT.INVALID_TRANSITION');
  });

  it('ends the report for good: no light, and it can be neither accepted nor withdrawn again', () => {
    const outcome = applyTransition(submitted, { type: 'withdraw' }, reporter, NOW);
    if (!outcome.ok) throw new Error(outcome.code);
    const limits = { acceptLimitHours: 1, handleLimitHours: 1, redAfterHours: 1 };
    expect(lightOf(outcome.report, limits, NOW + 100 * HOUR)).toBeNull();
    expect(codeOf(outcome.report, { type: 'accept' }, worker)).toBe('REPORT.INVALID_TRANSITION');
    expect(codeOf(outcome.report, { type: 'withdraw' }, reporter)).toBe('REPORT.INVALID_TRANSITION');
  });

  it('is no original a later report could repeat: nobody is working on it', () => {
    expect(ORIGINAL_STATUSES).not.toContain('withdrawn');
  });
});

describe('reopen after 不满意 (申请重新办理)', () => {
  const DAY = 24 * HOUR;
  const ratedWith = (satisfaction: number) => after(closed, [{ type: 'rate', satisfaction }, reporter]);
  const closedAt = closed.events[closed.events.length - 1]?.at ?? 0;
  const reopen = (report: Report, actor: Actor, at: number, note = '垃圾又堆起来了') =>
    applyTransition(report, { type: 'reopen', note }, actor, at);
  const codeAt = (report: Report, actor: Actor, at: number, note?: string) => {
    const outcome = reopen(report, actor, at, note);
    return outcome.ok ? 'ok' : outcome.code;
  };

  it('sends a case rated 不满意 back to the verifier with the note, keeping who resolved it', () => {
    const outcome = reopen(ratedWith(2), reporter, closedAt + DAY);
    expect(outcome).toMatchObject({ ok: true, report: { status: 'resolved', resolvedBy: worker.id } });
    expect(outcome.ok && outcome.report.rating).toBeUndefined();
    expect(outcome.ok && outcome.event).toMatchObject({
      type: 'reopened',
      status: 'resolved',
      actorId: reporter.id,
      note: '垃圾又堆起来了',
    });
  });

  it('is for 不满意 only: a rating of 3 or more cannot reopen (REPORT.CANNOT_REOPEN)', () => {
    expect(codeAt(ratedWith(3), reporter, closedAt + DAY)).toBe('REPORT.CANNOT_REOPEN');
    expect(codeAt(ratedWith(1), reporter, closedAt + DAY)).toBe('ok');
  });

  it('counts 7 days from the close: the last moment still reopens, a moment later does not', () => {
    expect(codeAt(ratedWith(1), reporter, closedAt + 7 * DAY)).toBe('ok');
    expect(codeAt(ratedWith(1), reporter, closedAt + 7 * DAY + 1)).toBe('REPORT.CANNOT_REOPEN');
  });

  it('reopens once: after the verifier closes it again and it is rated 不满意 again, no second reopen', () => {
    const reopened = after(ratedWith(1), [{ type: 'reopen', note: '没修好' }, reporter]);
    const again = after(after(reopened, [{ type: 'close' }, leader]), [{ type: 'rate', satisfaction: 1 }, reporter]);
    expect(codeAt(again, reporter, T0 + 11 * HOUR)).toBe('REPORT.CANNOT_REOPEN');
  });

  it('lets the verifier rework or close it again, never the resolver', () => {
    const reopened = after(ratedWith(2), [{ type: 'reopen', note: '没修好' }, reporter]);
    expect(codeOf(reopened, { type: 'rework', note: '请重新清理' }, leader)).toBe('ok');
    expect(codeOf(reopened, { type: 'close' }, worker)).toBe('REPORT.FORBIDDEN');
  });

  it('requires a note (REPORT.NOTE_REQUIRED) and the reporter (REPORT.FORBIDDEN)', () => {
    expect(codeAt(ratedWith(1), reporter, closedAt + DAY, '  ')).toBe('REPORT.NOTE_REQUIRED');
    expect(codeAt(ratedWith(1), leader, closedAt + DAY)).toBe('REPORT.FORBIDDEN');
  });

  it('is not offered on a closed case not yet rated (REPORT.INVALID_TRANSITION)', () => {
    expect(codeAt(closed, reporter, closedAt + DAY)).toBe('REPORT.INVALID_TRANSITION');
  });
});
