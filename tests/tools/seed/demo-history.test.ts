import { join } from 'node:path';
import {
  actorFromPerson,
  applyTransition,
  buildGridIndex,
  DEFAULT_POINTS_RULES,
  haversineDistanceM,
  indexLocator,
  isOpen,
  newReport,
  performanceFactsOf,
  redAtOf,
  regionPathOf,
  reportDetailContract,
  routeReport,
  submitReportContract,
  timeLimitReading,
  type Actor,
  type Report,
  type ReportAction,
  type ReportEvent,
} from '@pingan/shared';
import { detailOf } from '../../../cloudfunctions/src/reports/report-views';
import { reportOf, type EventDoc, type ReportDoc } from '../../../cloudfunctions/src/reports/report-document';
import { DEMO_HISTORY_DAYS, demoHistory, QUIET_DAYS, QUIET_GRID, QUIET_POINT, QUIET_RADIUS_M } from '../../../tools/seed/demo-history';
import { readDemoFiles, seedDemoCounty } from '../../../tools/seed/seed';
import { startTestCloud, type TestCloud } from '../../helpers/local-cloud';

const DAY = 86_400_000;
/** A fixed end, so that the figures below are the same on every run (a Tuesday noon in Shanghai). */
const UNTIL = Date.UTC(2026, 11, 1, 4, 0);
const SEED = 20_261_201;

const files = readDemoFiles();
const history = demoHistory(files, { seed: SEED, until: UNTIL });
const people = new Map(files.people.people.map((p) => [p.id, p]));
const actorOf = (id: string): Actor => actorFromPerson(people.get(id)!);
const locator = indexLocator(buildGridIndex(files.tree));
const finished = history.reports.filter((doc) => doc.status === 'closed' || doc.status === 'rated');
const running = history.reports.filter((doc) => isOpen(doc.status) && doc.status !== 'resolved');

describe('demoHistory', () => {
  it('is deterministic: the same seed and end give the same documents; another seed others', () => {
    const again = demoHistory(files, { seed: SEED, until: UNTIL });
    expect(JSON.stringify(again.reports)).toBe(JSON.stringify(history.reports));
    expect(again.pointsLedger).toEqual(history.pointsLedger);
    expect(again.pointsDaily).toEqual(history.pointsDaily);
    const other = demoHistory(files, { seed: SEED + 1, until: UNTIL });
    expect(other.reports[0]!._id).not.toBe(history.reports[0]!._id);
  });

  it('makes a few months of reports, every one before the end, spread over the whole span', () => {
    expect(history.reports.length).toBeGreaterThan(1000);
    expect(history.reports.length).toBeLessThan(4000);
    expect(new Set(history.reports.map((doc) => doc._id)).size).toBe(history.reports.length);
    const times = history.reports.flatMap((doc) => doc.events.map((event) => event.at));
    expect(Math.max(...times)).toBeLessThan(UNTIL);
    expect(Math.min(...history.reports.map((doc) => doc.submittedAt))).toBeLessThan(UNTIL - (DEMO_HISTORY_DAYS - 3) * DAY);
    // Every grid but none outside them; the busy grids several times the quiet ones.
    const perGrid = countBy(history.reports, (doc) => doc.regionPath.grid ?? 'none');
    expect(Object.keys(perGrid)).toHaveLength(40);
    const counts = Object.values(perGrid).sort((a, b) => a - b);
    expect(counts[counts.length - 1]!).toBeGreaterThan(2 * counts[0]!);
  });

  it('passes the schemas: each submission is a valid submitReport request, each report a valid detail', () => {
    const centre = actorOf('u-centre-01');
    const names = { people: files.people.people.map((p) => ({ _id: p.id, name: p.name, roles: p.roles })), places: new Map() };
    for (const doc of history.reports) {
      expect(submitReportContract.request.safeParse(history.requests.get(doc._id)).error).toBeUndefined();
      const detail = detailOf(doc, centre, UNTIL, names as never);
      expect(reportDetailContract.response.safeParse({ report: detail }).error).toBeUndefined();
    }
  });

  it('puts each report inside its grid (the router sends its point there) and its reporter among the residents', () => {
    for (const doc of history.reports) {
      const route = routeReport(locator, { location: doc.location!, departments: [] });
      expect([route.reason, route.regionPath.grid]).toEqual(['contained', doc.regionPath.grid]);
      const reporter = people.get(doc.reporterId)!;
      expect(reporter.roles.some((role) => role === 'resident' || role === 'informant')).toBe(true);
      expect(files.people.demoSignIn.map((d) => d.id)).not.toContain(doc.reporterId);
    }
  });

  it('stores what the functions store: every event a legal step of the table, replayed to the stored state', () => {
    for (const doc of history.reports) {
      const replayed = replay(doc);
      const stored = reportOf(doc);
      expect(replayed).toEqual({ ...stored, events: stored.events.map(({ actorName: _name, ...event }: EventDoc) => event) });
      expect(doc.deadlineAt).toBe(timeLimitReading(replayed, doc.terms, UNTIL).deadline);
      expect(doc.redAt).toBe(redAtOf(doc.deadlineAt, doc.terms));
      expect(doc.performance).toEqual(performanceFactsOf(replayed, doc.terms));
      expect(doc.version).toBe(doc.events.length);
    }
  });

  it('is mostly on time: the designed shares of on-time, late and very late handling', () => {
    const lights = countBy(finished, (doc) => timeLimitReading(doc, doc.terms, UNTIL).light);
    const share = (light: string) => (lights[light] ?? 0) / finished.length;
    expect(share('green')).toBeGreaterThan(0.7);
    expect(share('green')).toBeLessThan(0.9);
    expect(share('yellow')).toBeGreaterThan(0.06);
    expect(share('yellow')).toBeLessThan(0.2);
    expect(share('red')).toBeGreaterThan(0.03);
    expect(share('red')).toBeLessThan(0.15);
    const acceptLate = history.reports
      .filter((doc) => (doc.acceptedAt ?? doc.rejectedAt ?? 0) > 0)
      .filter((doc) => {
        const first = doc.events.find((event) => event.type === 'accepted' || event.type === 'rejected')!;
        const submitted = { submittedAt: doc.submittedAt };
        return timeLimitReading(submitted, doc.terms, first.at).light !== 'green';
      });
    expect(acceptLate.length / history.reports.length).toBeLessThan(0.15);
  });

  it('has every part of the loop: rejections (duplicates too), rework, escalation and 下派, 督办 answered and not, ratings mostly good', () => {
    const has = (type: ReportEvent['type']) => history.reports.filter((doc) => doc.events.some((event) => event.type === type)).length;
    const rejected = history.reports.filter((doc) => doc.status === 'rejected');
    expect(rejected.length / history.reports.length).toBeGreaterThan(0.03);
    expect(rejected.length / history.reports.length).toBeLessThan(0.1);
    expect(rejected.some((doc) => doc.rejection?.reason === 'duplicate')).toBe(true);
    for (const type of ['withdrawn', 'reworked', 'escalated', 'handed_back', 'supervised', 'supervision_answered', 'rated'] as const) {
      expect([type, has(type)]).toEqual([type, expect.any(Number)]);
      expect(has(type)).toBeGreaterThan(0);
    }
    const ratings = history.reports.flatMap((doc) => (doc.rating ? [doc.rating.satisfaction] : []));
    expect(ratings.filter((s) => s >= 4).length / ratings.length).toBeGreaterThan(0.7);
    expect(ratings.some((s) => s <= 2)).toBe(true);
  });

  it('leaves the last weeks open, some of them red now and some 督办 unanswered', () => {
    expect(running.length).toBeGreaterThan(30);
    expect(running.every((doc) => doc.submittedAt > UNTIL - 60 * DAY)).toBe(true);
    const red = running.filter((doc) => timeLimitReading(doc, doc.terms, UNTIL).light === 'red');
    expect(red.length).toBeGreaterThanOrEqual(5);
    expect(running.some((doc) => doc.supervisionPending)).toBe(true);
    expect(red.every((doc) => doc.supervisionFrom !== undefined)).toBe(true);
    // Escalated and stuck: the lists of the centres above the grids' have content too.
    expect(red.some((doc) => doc.ownerLevel !== 'grid')).toBe(true);
  });

  it('has told staff of every light change before the end, as clockSweep would have: none is due at a first start', () => {
    for (const doc of history.reports) if (doc.lightNoticeDueAt !== undefined) expect(doc.lightNoticeDueAt).toBeGreaterThanOrEqual(UNTIL);
    const toldRed = running.filter((doc) => timeLimitReading(doc, doc.terms, UNTIL).light === 'red');
    for (const doc of toldRed) expect(doc.lightNoticed).toEqual({ deadlineAt: doc.deadlineAt, redAt: doc.redAt });
  });

  it('keeps the browser tests’ grid and spot quiet: nothing open there, nothing recent near the spot', () => {
    for (const doc of history.reports) {
      const near = haversineDistanceM(doc.location!, QUIET_POINT) <= QUIET_RADIUS_M;
      if (doc.regionPath.grid === QUIET_GRID || near) expect(isOpen(doc.status)).toBe(false);
      if (doc.submittedAt > UNTIL - QUIET_DAYS * DAY) expect([doc.regionPath.grid === QUIET_GRID, near]).toEqual([false, false]);
      expect(doc.reporterId).not.toBe('u-resident-02'); // 王桂英, whose reports the browser tests count
    }
  });

  it('pays accepted reports as acceptance does: one award each, money under the daily cap, the counters its sums', () => {
    const awards = new Map(history.pointsLedger.map((entry) => [entry._id, entry]));
    const accepted = history.reports.filter((doc) => doc.acceptedAt !== undefined);
    expect(history.pointsLedger).toHaveLength(accepted.length);
    for (const doc of accepted) expect(awards.get(`award:${doc._id}`)).toMatchObject({ personId: doc.reporterId, at: doc.acceptedAt });
    const fen = history.pointsLedger.filter((entry) => entry.unit === 'fen');
    expect(fen.length).toBeGreaterThan(0);
    const sums = countBy(
      fen,
      (entry) => `${entry.personId}:${entry.dayKey}`,
      (entry) => entry.amount,
    );
    for (const total of Object.values(sums)) expect(total).toBeLessThanOrEqual(DEFAULT_POINTS_RULES.dailyCapFen);
    const positive = Object.entries(sums).filter(([, total]) => total > 0);
    expect(Object.fromEntries(history.pointsDaily.map((d) => [d._id, d.fenAwarded]))).toEqual(Object.fromEntries(positive));
  });
});

describe('seeding the history', () => {
  let testCloud: TestCloud;
  beforeAll(async () => {
    testCloud = await startTestCloud({ databaseFile: join(__dirname, '../../../database/collections.json') });
  });
  afterAll(async () => testCloud?.stop());
  const count = async (collection: string, where: Record<string, unknown> = {}) =>
    ((await testCloud.sdk().database().collection(collection).where(where).count()) as unknown as { total: number }).total;

  it('writes the history once: the same documents again on a re-seed, which writes nothing', async () => {
    const first = await seedDemoCounty({ envId: testCloud.cloud.envId, history: { seed: SEED, until: UNTIL } });
    expect(first.created).toMatchObject({
      reports: history.reports.length,
      pointsLedger: history.pointsLedger.length,
      pointsDaily: history.pointsDaily.length,
    });
    expect(await count('reports')).toBe(history.reports.length);
    const sample = history.reports[history.reports.length - 1]!;
    const read = ((await testCloud.sdk().database().collection('reports').doc(sample._id).get()) as unknown as { data: unknown }).data;
    const stored = Array.isArray(read) ? (read[0] as ReportDoc) : read;
    expect(stored).toEqual(sample);
    // A later seed, even asked for another end, regenerates the kept one's documents and finds them there.
    const second = await seedDemoCounty({ envId: testCloud.cloud.envId, history: { until: UNTIL + 3 * DAY } });
    expect(second.history).toMatchObject({ seed: SEED, until: UNTIL, reports: history.reports.length });
    expect(Object.values(second.created).every((created) => created === 0)).toBe(true);
    expect(await count('reports')).toBe(history.reports.length);
    // The history's entries are its awards; the rest of the seed writes others (爱心超市's grant to a demo resident).
    expect(await count('pointsLedger', { kind: 'award' })).toBe(history.pointsLedger.length);
    console.log(`history seeded: ${JSON.stringify(first.created)} in ${first.history!.ms} ms; re-seed ${second.history!.ms} ms`);
  }, 600_000);
});

/** Replays a stored report's events through applyTransition from its submission, each as the action that made it. */
function replay(doc: ReportDoc): Report {
  const first = doc.events[0]!;
  const route = routeReport(locator, { location: doc.location!, departments: doc.departments });
  let report = newReport({
    id: doc._id,
    reporterId: doc.reporterId,
    anonymous: doc.anonymous,
    categoryCode: doc.categoryCode,
    text: doc.text,
    photos: doc.photos,
    location: doc.location!,
    route: { ...route, departments: doc.departments },
    now: first.at,
  });
  for (const event of doc.events.slice(1)) {
    const outcome = applyTransition(report, actionOf(event), actorOf(event.actorId), event.at);
    if (!outcome.ok) throw new Error(`${doc._id}: ${event.type} refused (${outcome.code})`);
    const { actorName: _name, ...stored } = event as ReportEvent & { actorName?: string };
    expect(outcome.event).toEqual(stored);
    report = outcome.report;
  }
  return report;
}

function actionOf(event: ReportEvent): ReportAction {
  const note = event.note === undefined ? {} : { note: event.note };
  switch (event.type) {
    case 'accepted':
      return { type: 'accept', ...note };
    case 'rejected':
      return { type: 'reject', ...event.rejection!, ...note };
    case 'withdrawn':
      return { type: 'withdraw', ...note };
    case 'assigned':
      return { type: 'assign', to: event.assignee!, ...note };
    case 'started':
      return { type: 'start', ...note };
    case 'resolved':
      return { type: 'resolve', ...note };
    case 'closed':
      return { type: 'close', ...note };
    case 'reworked':
      return { type: 'rework', note: event.note! };
    case 'rated':
      return { type: 'rate', ...event.rating! };
    case 'escalated':
      return { type: 'escalate', ...note };
    case 'handed_back':
      return {
        type: 'handBack',
        to: { code: event.owner!.code, regionPath: regionPathOf(files.tree, event.owner!.code) },
        note: event.note!,
      };
    case 'supervised':
      return { type: 'supervise', note: event.note! };
    case 'supervision_answered':
      return { type: 'answerSupervision', note: event.note! };
    default:
      throw new Error(`the history makes no ${event.type} events`);
  }
}

function countBy<T>(items: readonly T[], key: (item: T) => string, value: (item: T) => number = () => 1): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + value(item);
  return counts;
}
