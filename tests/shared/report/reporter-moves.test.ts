import { applyTransition, lightOf, ORIGINAL_STATUSES } from '@pingan/shared';
import type { Report, ReportAction } from '@pingan/shared/report';
import type { Actor } from '@pingan/shared/people';
import { accepted, assigned, HOUR, leader, reporter, submitted, T0, worker } from '../fixtures/report-cast';

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
