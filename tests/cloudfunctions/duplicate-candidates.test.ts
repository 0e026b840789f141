import { DEMO, PLACES, reportEvent, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';

type Summary = { id: string; ownerCode: string };
type Candidate = {
  id: string;
  text: string;
  status: string;
  submittedAt: number;
  distanceM: number;
  ownerName?: string;
  reporterName?: string;
};
type Candidates = { candidates: Candidate[]; radiusM: number; windowDays: number; none?: string };

let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
});
afterAll(async () => cloud?.stop());

/** A point `north` and `east` metres from PLACES.demoGrid (inside grid 410399001001-03, about 560 × 340 m). */
const from = (north: number, east: number): [number, number] => [
  Number((PLACES.demoGrid[0] + east / 92_560).toFixed(6)),
  Number((PLACES.demoGrid[1] + north / 111_195).toFixed(6)),
];
const submit = async (openid: string, overrides: Record<string, unknown>) =>
  (await cloud.data<{ report: Summary }>('submitReport', reportEvent(overrides), openid)).report;
const candidates = (reportId: string, openid: string = DEMO.gridWorker) =>
  cloud.data<Candidates>('duplicateCandidates', { reportId }, openid);

describe('duplicateCandidates', () => {
  it('lists a report of the same category 20 m away, not one 200 m away, of another category, or rejected', async () => {
    const original = await submit(DEMO.resident, { categoryCode: 'XFYH', text: '楼道里的灭火器过期了', location: from(0, 0) });
    const repeat = await submit(DEMO.otherResident, { categoryCode: 'XFYH', location: from(20, 0) });
    const far = await submit(DEMO.informant, { categoryCode: 'XFYH', location: from(0, 200) });
    await submit(DEMO.informant, { categoryCode: 'HJWS', location: from(10, 0) });
    const turnedDown = await submit(DEMO.informant, { categoryCode: 'XFYH', location: from(10, 0) });
    await cloud.data('rejectReport', { reportId: turnedDown.id, reason: 'invalid' }, DEMO.gridWorker);
    expect(far.ownerCode).toBe(repeat.ownerCode); // the same grid: left out for its distance, not its visibility

    const answer = await candidates(repeat.id);
    expect(answer).toMatchObject({ radiusM: 50, windowDays: 30 });
    expect(answer.none).toBeUndefined();
    expect(answer.candidates).toEqual([
      {
        id: original.id,
        text: '楼道里的灭火器过期了',
        status: 'submitted',
        submittedAt: expect.any(Number),
        distanceM: 20,
        ownerName: '城关社区第3网格',
        reporterName: '张秀兰',
      },
    ]);
    // …and the other way round: the repeat is the original's candidate too.
    expect((await candidates(original.id)).candidates.map((c) => c.id)).toEqual([repeat.id]);
  });

  it('lists the nearest first, then the oldest, and hides an anonymous reporter from the grid worker', async () => {
    const subject = await submit(DEMO.resident, { categoryCode: 'AQSC', location: from(-100, -150) });
    const older = await submit(DEMO.informant, { categoryCode: 'AQSC', location: from(-100, -120), anonymous: true });
    const newer = await submit(DEMO.otherResident, { categoryCode: 'AQSC', location: from(-100, -180) });
    const nearest = await submit(DEMO.otherResident, { categoryCode: 'AQSC', location: from(-90, -150) });
    const listed = (await candidates(subject.id, DEMO.gridLeader)).candidates;
    expect(listed.map((c) => [c.id, c.distanceM])).toEqual([
      [nearest.id, 10],
      [older.id, 30],
      [newer.id, 30],
    ]);
    expect(listed[1]).not.toHaveProperty('reporterName');
    expect(listed[2]).toMatchObject({ reporterName: '王桂英' });
  });

  it('answers none, with the reason, for a category never duplicate by place (radius 0) and for a report without location', async () => {
    const clue = await submit(DEMO.resident, { categoryCode: 'ZAXS', location: from(5, 5) });
    await submit(DEMO.otherResident, { categoryCode: 'ZAXS', location: from(5, 5) });
    expect(await candidates(clue.id)).toEqual({ candidates: [], radiusM: 0, windowDays: 30, none: 'no_radius' });
    const nowhere = await submit(DEMO.resident, { categoryCode: 'XFYH', location: undefined });
    expect(await candidates(nowhere.id)).toEqual({ candidates: [], radiusM: 50, windowDays: 30, none: 'no_location' });
  });

  it('leaves out a near report of a neighbouring grid that the caller may not see', async () => {
    const west = 111.584493; // the west edge of grid -03
    const inside = await submit(DEMO.resident, {
      categoryCode: 'WZDJ',
      location: [Number((west + 0.0002).toFixed(6)), PLACES.demoGrid[1]],
    });
    const outside = await submit(DEMO.otherResident, {
      categoryCode: 'WZDJ',
      location: [Number((west - 0.0002).toFixed(6)), PLACES.demoGrid[1]],
    });
    expect(outside.ownerCode).not.toBe(inside.ownerCode);
    expect((await candidates(inside.id)).candidates).toEqual([]);
    // A centre over both sees it, but owns neither grid's case: the question is the grid's to ask.
    expect(await cloud.call('duplicateCandidates', { reportId: inside.id }, DEMO.communityCentre)).toMatchObject({
      ok: false,
      code: 'REPORT.FORBIDDEN',
    });
  });

  it('refuses residents and police (AUTH.FORBIDDEN) and hides the report from staff of another grid (REPORT.NOT_FOUND)', async () => {
    const report = await submit(DEMO.resident, { categoryCode: 'XFYH', location: from(30, 30) });
    for (const openid of [DEMO.resident, DEMO.otherResident, DEMO.police, 'o-nobody-at-all']) {
      expect(await cloud.call('duplicateCandidates', { reportId: report.id }, openid)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
    expect(await cloud.call('duplicateCandidates', { reportId: report.id }, DEMO.gridWorkerElsewhere)).toMatchObject({
      ok: false,
      code: 'REPORT.NOT_FOUND',
    });
    expect(await cloud.call('duplicateCandidates', { reportId: 'r000000000000000000000000' }, DEMO.gridWorker)).toMatchObject({
      ok: false,
      code: 'REPORT.NOT_FOUND',
    });
    expect(await cloud.call('duplicateCandidates', { reportId: { $ne: null } }, DEMO.gridWorker)).toMatchObject({
      ok: false,
      code: 'INPUT.INVALID',
    });
  });
});
