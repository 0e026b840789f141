import { isClosed, isOpen, isTerminal, REPORT_STATUSES, type ReportStatus } from '@pingan/shared/report';
import { canMake, REPORT_TRANSITIONS } from '@pingan/shared/report';

describe('report status predicates', () => {
  it.each<[ReportStatus, boolean, boolean]>([
    ['submitted', true, false],
    ['accepted', true, false],
    ['assigned', true, false],
    ['in_progress', true, false],
    ['resolved', true, false],
    ['closed', false, false],
    ['rejected', false, true],
    ['withdrawn', false, true],
    ['rated', false, false], // a 不满意 rating may reopen it
  ])('%s: open %s, terminal %s', (status, open, terminal) => {
    expect(isOpen(status)).toBe(open);
    expect(isClosed(status)).toBe(!open);
    expect(isTerminal(status)).toBe(terminal);
  });
});

describe('the transition table', () => {
  it('reaches every status but submitted', () => {
    const reached = new Set(REPORT_TRANSITIONS.map((transition) => transition.to));
    expect(REPORT_STATUSES.filter((status) => !reached.has(status))).toEqual(['submitted']);
  });

  it('has at most one transition per action and status', () => {
    const keys = REPORT_TRANSITIONS.map((transition) => `${transition.action}:${transition.from}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('offers 受理 and 不予受理 on a submitted report only, and 评价 on a closed one only', () => {
    expect(REPORT_STATUSES.filter((status) => canMake('accept', status))).toEqual(['submitted']);
    expect(REPORT_STATUSES.filter((status) => canMake('reject', status))).toEqual(['submitted']);
    expect(REPORT_STATUSES.filter((status) => canMake('rate', status))).toEqual(['closed']);
    expect(REPORT_STATUSES.filter((status) => canMake('withdraw', status))).toEqual(['submitted']);
  });
});
