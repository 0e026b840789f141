import { pointInGrid } from './helpers/demo-points';
import { DEMO, PLACES, reportEvent, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';

type Summary = { id: string; status: string };
type Entry = { id: string; kind: string; unit: string; amount: number; reportId?: string; basis?: string };
type Points = { fenBalance: number; pointBalance: number; entries: Entry[]; nextCursor: string | null };

let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
});
afterAll(async () => cloud?.stop());

const submit = async (openid: string, overrides: Record<string, unknown> = {}) =>
  (await cloud.data<{ report: Summary }>('submitReport', reportEvent(overrides), openid)).report.id;
const accept = (reportId: string, openid: string) => cloud.call<{ report: Summary }>('acceptReport', { reportId }, openid);
const awardOf = (reportId: string) => cloud.find<Entry>('pointsLedger', { reportId });
const storedReport = (id: string) => cloud.get<{ version: number; events: unknown[]; status: string }>('reports', id);

/** `count` submitted reports: this one and copies of it under new ids (submitting them all would meet the rate limit). */
async function reportsLike(reportId: string, count: number): Promise<string[]> {
  const original = await cloud.get<Record<string, unknown>>('reports', reportId);
  const copies = Array.from({ length: count - 1 }, (_, i) => ({
    ...original,
    _id: `${reportId.slice(0, 60)}c${String(i).padStart(3, '0')}`,
    idempotencyKey: `copy-${i}-${reportId}`,
  }));
  await cloud.db().collection('reports').add({ data: copies });
  return [reportId, ...copies.map((copy) => copy._id)];
}

/** Whether each of the person's day counters holds the sum of that day's money in their ledger. */
async function dailyCounterMatchesLedger(personId: string): Promise<boolean> {
  const counters = await cloud.find<{ dayKey: string; fenAwarded: number }>('pointsDaily', { personId });
  const entries = await cloud.find<Entry & { dayKey: string }>('pointsLedger', { personId, unit: 'fen' });
  const ledgerSum = (dayKey: string) => entries.filter((entry) => entry.dayKey === dayKey).reduce((sum, entry) => sum + entry.amount, 0);
  return counters.length > 0 && counters.every((counter) => counter.fenAwarded === ledgerSum(counter.dayKey));
}

describe('acceptReport (受理)', () => {
  it('awards the reporter exactly once when 50 staff accept the same report at once; the others get a stable answer', async () => {
    const reportId = await submit(DEMO.informant, { categoryCode: 'XFYH', location: PLACES.demoGrid });
    const fenBefore = (await cloud.data<Points>('myPoints', {}, DEMO.informant)).fenBalance;
    const staff = [DEMO.gridWorker, 'o-demo-grid-worker-04', DEMO.gridLeader, DEMO.gridWorker];
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => accept(reportId, staff[i % staff.length] as string)));
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    // Conflicts are reported, not queued (the local cloud's default, as on CloudBase): a loser either reads the
    // accepted report on its retry or, retried out, is told to try again — never INTERNAL.ERROR.
    for (const answer of answers.filter((a) => !a.ok))
      expect(answer).toMatchObject({ code: expect.stringMatching(/^REPORT\.(INVALID_TRANSITION|BUSY)$/) });
    expect(await awardOf(reportId)).toEqual([
      expect.objectContaining({ _id: `award:${reportId}`, unit: 'fen', amount: 500, basis: 'informant' }),
    ]);
    expect(await storedReport(reportId)).toMatchObject({ status: 'accepted', version: 2, events: [expect.anything(), expect.anything()] });
    expect((await cloud.data<Points>('myPoints', {}, DEMO.informant)).fenBalance).toBe(fenBefore + 500);
    expect(await dailyCounterMatchesLedger('u-informant-01')).toBe(true);
  });

  it('never pays past the daily cap when 20 of one informant’s reports are accepted at once (the money race)', async () => {
    const informant = 'o-demo-informant-02'; // 黄晓峰, approved for 410399002001-05 only
    const ids = await reportsLike(await submit(informant, { categoryCode: 'XFYH', location: pointInGrid('410399002001-05') }), 20);
    const staff = ['o-demo-grid-worker-37', 'o-demo-grid-leader-29'];
    const answers = await Promise.all(ids.map((id, i) => accept(id, staff[i % 2] as string)));
    for (const answer of answers) expect(answer.ok || answer.code === 'REPORT.BUSY').toBe(true);
    const accepted = ids.filter((_, i) => answers[i]?.ok);
    expect(accepted.length).toBeGreaterThan(0);
    const awards = await Promise.all(ids.map(awardOf));
    // Exactly one award per accepted report, none for one retried out (still submitted, to accept later).
    expect(awards.map((list) => list.length)).toEqual(ids.map((id) => (accepted.includes(id) ? 1 : 0)));
    for (const id of ids.filter((id) => !accepted.includes(id)))
      expect(await storedReport(id)).toMatchObject({ status: 'submitted', version: 1 });
    const paid = awards.flat().reduce((sum, award) => sum + award.amount, 0);
    expect(paid).toBe(Math.min(2000, 500 * accepted.length)); // 500 each (XFYH) up to the 2000 fen cap, then 0
    expect((await cloud.data<Points>('myPoints', {}, informant)).fenBalance).toBe(paid);
    expect(await dailyCounterMatchesLedger('u-informant-02')).toBe(true);
  });

  it('pays an informant money (fen) in a grid they are approved for, community points elsewhere', async () => {
    const approved = await submit(DEMO.informant, { categoryCode: 'NBJF', location: pointInGrid('410399001001-02') });
    const elsewhere = await submit(DEMO.informant, { categoryCode: 'NBJF', location: PLACES.river }); // routed to -09
    expect((await accept(approved, 'o-demo-grid-worker-02')).ok).toBe(true);
    expect((await accept(elsewhere, DEMO.gridWorkerElsewhere)).ok).toBe(true);
    expect(await awardOf(approved)).toEqual([expect.objectContaining({ unit: 'fen', amount: 300, basis: 'informant' })]);
    expect(await awardOf(elsewhere)).toEqual([expect.objectContaining({ unit: 'point', amount: 3, basis: 'resident' })]);
  });

  it('pays a resident community points', async () => {
    const reportId = await submit(DEMO.resident, { categoryCode: 'HJWS' });
    await accept(reportId, DEMO.gridWorker);
    expect(await awardOf(reportId)).toEqual([
      expect.objectContaining({ unit: 'point', amount: 1, basis: 'resident', personId: 'u-resident-01' }),
    ]);
  });

  it('pays staff nothing for a case in their own grid (recorded as own_area), like anyone elsewhere', async () => {
    const own = await submit(DEMO.gridWorker, { categoryCode: 'XFYH', location: PLACES.demoGrid });
    const away = await submit(DEMO.gridWorker, { categoryCode: 'XFYH', location: PLACES.river });
    await accept(own, DEMO.gridLeader);
    await accept(away, DEMO.gridWorkerElsewhere);
    expect(await awardOf(own)).toEqual([expect.objectContaining({ unit: 'point', amount: 0, basis: 'own_area' })]);
    expect(await awardOf(away)).toEqual([expect.objectContaining({ unit: 'point', amount: 5, basis: 'resident' })]);
  });

  it('caps an informant’s money per day: the report reaching the cap is paid up to it, later ones 0, all recorded', async () => {
    const informant = 'o-demo-informant-03'; // 杨春燕, approved for 410399001003-04 and -05
    const location = pointInGrid('410399001003-04');
    const categories = ['XFYH', 'XFYH', 'XFYH', 'NBJF', 'XFYH', 'HJWS']; // 500 500 500 300 | 500 → 200 | 100 → 0
    const ids: string[] = [];
    for (const categoryCode of categories) ids.push(await submit(informant, { categoryCode, location }));
    for (const id of ids) expect((await accept(id, 'o-demo-grid-worker-24')).ok).toBe(true);
    const awards = (await Promise.all(ids.map(awardOf))).map(([award]) => [award?.amount, award?.basis]);
    expect(awards).toEqual([
      [500, 'informant'],
      [500, 'informant'],
      [500, 'informant'],
      [300, 'informant'],
      [200, 'daily_cap'],
      [0, 'daily_cap'],
    ]);
    const points = await cloud.data<Points>('myPoints', { limit: 50 }, informant);
    expect(points).toMatchObject({ fenBalance: 2000, pointBalance: 0 });
    expect(points.entries).toHaveLength(6);
    const daily = await cloud.find('pointsDaily', { personId: 'u-informant-03' });
    expect(daily).toEqual([
      expect.objectContaining({ fenAwarded: 2000, _id: expect.stringMatching(/^u-informant-03:\d{4}-\d{2}-\d{2}$/) }),
    ]);
  });

  it('keeps the cap when acceptances of one informant’s reports run at once', async () => {
    const informant = 'o-demo-informant-04'; // 徐国栋, approved for 410399001002-05
    const location = pointInGrid('410399001002-05');
    const ids = await Promise.all(Array.from({ length: 5 }, () => submit(informant, { categoryCode: 'XFYH', location })));
    const answers = await Promise.all(ids.map((id) => accept(id, 'o-demo-grid-worker-17')));
    expect(answers.every((answer) => answer.ok)).toBe(true);
    const amounts = (await Promise.all(ids.map(awardOf))).map(([award]) => award?.amount).sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(amounts).toEqual([0, 500, 500, 500, 500]);
    expect(await cloud.data<Points>('myPoints', {}, informant)).toMatchObject({ fenBalance: 2000 });
  });

  it('lets only the owning staff accept: others of the case see REPORT.FORBIDDEN, the rest REPORT.NOT_FOUND', async () => {
    const reportId = await submit(DEMO.resident);
    expect(await accept(reportId, DEMO.resident)).toMatchObject({ ok: false, code: 'REPORT.FORBIDDEN' });
    expect(await accept(reportId, DEMO.police)).toMatchObject({ ok: false, code: 'REPORT.FORBIDDEN' });
    expect(await accept(reportId, DEMO.gridWorkerElsewhere)).toMatchObject({ ok: false, code: 'REPORT.NOT_FOUND' });
    expect(await accept(reportId, DEMO.otherResident)).toMatchObject({ ok: false, code: 'REPORT.NOT_FOUND' });
    expect(await awardOf(reportId)).toEqual([]);
    expect(await storedReport(reportId)).toMatchObject({ status: 'submitted', version: 1 });
  });
});

describe('rejectReport', () => {
  it('rejects a duplicate naming the report it repeats; the reporter sees why; no points are paid', async () => {
    const original = await submit(DEMO.informant, { categoryCode: 'XFYH' });
    const repeat = await submit(DEMO.otherResident, { categoryCode: 'XFYH' });
    const answer = await cloud.call<{ report: Summary }>(
      'rejectReport',
      { reportId: repeat, reason: 'duplicate', duplicateOf: original, note: '已有人上报' },
      DEMO.gridWorker,
    );
    expect(answer).toMatchObject({ ok: true, data: { report: { id: repeat, status: 'rejected', light: null } } });
    const { report } = await cloud.data<{ report: { rejection: unknown; events: { type: string; note?: string; rejection?: unknown }[] } }>(
      'reportDetail',
      { reportId: repeat },
      DEMO.otherResident,
    );
    expect(report.rejection).toEqual({ reason: 'duplicate', duplicateOf: original });
    expect(report.events.map((event) => [event.type, event.note])).toEqual([
      ['submitted', undefined],
      ['rejected', '已有人上报'],
    ]);
    // The step carries its reason too, so the timeline can say why where it says no.
    expect(report.events.map((event) => event.rejection)).toEqual([undefined, { reason: 'duplicate', duplicateOf: original }]);
    expect(await awardOf(repeat)).toEqual([]);
    expect(await accept(repeat, DEMO.gridWorker)).toMatchObject({ ok: false, code: 'REPORT.INVALID_TRANSITION' });
  });

  it('refuses a duplicate of itself, of a report that does not exist, or of one the staff cannot see', async () => {
    const reportId = await submit(DEMO.resident);
    const elsewhere = await submit(DEMO.resident, { location: PLACES.river });
    for (const duplicateOf of [reportId, 'r000000000000000000000000', elsewhere]) {
      const answer = await cloud.call('rejectReport', { reportId, reason: 'duplicate', duplicateOf }, DEMO.gridWorker);
      expect(answer).toMatchObject({ ok: false, code: 'REPORT.INVALID_DUPLICATE' });
    }
    expect(await storedReport(reportId)).toMatchObject({ status: 'submitted', version: 1 });
  });

  it('lets one decision win when accepts and rejects of a report race, and pays only if it was the accept', async () => {
    const reportId = await submit(DEMO.resident);
    const decisions = Array.from({ length: 10 }, (_, i) =>
      i % 2 === 0 ? accept(reportId, DEMO.gridWorker) : cloud.call('rejectReport', { reportId, reason: 'invalid' }, DEMO.gridLeader),
    );
    const answers = await Promise.all(decisions);
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    const stored = await storedReport(reportId);
    expect(stored).toMatchObject({ version: 2 });
    expect((await awardOf(reportId)).length).toBe(stored?.status === 'accepted' ? 1 : 0);
  });

  it('rejects as invalid or out of scope, once', async () => {
    const reportId = await submit(DEMO.resident);
    expect(await cloud.call('rejectReport', { reportId, reason: 'out_of_scope' }, DEMO.gridLeader)).toMatchObject({ ok: true });
    expect(await cloud.call('rejectReport', { reportId, reason: 'invalid' }, DEMO.gridLeader)).toMatchObject({
      ok: false,
      code: 'REPORT.INVALID_TRANSITION',
    });
  });
});

describe('myPoints', () => {
  it('answers balances per unit and the ledger newest first, a page at a time', async () => {
    const first = await cloud.data<Points>('myPoints', { limit: 2 }, DEMO.informant);
    const rest = await cloud.data<Points>('myPoints', { limit: 50, cursor: first.nextCursor }, DEMO.informant);
    expect(first).toMatchObject({ fenBalance: 800, pointBalance: 3 });
    expect(first.entries).toHaveLength(2);
    expect([...first.entries, ...rest.entries].map((entry) => entry.amount).sort((a, b) => a - b)).toEqual([3, 300, 500]);
    expect(rest.nextCursor).toBeNull();
  });

  it('answers zero to someone with no ledger', async () => {
    expect(await cloud.data<Points>('myPoints', {}, 'o-nobody-at-all')).toEqual({
      fenBalance: 0,
      pointBalance: 0,
      entries: [],
      nextCursor: null,
    });
  });
});
