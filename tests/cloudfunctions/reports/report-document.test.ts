import { applyTransition, newReport, type Actor, type Report } from '@pingan/shared';
import { STORAGE_ONLY_FIELDS, docAfter, newReportDoc, reportOf, type ReportDoc } from '../../../cloudfunctions/src/reports/report-document';

const GRID = '410399001001-03';
const NOW = Date.UTC(2025, 4, 3, 2, 0);
const terms = {
  name: '消防隐患',
  acceptLimitHours: 2,
  handleLimitHours: 24,
  redAfterHours: 12,
  informantPointsFen: 100,
  residentPoints: 10,
};
const route = {
  reason: 'contained',
  ownerCode: GRID,
  ownerLevel: 'grid',
  regionPath: { county: '410399', street: '410399001', community: '410399001001', grid: GRID },
  departments: [],
} as const;
const report = newReport({
  id: 'r1',
  reporterId: 'u-reporter',
  anonymous: false,
  categoryCode: 'XFYH',
  text: '楼道堆放杂物',
  photos: [],
  route,
  now: NOW,
});
const doc: ReportDoc = newReportDoc(
  report,
  {
    reporterOpenid: 'o-reporter',
    reporterName: '张秀兰',
    idempotencyKey: 'key-0001',
    requestHash: 'h',
    terms,
    moderation: { verdict: 'pass', pending: false },
    routeDistanceM: 12,
    ownerName: '城关社区第3网格',
    communityName: '城关社区',
  },
  NOW,
);
const worker: Actor = { id: 'u-worker', roles: ['gridWorker'], gridCodes: [GRID] };

/** The document after `action` by the grid worker, a minute after `doc`'s last change. */
function next(before: ReportDoc, action: Parameters<typeof applyTransition>[1]): ReportDoc {
  const outcome = applyTransition(reportOf(before), action, worker, NOW + 60_000);
  if (!outcome.ok) throw new Error(outcome.code);
  return docAfter(before, outcome.report as Report, { ...outcome.event, actorName: '赵丽' }, NOW + 60_000);
}

describe('report document', () => {
  it('hands the domain a Report without any storage-only field', () => {
    const domain = reportOf(doc);
    for (const field of STORAGE_ONLY_FIELDS) expect(domain).not.toHaveProperty(field);
    expect(domain).toMatchObject({ id: 'r1', status: 'submitted', ownerCode: GRID });
    expect(domain.events[0]).toMatchObject({ type: 'submitted', actorId: 'u-reporter' });
  });

  it('carries every storage-only field over a transition, the version, deadline, red instant and 工作考核 facts moved on', () => {
    const after = next(doc, { type: 'accept' });
    // Every field the document holds (a storage-only field it never had, such as a pending notice, stays absent).
    const held = STORAGE_ONLY_FIELDS.filter((field) => doc[field] !== undefined);
    const { version, deadlineAt, redAt, performance, performanceShares, supervisionFrom, lightNoticeDueAt, ...kept } = Object.fromEntries(
      held.map((field) => [field, doc[field]]),
    );
    expect(after).toMatchObject(kept);
    expect(after.version).toBe((version as number) + 1);
    expect(after.deadlineAt).toBe(NOW + 60_000 + 24 * 3_600_000);
    expect(deadlineAt).toBe(NOW + 2 * 3_600_000);
    // The red instant moves with the deadline: the deadline plus the category's red margin (12 h).
    expect(redAt).toBe(NOW + 2 * 3_600_000 + 12 * 3_600_000);
    expect(after.redAt).toBe(after.deadlineAt + 12 * 3_600_000);
    // The stored facts follow the state: submitted, received and not accepted; accepted, accepted.
    expect(performance).toMatchObject({ received: 1, accepted: 0 });
    expect(after.performance).toMatchObject({ received: 1, accepted: 1, closed: 0 });
    // …and who they count for: nobody before anyone looked at it, whoever accepted it after (performanceSharesOf).
    expect([performanceShares, after.performanceShares.map((share) => share.personId)]).toEqual([[], ['u-worker']]);
    // On its community's 督办 list from when it turns red, which moves with the clock.
    expect([supervisionFrom, after.supervisionFrom]).toEqual([redAt, after.redAt]);
    expect(after).toMatchObject({ supervisorCode: '410399001001', supervisionsSent: 0, supervisionsOpen: 0 });
    // The next light notice is the running clock's deadline: 受理 restarts the clock, so the notice moves with it.
    expect([lightNoticeDueAt, after.lightNoticeDueAt]).toEqual([deadlineAt, after.deadlineAt]);
  });

  it('ends the light notices once the clock stops: a resolved case has none due', () => {
    const resolved = next(
      next(next(next(doc, { type: 'accept' }), { type: 'assign', to: { kind: 'person', personId: 'u-worker' } }), { type: 'start' }),
      {
        type: 'resolve',
        note: '已清理',
      },
    );
    expect(resolved.status).toBe('resolved');
    expect(resolved).not.toHaveProperty('lightNoticeDueAt');
  });

  it('drops the former owner’s names when escalation moves the case, so no view names the wrong place', () => {
    const up = next(next(doc, { type: 'accept' }), { type: 'escalate' });
    expect(up.ownerCode).toBe('410399001001');
    expect(up).not.toHaveProperty('ownerName');
    expect(up).not.toHaveProperty('communityName');
    expect(up).toMatchObject({ reporterName: '张秀兰', routeDistanceM: 12 });
  });
});
