import {
  averageHours,
  performanceFactsOf,
  performanceFigures,
  perMille,
  permilleText,
  sumPerformanceFacts,
  type ReportEventType,
  type ReportStatus,
} from '@pingan/shared';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 2, 0); // every case below is submitted at T0
/** Acceptance within 2 h; handling within 24 h of acceptance; red 12 h after that. */
const limits = { acceptLimitHours: 2, handleLimitHours: 24, redAfterHours: 12 };

/** What performanceFactsOf reads of a report. */
type Case = Parameters<typeof performanceFactsOf>[0];
type Step = { readonly type: ReportEventType; readonly satisfaction?: number };

/** A case as the formulas read it: its status, its clock's instants (hours after T0) and its timeline's steps. */
function caseOf(
  status: ReportStatus,
  hours: { accepted?: number; rejected?: number; resolved?: number },
  steps: readonly Step[] = [],
): Case {
  return {
    status,
    submittedAt: T0,
    ...(hours.accepted !== undefined && { acceptedAt: T0 + hours.accepted * HOUR }),
    ...(hours.rejected !== undefined && { rejectedAt: T0 + hours.rejected * HOUR }),
    ...(hours.resolved !== undefined && { resolvedAt: T0 + hours.resolved * HOUR }),
    events: [{ type: 'submitted' as const }, ...steps].map((step) =>
      'satisfaction' in step && step.satisfaction !== undefined
        ? { type: step.type, rating: { satisfaction: step.satisfaction } }
        : { type: step.type },
    ),
  };
}

/**
 * The hand-checked set: eight cases of one grid, each line saying what it adds.
 * A: accepted +1 h, resolved +11 h, closed, rated 5 满意             → closed, on time, 10 h
 * B: accepted +1 h, 返工 once, resolved +31 h (deadline +25 h), rated 3 基本满意 → closed, late, 30 h, reworked
 * C: accepted +2 h, resolved +26 h = the deadline exactly, rated 2 不满意; 督办 once, answered → closed, on time, 24 h
 * D: rejected                                                         → received, not accepted
 * E: withdrawn                                                        → not even received
 * F: accepted, escalated, in progress; 督办 twice, answered once      → accepted, escalated
 * G: accepted, resolved, not yet verified                              → accepted, not closed
 * H: closed, rated 1 不满意, reopened (status resolved, rating cleared) → accepted, rated not satisfied, not closed
 */
const SET = {
  A: caseOf('rated', { accepted: 1, resolved: 11 }, [
    { type: 'accepted' },
    { type: 'resolved' },
    { type: 'closed' },
    { type: 'rated', satisfaction: 5 },
  ]),
  B: caseOf('rated', { accepted: 1, resolved: 31 }, [
    { type: 'accepted' },
    { type: 'resolved' },
    { type: 'reworked' },
    { type: 'resolved' },
    { type: 'closed' },
    { type: 'rated', satisfaction: 3 },
  ]),
  C: caseOf('rated', { accepted: 2, resolved: 26 }, [
    { type: 'accepted' },
    { type: 'supervised' },
    { type: 'supervision_answered' },
    { type: 'resolved' },
    { type: 'closed' },
    { type: 'rated', satisfaction: 2 },
  ]),
  D: caseOf('rejected', { rejected: 1 }, [{ type: 'rejected' }]),
  E: caseOf('withdrawn', {}, [{ type: 'withdrawn' }]),
  F: caseOf('in_progress', { accepted: 1 }, [
    { type: 'accepted' },
    { type: 'escalated' },
    { type: 'supervised' },
    { type: 'supervision_answered' },
    { type: 'supervised' },
    { type: 'started' },
  ]),
  G: caseOf('resolved', { accepted: 1, resolved: 5 }, [{ type: 'accepted' }, { type: 'resolved' }]),
  H: caseOf('resolved', { accepted: 1, resolved: 9 }, [
    { type: 'accepted' },
    { type: 'resolved' },
    { type: 'closed' },
    { type: 'rated', satisfaction: 1 },
    { type: 'reopened' },
  ]),
};

describe('工作考核 figures on a hand-checked set', () => {
  const totals = sumPerformanceFacts(Object.values(SET).map((each) => performanceFactsOf(each, limits)));
  const figures = performanceFigures(totals);

  it('counts received without the withdrawn case, and accepted, closed, rated and escalated cases', () => {
    expect(figures.received).toBe(7); // all but E
    expect(figures.accepted).toBe(6); // A B C F G H
    expect(figures.closed).toBe(3); // A B C (H was reopened, G awaits verification)
    expect(figures.rated).toBe(4); // A B C H (H's 不满意 stays counted after the reopening cleared its rating)
    expect(figures.escalated).toBe(1); // F
    expect(figures.supervised).toBe(3); // C once, F twice
    expect(figures.supervisionAnswered).toBe(2); // C, F once
  });

  it('works out each rate in per-mille, rounded half up', () => {
    expect(figures.validReportPermille).toBe(857); // 6 / 7 = 857.14‰
    expect(figures.closedPermille).toBe(500); // 3 / 6
    expect(figures.onTimePermille).toBe(667); // A, C of 3 = 666.67‰ (C resolved at its deadline exactly is on time)
    expect(figures.satisfiedPermille).toBe(500); // A 满意, B 基本满意 of A B C H
    expect(figures.reworkPermille).toBe(333); // B of 3 = 333.33‰
    expect(figures.supervisionAnsweredPermille).toBe(667); // 2 / 3
  });

  it('averages handling from first acceptance to the latest resolution over closed cases', () => {
    expect(totals.handlingMs).toBe(64 * HOUR); // A 10 h + B 30 h + C 24 h; G and H are not closed
    expect(figures.averageHandlingHours).toBe(21.3); // 64 / 3 = 21.33 h
  });

  it('counts a case resolved one millisecond past its handling deadline as late', () => {
    const late = { ...SET.C, resolvedAt: T0 + 26 * HOUR + 1 };
    expect(performanceFactsOf(SET.C, limits).closedOnTime).toBe(1);
    expect(performanceFactsOf(late, limits).closedOnTime).toBe(0);
  });

  it('counts a 不满意 replaced by a newer verdict by the newer one', () => {
    const reclosed = caseOf('rated', { accepted: 1, resolved: 12 }, [
      ...SET.H.events.slice(1).map((event) => ({ type: event.type, satisfaction: event.rating?.satisfaction })),
      { type: 'resolved' },
      { type: 'closed' },
      { type: 'rated', satisfaction: 4 },
    ]);
    expect(performanceFactsOf(reclosed, limits)).toMatchObject({ rated: 1, satisfied: 1, closed: 1 });
  });
});

describe('rates with nothing to divide by', () => {
  it('gives null, never NaN or 0, for every rate of a unit without reports', () => {
    const figures = performanceFigures(sumPerformanceFacts([]));
    expect(figures.received).toBe(0);
    for (const rate of [
      figures.validReportPermille,
      figures.closedPermille,
      figures.onTimePermille,
      figures.satisfiedPermille,
      figures.averageHandlingHours,
      figures.reworkPermille,
      figures.supervisionAnsweredPermille,
    ])
      expect(rate).toBeNull();
  });

  it('shows a null rate as "—" and a per-mille one as a percentage with one decimal', () => {
    expect(permilleText(null)).toBe('—');
    expect(permilleText(857)).toBe('85.7%');
    expect(permilleText(1000)).toBe('100.0%');
  });
});

describe('the rounding rule', () => {
  it('rounds per-mille half up in integers', () => {
    expect(perMille(1, 16)).toBe(63); // 62.5
    expect(perMille(1, 3)).toBe(333);
    expect(perMille(2, 3)).toBe(667);
    expect(perMille(0, 5)).toBe(0);
  });

  it('rounds average hours half up to one decimal', () => {
    expect(averageHours(0.25 * HOUR, 1)).toBe(0.3); // 0.25 h
    expect(averageHours(0.24 * HOUR, 1)).toBe(0.2);
    expect(averageHours(0, 0)).toBeNull();
  });
});
