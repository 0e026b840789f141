import { DEMO, PLACES, draftKey, reportEvent, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';
import { uploadPhoto } from './helpers/uploads';

type Summary = {
  id: string;
  status: string;
  ownerCode: string;
  ownerLevel: string;
  light: string | null;
  flagged?: boolean;
  categoryName?: string;
};
type Route = {
  reason: string;
  ownerCode: string;
  ownerLevel: string;
  ownerName?: string;
  communityName?: string;
  microGridCode?: string;
  distanceM?: number;
  departments: string[];
};
type Submitted = { report: Summary; route: Route; replayed: boolean };

let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
});
afterAll(async () => cloud?.stop());

const submit = (event: Record<string, unknown>, openid: string = DEMO.resident) => cloud.data<Submitted>('submitReport', event, openid);
const reportsBy = (openid: string) => cloud.count('reports', { reporterOpenid: openid });

describe('submitReport routes (分流)', () => {
  it('sends a report to the grid that contains its location, with the category’s department as co-handler', async () => {
    const { report, route } = await submit(reportEvent({ location: PLACES.demoGrid, categoryCode: 'XFYH' }));
    expect(route).toEqual({
      reason: 'contained',
      ownerCode: '410399001001-03',
      ownerLevel: 'grid',
      ownerName: '城关社区第3网格',
      communityName: '城关社区',
      departments: ['消防救援站'],
    });
    expect(report).toMatchObject({ status: 'submitted', ownerCode: '410399001001-03', light: 'green', categoryName: '消防隐患' });
  });

  it('records the micro-grid of a location, its grid owning the case', async () => {
    const { route } = await submit(reportEvent({ location: PLACES.microGrid }));
    expect(route).toMatchObject({
      reason: 'contained',
      ownerCode: '410399001001-01',
      ownerName: '城关社区第1网格',
      microGridCode: '410399001001-01-02',
    });
  });

  it('sends a point in the river gap to the nearest grid, 8 m away', async () => {
    const { route } = await submit(reportEvent({ location: PLACES.river }));
    expect(route).toMatchObject({ reason: 'nearest', ownerCode: '410399001001-09', ownerLevel: 'grid' });
    expect(route.distanceM).toBeCloseTo(8.0, 1);
  });

  it('refuses a location 217 m outside the county (12345 handles it) and stores nothing, rather than sending it to the joined grid', async () => {
    const before = await reportsBy(DEMO.resident);
    const answer = await cloud.call('submitReport', reportEvent({ location: PLACES.outside }), DEMO.resident);
    expect(answer).toMatchObject({ ok: false, code: 'LOCATION.OUTSIDE_COUNTY' });
    expect(answer.ok === false && answer.message).toContain('12345');
    expect(await reportsBy(DEMO.resident)).toBe(before);
  });

  it('sends a report without a location from someone who joined no grid to the county centre', async () => {
    const newcomer = await submit(reportEvent({ location: undefined }), 'o-visitor-from-outside');
    expect(newcomer.route).toMatchObject({ reason: 'county', ownerCode: '410399', ownerLevel: 'county', ownerName: '平安县' });
    // Above the communities there is no community to name.
    expect(newcomer.route).not.toHaveProperty('communityName');
  });

  it('without a location, sends it to the grid scanned in this flow, else to the joined grid', async () => {
    const scanned = await submit(reportEvent({ location: undefined, scannedGridCode: '410399002002-04' }));
    expect(scanned.route).toMatchObject({
      reason: 'scanned',
      ownerCode: '410399002002-04',
      ownerName: '滨河社区第4网格',
      communityName: '滨河社区',
    });
    const joined = await submit(reportEvent({ location: undefined }));
    expect(joined.route).toMatchObject({ reason: 'joined', ownerCode: '410399001001-03' });
  });

  it('sends a newcomer’s report with no location and no grid to the county', async () => {
    const { route } = await submit(reportEvent({ location: undefined }), 'o-newcomer-without-grid');
    expect(route).toMatchObject({ reason: 'county', ownerCode: '410399' });
  });
});

describe('submitReport is idempotent', () => {
  it('answers a retried submit with the same report, replayed, and stores one', async () => {
    const openid = 'o-retrying-resident';
    const event = reportEvent();
    const first = await submit(event, openid);
    const retry = await submit(event, openid);
    expect(first.replayed).toBe(false);
    // The first answer had the names from routing; the retry has them from the stored report.
    expect(first.route).toMatchObject({ ownerName: '城关社区第3网格', communityName: '城关社区' });
    expect(retry).toEqual({ ...first, replayed: true });
    expect(await reportsBy(openid)).toBe(1);
  });

  it('makes one report of two submits with the same key racing each other', async () => {
    const openid = 'o-double-tapping-resident';
    const event = reportEvent();
    const answers = await Promise.all([submit(event, openid), submit(event, openid)]);
    expect(answers[0].report.id).toBe(answers[1].report.id);
    expect(answers.map((answer) => answer.replayed).sort()).toEqual([false, true]);
    expect(await reportsBy(openid)).toBe(1);
  });

  it('refuses a different report reusing a key with REPORT.IDEMPOTENCY_CONFLICT', async () => {
    const event = reportEvent();
    await submit(event);
    const answer = await cloud.call('submitReport', { ...event, text: '另一件事' }, DEMO.resident);
    expect(answer).toMatchObject({ ok: false, code: 'REPORT.IDEMPOTENCY_CONFLICT' });
  });

  it('keeps keys per person: the same key from two people makes two reports', async () => {
    const idempotencyKey = draftKey();
    const mine = await submit(reportEvent({ idempotencyKey }), DEMO.resident);
    const theirs = await submit(reportEvent({ idempotencyKey }), DEMO.otherResident);
    expect(mine.report.id).not.toBe(theirs.report.id);
    expect(theirs.replayed).toBe(false);
  });
});

describe('submitReport checks content (security.msgSecCheck)', () => {
  it('refuses risky text with CONTENT.RISKY and stores nothing', async () => {
    const openid = 'o-risky-writer';
    const answer = await cloud.call('submitReport', reportEvent({ text: '这里有违禁词测试的内容' }), openid);
    expect(answer).toMatchObject({ ok: false, code: 'CONTENT.RISKY' });
    expect(await reportsBy(openid)).toBe(0);
  });

  it('accepts text for review flagged, shows the flag to staff and holds it for a staff member to clear', async () => {
    const { report } = await submit(reportEvent({ text: '一段待审词测试文字' }));
    expect(report.flagged).toBe(true);
    const stored = await cloud.get<{ moderation: unknown }>('reports', report.id);
    expect(stored?.moderation).toMatchObject({ verdict: 'review', pending: true });
    const inbox = await cloud.data<{ items: Summary[] }>('inbox', { limit: 50 }, DEMO.gridWorker);
    expect(inbox.items.find((item) => item.id === report.id)).toMatchObject({ flagged: true });
  });

  it('does not flag clean text, and checks nothing when a report is a photo alone', async () => {
    const clean = await submit(reportEvent());
    expect(clean.report.flagged).toBeUndefined();
    const idempotencyKey = draftKey();
    const photo = await uploadPhoto(cloud, DEMO.resident, idempotencyKey);
    const photoOnly = await submit(reportEvent({ text: '', photos: [photo], idempotencyKey }));
    expect(photoOnly.report).toMatchObject({ status: 'submitted' });
    expect(photoOnly.report.flagged).toBeUndefined();
  });
});

describe('submitReport refuses bad input', () => {
  it('refuses an unknown category with CATEGORY.NOT_FOUND', async () => {
    expect(await cloud.call('submitReport', reportEvent({ categoryCode: 'NOPE' }), DEMO.resident)).toMatchObject({
      ok: false,
      code: 'CATEGORY.NOT_FOUND',
    });
  });

  it.each([
    ['categoryCode', { categoryCode: { $ne: null } }],
    ['idempotencyKey', { idempotencyKey: { $ne: null } }],
    ['scannedGridCode', { scannedGridCode: { $ne: null } }],
  ])('refuses { "$ne": null } as %s with INPUT.INVALID and writes nothing', async (field, overrides) => {
    const openid = `o-injector-${field}`;
    const answer = await cloud.call('submitReport', reportEvent(overrides), openid);
    expect(answer).toMatchObject({ ok: false, code: 'INPUT.INVALID' });
    expect(!answer.ok && answer.message).toContain(field);
    expect(await reportsBy(openid)).toBe(0);
    expect(await cloud.count('users', { openid })).toBe(0);
  });

  it('refuses an operator object as a report id for the reading functions too', async () => {
    for (const name of ['reportDetail', 'acceptReport']) {
      expect(await cloud.call(name, { reportId: { $ne: null } }, DEMO.gridWorker)).toMatchObject({ ok: false, code: 'INPUT.INVALID' });
    }
    const reject = await cloud.call('rejectReport', { reportId: 'r1', reason: 'duplicate', duplicateOf: { $gt: '' } }, DEMO.gridWorker);
    expect(reject).toMatchObject({ ok: false, code: 'INPUT.INVALID' });
  });

  it('refuses a report with neither text nor photos', async () => {
    expect(await cloud.call('submitReport', reportEvent({ text: '  ' }), DEMO.resident)).toMatchObject({
      ok: false,
      code: 'INPUT.INVALID',
    });
  });
});

describe('the owner’s names on the report', () => {
  type Named = { id: string; ownerCode: string; ownerName?: string; communityName?: string };
  const views = async (id: string, openid: string) => ({
    mine: (await cloud.data<{ items: Named[] }>('myReports', { limit: 50 }, openid)).items.find((item) => item.id === id),
    detail: (await cloud.data<{ report: Named }>('reportDetail', { reportId: id }, openid)).report,
    inbox: (await cloud.data<{ items: Named[] }>('inbox', { limit: 50 }, DEMO.gridWorker)).items.find((item) => item.id === id),
  });

  it('stores them when the report is routed, and every view of it names its owner without a lookup', async () => {
    const openid = 'o-resident-reading-names';
    const { report } = await submit(reportEvent({ location: PLACES.demoGrid }), openid);
    expect(await cloud.get('reports', report.id)).toMatchObject({
      ownerCode: '410399001001-03',
      ownerName: '城关社区第3网格',
      communityName: '城关社区',
    });
    const { mine, detail, inbox } = await views(report.id, openid);
    const named = { ownerCode: '410399001001-03', ownerName: '城关社区第3网格', communityName: '城关社区' };
    expect(mine).toMatchObject(named);
    expect(detail).toMatchObject(named);
    expect(inbox).toMatchObject(named);
  });
});

describe('submitReport routes without its index', () => {
  it('routes by the database when the index in storage cannot be read, and when the settings say so', async () => {
    const settings = cloud.db().collection('settings').doc('routing');
    const { data } = (await settings.get()) as unknown as { data: { indexFileID: string; indexVersion: string } };
    try {
      await settings.update({ data: { indexFileID: `${data.indexFileID}.missing`, indexVersion: 'gone' } });
      const { route } = await submit(reportEvent({ location: PLACES.river }));
      expect(route).toMatchObject({
        reason: 'nearest',
        ownerCode: '410399001001-09',
        ownerName: '城关社区第9网格',
        communityName: '城关社区',
      });
      await settings.update({ data: { indexFileID: data.indexFileID, indexVersion: data.indexVersion, source: 'databaseGeo' } });
      const micro = await submit(reportEvent({ location: PLACES.microGrid }));
      expect(micro.route).toMatchObject({
        reason: 'contained',
        ownerCode: '410399001001-01',
        ownerName: '城关社区第1网格',
        communityName: '城关社区',
        microGridCode: '410399001001-01-02',
      });
    } finally {
      await settings.update({ data: { indexFileID: data.indexFileID, indexVersion: data.indexVersion, source: 'storageIndex' } });
    }
  });
});
