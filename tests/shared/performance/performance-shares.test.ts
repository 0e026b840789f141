import {
  ATTRIBUTED_FIELDS,
  PERFORMANCE_FACT_FIELDS,
  performanceSharesOf,
  shanghaiMonthsUpTo,
  type PerformanceFacts,
  type ReportEventType,
} from '@pingan/shared';

type Attributed = Parameters<typeof performanceSharesOf>[0];

/** A timeline of (type, actor) steps, the assignee as given. */
function caseOf(steps: readonly [ReportEventType, string][], assignee?: Attributed['assignee']): Attributed {
  const events = steps.map(([type, actorId], seq) => ({ seq, type, at: seq, actorId, status: 'submitted' as const }));
  return { events, ...(assignee && { assignee }) };
}

/** Facts with every field set to a distinct non-zero value, so a share shows which fields it took. */
const FACTS = Object.fromEntries(PERFORMANCE_FACT_FIELDS.map((field, i) => [field, i + 1])) as unknown as PerformanceFacts;
const pick = (fields: readonly (keyof PerformanceFacts)[]) => Object.fromEntries(fields.map((field) => [field, FACTS[field]]));
const SCREENING = pick(['received', 'accepted']);
const HANDLING = pick(['closed', 'closedOnTime', 'handlingMs', 'reworked', 'rated', 'satisfied']);
const SUPERVISION = pick(['supervised', 'supervisionAnswered']);

describe('performanceSharesOf: which worker a report counts for', () => {
  it('gives 收件 and 受理 to whoever accepted it, the handling and the verdict to its latest resolver, 督办 to its assignee', () => {
    const report = caseOf(
      [
        ['submitted', 'resident'],
        ['accepted', 'zhao'],
        ['assigned', 'leader'],
        ['supervised', 'centre'],
        ['resolved', 'xue'],
        ['reworked', 'leader'],
        ['reassigned', 'leader'],
        ['resolved', 'qian'],
        ['closed', 'leader'],
      ],
      { kind: 'person', personId: 'qian' },
    );
    expect(performanceSharesOf(report, FACTS)).toEqual([
      { personId: 'zhao', ...SCREENING },
      { personId: 'qian', ...HANDLING, ...SUPERVISION },
    ]);
  });

  it('gives a rejected report to whoever rejected it, and one nobody looked at to nobody', () => {
    expect(
      performanceSharesOf(
        caseOf([
          ['submitted', 'r'],
          ['rejected', 'zhao'],
        ]),
        FACTS,
      ),
    ).toEqual([{ personId: 'zhao', ...SCREENING, ...SUPERVISION }]); // it holds the case: its 督办 (none) too
    expect(performanceSharesOf(caseOf([['submitted', 'r']]), FACTS)).toEqual([]);
  });

  it('gives 上报上级 to whoever escalated first, and 督办 to the resolver, else the screener, when no person holds the case', () => {
    const escalated = caseOf(
      [
        ['accepted', 'zhao'],
        ['escalated', 'zhao'],
        ['escalated', 'wei'],
        ['supervised', 'liu'],
      ],
      { kind: 'department', department: '消防救援站' },
    );
    expect(performanceSharesOf(escalated, FACTS)).toEqual([{ personId: 'zhao', ...SCREENING, escalated: FACTS.escalated, ...SUPERVISION }]);
    const resolved = caseOf([
      ['accepted', 'zhao'],
      ['resolved', 'xue'],
      ['supervised', 'liu'],
    ]);
    expect(performanceSharesOf(resolved, FACTS)).toEqual([
      { personId: 'zhao', ...SCREENING },
      { personId: 'xue', ...HANDLING, ...SUPERVISION },
    ]);
  });

  it('attributes every fact exactly once, so the shares of a report looked at by all sum to its facts', () => {
    expect([...ATTRIBUTED_FIELDS].sort()).toEqual([...PERFORMANCE_FACT_FIELDS].sort());
    const report = caseOf([
      ['accepted', 'a'],
      ['escalated', 'b'],
      ['resolved', 'c'],
    ]);
    const summed = Object.fromEntries(PERFORMANCE_FACT_FIELDS.map((field) => [field, 0])) as Record<string, number>;
    for (const share of performanceSharesOf(report, FACTS))
      for (const field of PERFORMANCE_FACT_FIELDS) summed[field] = (summed[field] ?? 0) + (share[field] ?? 0);
    expect(summed).toEqual(FACTS);
  });
});

describe('shanghaiMonthsUpTo: the trend’s months', () => {
  const SHANGHAI = 8 * 3_600_000;
  it('answers the last months oldest first, across a year, each [1st 00:00, next 1st 00:00) +08:00', () => {
    expect(shanghaiMonthsUpTo(Date.UTC(2026, 0, 15), 3)).toEqual([
      { month: '2025-11', from: Date.UTC(2025, 10, 1) - SHANGHAI, to: Date.UTC(2025, 11, 1) - SHANGHAI },
      { month: '2025-12', from: Date.UTC(2025, 11, 1) - SHANGHAI, to: Date.UTC(2026, 0, 1) - SHANGHAI },
      { month: '2026-01', from: Date.UTC(2026, 0, 1) - SHANGHAI, to: Date.UTC(2026, 1, 1) - SHANGHAI },
    ]);
  });

  it('takes the current month in Asia/Shanghai: 30 Nov 16:30 UTC is already December', () => {
    expect(shanghaiMonthsUpTo(Date.UTC(2026, 10, 30, 16, 30), 1).map((m) => m.month)).toEqual(['2026-12']);
    expect(shanghaiMonthsUpTo(Date.UTC(2026, 10, 30, 15, 59), 1).map((m) => m.month)).toEqual(['2026-11']);
  });
});
