import { DEMO, PLACES, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';
import { pointInGrid } from './helpers/demo-points';
import { GRID_A, GRID_B, handledReportIn, newcomerOpenid, reportIn } from './security/report-fixtures';

type FollowState = { reportId: string; following: boolean; supportCount: number };
type Nearby = { id: string; following: boolean; supportCount: number; distanceM: number; text?: string } & Record<string, unknown>;

let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
});
afterAll(async () => cloud?.stop());

const follow = (reportId: string, openid: string) => cloud.call<FollowState>('followReport', { reportId }, openid);
const followsOf = (reportId: string) => cloud.find<{ personId: string; via: string }>('reportFollows', { reportId });
const supportOf = async (reportId: string) => (await cloud.get<{ supportCount?: number }>('reports', reportId))?.supportCount ?? 0;

/** A newcomer with a record (they called `me`), as a resident who opened the mini-program. */
async function resident(label: string): Promise<string> {
  const openid = newcomerOpenid(label);
  await cloud.data('me', {}, openid);
  return openid;
}

describe('nearbyReports (我也遇到)', () => {
  it('lists open reports of the category near the point with their place by name, never the reporter, photos or point', async () => {
    const id = await reportIn(cloud, GRID_A, DEMO.otherResident);
    const { items, radiusM } = await cloud.data<{ items: Nearby[]; radiusM: number }>(
      'nearbyReports',
      { categoryCode: 'HJWS', location: pointInGrid(GRID_A) },
      DEMO.resident,
    );
    expect(radiusM).toBe(50);
    const item = items.find((near) => near.id === id);
    expect(item).toMatchObject({ id, categoryCode: 'HJWS', status: 'submitted', following: false, supportCount: 0, ownerLevel: 'grid' });
    expect(item?.distanceM).toBeLessThanOrEqual(50);
    for (const hidden of ['reporter', 'reporterName', 'reporterId', 'photos', 'photoUrls', 'location', 'ownerCode']) {
      expect(item).not.toHaveProperty(hidden);
    }
  });

  it('lists nothing for a category never found by place, nor far away', async () => {
    await reportIn(cloud, GRID_A);
    const none = await cloud.data<{ items: Nearby[] }>(
      'nearbyReports',
      { categoryCode: 'ZAXS', location: pointInGrid(GRID_A) },
      DEMO.resident,
    );
    expect(none.items).toEqual([]);
    const far = await cloud.data<{ items: Nearby[] }>('nearbyReports', { categoryCode: 'HJWS', location: PLACES.outside }, DEMO.resident);
    expect(far.items).toEqual([]);
  });

  it('says which ones the caller follows, and holds back the text of one under review', async () => {
    const id = await reportIn(cloud, GRID_A);
    await cloud
      .db()
      .collection('reports')
      .doc(id)
      .update({ data: { 'moderation.pending': true } });
    await cloud.data('followReport', { reportId: id }, DEMO.resident);
    const { items } = await cloud.data<{ items: Nearby[] }>(
      'nearbyReports',
      { categoryCode: 'HJWS', location: pointInGrid(GRID_A) },
      DEMO.resident,
    );
    const item = items.find((near) => near.id === id);
    expect(item).toMatchObject({ following: true, supportCount: 1 });
    expect(item).not.toHaveProperty('text');
  });
});

describe('followReport', () => {
  it('follows once: twice changes nothing, and it earns nothing', async () => {
    const id = await reportIn(cloud, GRID_B);
    const follower = await resident('follow-twice');
    expect(await follow(id, follower)).toMatchObject({ ok: true, data: { reportId: id, following: true, supportCount: 1 } });
    expect(await follow(id, follower)).toMatchObject({ ok: true, data: { following: true, supportCount: 1 } });
    expect((await followsOf(id)).map((doc) => doc.via)).toEqual(['follow']);
    expect(await supportOf(id)).toBe(1);
    expect(await cloud.count('pointsLedger', { reportId: id })).toBe(0);
  });

  it('is atomic: 20 follows of one person and one each of 20 people at once leave a count equal to the follows', async () => {
    const id = await reportIn(cloud, GRID_A);
    const people = await Promise.all(Array.from({ length: 20 }, (_, i) => resident(`race-${i}`)));
    const answers = await Promise.all([
      ...people.map((openid) => follow(id, openid)),
      ...people.slice(0, 1).flatMap((openid) => Array.from({ length: 19 }, () => follow(id, openid))),
    ]);
    // A follow that kept losing the race answers REPORT.BUSY and wrote nothing; none fails otherwise.
    for (const answer of answers) expect(answer.ok || answer.code === 'REPORT.BUSY').toBe(true);
    const follows = await followsOf(id);
    expect(new Set(follows.map((doc) => doc.personId)).size).toBe(follows.length);
    expect(await supportOf(id)).toBe(follows.length);
    expect(follows.length).toBeGreaterThan(0);
  }, 60_000);

  it('refuses one’s own report and a report no longer open; one never findable does not exist', async () => {
    const mine = await reportIn(cloud, GRID_A, DEMO.resident);
    expect(await follow(mine, DEMO.resident)).toMatchObject({ ok: false, code: 'REPORT.CANNOT_FOLLOW', message: '不能关注自己的上报' });
    const closed = await handledReportIn(cloud, GRID_A, 'closed');
    expect(await follow(closed, DEMO.resident)).toMatchObject({ ok: false, code: 'REPORT.NOT_FOUND' });
    expect(await follow(closed, DEMO.gridWorker)).toMatchObject({ ok: false, code: 'REPORT.CANNOT_FOLLOW' });
    const clue = await reportIn(cloud, GRID_A);
    await cloud
      .db()
      .collection('reports')
      .doc(clue)
      .update({ data: { categoryCode: 'ZAXS' } });
    expect(await follow(clue, DEMO.resident)).toMatchObject({ ok: false, code: 'REPORT.NOT_FOUND' });
    expect(await cloud.count('reportFollows', { personId: 'u-resident-01', reportId: clue })).toBe(0);
  });

  it('unfollows: the follow and one of the count go together; a second unfollow changes nothing', async () => {
    const id = await reportIn(cloud, GRID_A);
    const follower = await resident('unfollow');
    await follow(id, follower);
    const unfollow = () => cloud.call<FollowState>('unfollowReport', { reportId: id }, follower);
    expect(await unfollow()).toMatchObject({ ok: true, data: { following: false, supportCount: 0 } });
    expect(await unfollow()).toMatchObject({ ok: true, data: { following: false, supportCount: 0 } });
    expect([await followsOf(id), await supportOf(id)]).toEqual([[], 0]);
  });
});

describe('a follower reads the report', () => {
  it('sees its timeline and status, never its reporter or the reporter’s photos; a non-follower does not find it', async () => {
    const id = await reportIn(cloud, GRID_A, DEMO.otherResident);
    await cloud
      .db()
      .collection('reports')
      .doc(id)
      .update({ data: { photos: ['cloud://env/uploads/report/x/a.jpg'] } });
    expect(await cloud.call('reportDetail', { reportId: id }, DEMO.resident)).toMatchObject({ ok: false, code: 'REPORT.NOT_FOUND' });
    await cloud.data('followReport', { reportId: id }, DEMO.resident);
    await cloud.data('acceptReport', { reportId: id, note: '已受理' }, DEMO.gridWorker);
    const { report } = await cloud.data<{ report: Record<string, unknown> & { events: Array<Record<string, unknown>> } }>(
      'reportDetail',
      { reportId: id },
      DEMO.resident,
    );
    expect(report).toMatchObject({ id, status: 'accepted', photos: [] });
    expect(report).not.toHaveProperty('reporter');
    expect(report).not.toHaveProperty('photoUrls');
    expect(report).not.toHaveProperty('location');
    expect(report.events.map((event) => event.type)).toEqual(['submitted', 'accepted']);
    expect(report.events[0]).not.toHaveProperty('actor');
    expect(JSON.stringify(report)).not.toContain('王桂英');
    const stranger = await resident('not-following');
    expect(await cloud.call('reportDetail', { reportId: id }, stranger)).toMatchObject({ ok: false, code: 'REPORT.NOT_FOUND' });
  });

  it('lists what the caller follows, the latest first, a page at a time', async () => {
    const follower = await resident('my-follows');
    const first = await reportIn(cloud, GRID_A);
    const second = await reportIn(cloud, GRID_B);
    await follow(first, follower);
    await follow(second, follower);
    const page1 = await cloud.data<{ items: Array<{ id: string; followedAt: number }>; nextCursor: string | null }>(
      'myFollows',
      { limit: 1 },
      follower,
    );
    expect(page1.items.map((item) => item.id)).toEqual([second]);
    const page2 = await cloud.data<{ items: Array<{ id: string }>; nextCursor: string | null }>(
      'myFollows',
      { limit: 1, cursor: page1.nextCursor },
      follower,
    );
    expect(page2.items.map((item) => item.id)).toEqual([first]);
    expect(page2.nextCursor).toBeNull();
  });
});

describe('merge at triage (重复上报)', () => {
  it('makes the duplicate’s reporter a follower of the original in the rejection’s transaction, once, and pays nothing', async () => {
    const original = await reportIn(cloud, GRID_A, DEMO.otherResident);
    const duplicate = await reportIn(cloud, GRID_A, DEMO.resident);
    const reject = { reportId: duplicate, reason: 'duplicate', duplicateOf: original };
    expect(await cloud.call('rejectReport', reject, DEMO.gridWorker)).toMatchObject({ ok: true, data: { report: { status: 'rejected' } } });
    expect(await followsOf(original)).toEqual([expect.objectContaining({ personId: 'u-resident-01', via: 'merge' })]);
    expect(await supportOf(original)).toBe(1);
    expect(await cloud.count('pointsLedger', { personId: 'u-resident-01', reportId: original })).toBe(0);
    const { report } = await cloud.data<{ report: { id: string } }>('reportDetail', { reportId: original }, DEMO.resident);
    expect(report.id).toBe(original);
  });

  it('skips the follow when the duplicate’s reporter reported the original or follows it already', async () => {
    const original = await reportIn(cloud, GRID_A, DEMO.resident);
    const again = await reportIn(cloud, GRID_A, DEMO.resident);
    await cloud.data('rejectReport', { reportId: again, reason: 'duplicate', duplicateOf: original }, DEMO.gridWorker);
    expect([await followsOf(original), await supportOf(original)]).toEqual([[], 0]);
    await follow(original, DEMO.otherResident);
    const theirs = await reportIn(cloud, GRID_A, DEMO.otherResident);
    await cloud.data('rejectReport', { reportId: theirs, reason: 'duplicate', duplicateOf: original }, DEMO.gridWorker);
    expect((await followsOf(original)).map((doc) => doc.via)).toEqual(['follow']);
    expect(await supportOf(original)).toBe(1);
  });

  it('is atomic: many duplicates merged at once leave the original’s count equal to its follows', async () => {
    const original = await reportIn(cloud, GRID_A);
    const duplicates = await Promise.all(Array.from({ length: 8 }, () => reportIn(cloud, GRID_A)));
    const answers = await Promise.all(
      duplicates.map((reportId) => cloud.call('rejectReport', { reportId, reason: 'duplicate', duplicateOf: original }, DEMO.gridWorker)),
    );
    const rejected = await cloud.count('reports', { 'rejection.duplicateOf': original });
    for (const answer of answers) expect(answer.ok || answer.code === 'REPORT.BUSY').toBe(true);
    expect(await supportOf(original)).toBe((await followsOf(original)).length);
    expect((await followsOf(original)).length).toBe(rejected);
  }, 60_000);
});
