import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseGridIndex } from '@pingan/shared';
import { checkDemoFiles } from '../../../tools/seed/demo-documents';
import { readDemoFiles, seedDemoCounty } from '../../../tools/seed/seed';
import { startTestCloud, type TestCloud } from '../../helpers/local-cloud';

const DATA_DIR = join(__dirname, '../../../data/demo-county');
const DATABASE_FILE = join(__dirname, '../../../database/collections.json');

let testCloud: TestCloud;
beforeAll(async () => {
  testCloud = await startTestCloud({ databaseFile: DATABASE_FILE });
});
afterAll(async () => testCloud?.stop());

const db = () => testCloud.sdk().database();
const count = async (collection: string) => ((await db().collection(collection).count()) as unknown as { total: number }).total;
const docOf = async <T>(collection: string, id: string) =>
  ((await db().collection(collection).doc(id).get()) as unknown as { data: T }).data;

describe('seedDemoCounty', () => {
  it('seeds the demo county: places, categories, services, settings and people', async () => {
    const report = await seedDemoCounty({ envId: testCloud.cloud.envId });
    expect(report.created).toEqual({
      regions: 51,
      categories: 11,
      services: 10,
      settings: 6,
      users: 140,
      marketItems: 5,
      pointsLedger: 1,
      informantApplications: 9,
    });
    expect(await count('regions')).toBe(51);
    expect(await count('users')).toBe(140);
    // The report rate limits in force, written out so an admin can see and change them.
    expect(await docOf('settings', 'reportRateLimits')).toMatchObject({ resident: { windowMinutes: 10, perWindow: 5, perDay: 20 } });
    expect(await docOf('settings', 'pointsRules')).toMatchObject({ dailyCapFen: 2000, currency: 'CNY', unit: 'fen' });
    // Each message kind's subscribe template (made-up ids for the demo; a county puts in its own).
    expect(await docOf('settings', 'subscribeTemplates')).toMatchObject({
      templates: { closed: { templateId: 'demo-tmpl-report-closed' } },
    });
    // The work calendar the clocks of `working` categories count: 国庆 off, its 调休 Saturday on.
    expect(await docOf('settings', 'workCalendar')).toMatchObject({
      periods: [
        { start: '08:30', end: '12:00' },
        { start: '14:00', end: '17:30' },
      ],
      weekdays: [1, 2, 3, 4, 5],
      holidays: expect.arrayContaining(['2026-10-01', '2027-10-01']),
      workdays: expect.arrayContaining(['2026-10-10']),
    });
    expect(await docOf('regions', '410399001001-03')).toMatchObject({
      level: 'grid',
      parentCode: '410399001001',
      parentName: '城关社区',
      regionPath: { county: '410399', street: '410399001', community: '410399001001', grid: '410399001001-03' },
    });
  });

  it('uploads the routing index to storage and names its version in settings/routing', async () => {
    const routing = await docOf<{ indexFileID: string; indexVersion: string; maxGapM: number; source: string }>('settings', 'routing');
    expect(routing).toMatchObject({ source: 'storageIndex', maxGapM: 50, indexVersion: expect.stringMatching(/^[0-9a-f]{16}$/) });
    const { fileContent } = await testCloud.sdk().downloadFile({ fileID: routing.indexFileID });
    const index = parseGridIndex(fileContent.toString('utf8'));
    expect(index.tree.nodes.size).toBe(51);
    expect(index.tree.countyCode).toBe('410399');
  });

  it('starts a demo resident in her home grid', async () => {
    expect(await docOf('users', 'u-resident-01')).toMatchObject({ openid: 'o-demo-resident-01', joinedGridCode: '410399001001-03' });
    expect(await docOf('users', 'u-grid-worker-03')).not.toHaveProperty('joinedGridCode');
  });

  it('writes the informants’ grids and an approved application per grid, as the 信息员 page lists them', async () => {
    expect(await docOf('users', 'u-informant-01')).toMatchObject({
      roles: ['informant', 'resident'],
      informantGridCodes: ['410399001001-03', '410399001001-02', '410399001001-04'],
    });
    expect(await docOf('users', 'u-volunteer-01')).not.toHaveProperty('informantGridCodes');
    expect(await docOf('informantApplications', '410399001001-03:u-informant-01')).toMatchObject({
      gridCode: '410399001001-03',
      personId: 'u-informant-01',
      openid: 'o-demo-informant-01',
      name: '李明',
      status: 'approved',
      decidedBy: 'u-grid-worker-03',
      version: 1,
    });
    expect(await docOf('informantApplications', '410399002001-05:u-informant-02')).toMatchObject({ status: 'approved', name: '黄晓峰' });
  });

  it('is idempotent: a re-seed creates nothing, keeps the index version, and keeps a resident’s later scan', async () => {
    const before = await docOf<{ indexVersion: string }>('settings', 'routing');
    await db()
      .collection('users')
      .doc('u-resident-01')
      .update({ data: { joinedGridCode: '410399002001-05', name: '改过的名字' } });
    const report = await seedDemoCounty({ envId: testCloud.cloud.envId });
    expect(Object.values(report.created).every((created) => created === 0)).toBe(true);
    expect(report.routingIndex.version).toBe(before.indexVersion);
    expect(await count('users')).toBe(140);
    // The scan is runtime state and survives; the name is the people file's and is refreshed.
    expect(await docOf('users', 'u-resident-01')).toMatchObject({ joinedGridCode: '410399002001-05', name: '张秀兰' });
  });

  it('keeps an informant’s removal from a grid across a re-seed: the application and the informant grids alike', async () => {
    const removed = { status: 'removed', reason: '已搬走', version: 2 };
    await db().collection('informantApplications').doc('410399001001-04:u-informant-01').update({ data: removed });
    const grids = ['410399001001-03', '410399001001-02'];
    await db()
      .collection('users')
      .doc('u-informant-01')
      .update({ data: { informantGridCodes: grids } });
    const report = await seedDemoCounty({ envId: testCloud.cloud.envId });
    expect(report.created.informantApplications).toBe(0);
    expect(await docOf('informantApplications', '410399001001-04:u-informant-01')).toMatchObject(removed);
    expect(await docOf('users', 'u-informant-01')).toMatchObject({ informantGridCodes: grids });
  });
});

describe('checking the files before seeding', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'demo-county-'));
    cpSync(DATA_DIR, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const edit = (file: string, change: (json: Record<string, unknown>) => void) => {
    const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
    change(json);
    writeFileSync(join(dir, file), JSON.stringify(json));
  };

  it('accepts the demo county as it is', () => {
    expect(readDemoFiles(dir).tree.nodes.size).toBe(51);
  });

  it('refuses an informant without informantGridCodes, and informantGridCodes without the role', () => {
    type People = { people: Array<Record<string, unknown>> };
    edit('people.json', (json) => {
      delete (json as People).people.find((person) => person.id === 'u-informant-01')!.informantGridCodes;
    });
    expect(() => readDemoFiles(dir)).toThrow(/an informant, and an informant alone, needs informantGridCodes/);
    edit('people.json', (json) => {
      const people = (json as People).people;
      people.find((person) => person.id === 'u-informant-01')!.informantGridCodes = ['410399001001-03'];
      people.find((person) => person.id === 'u-volunteer-01')!.informantGridCodes = ['410399001001-03'];
    });
    expect(() => readDemoFiles(dir)).toThrow(/an informant, and an informant alone, needs informantGridCodes/);
  });

  it('refuses a category paying more than 5 yuan, naming the file and the field', () => {
    edit('categories.json', (json) => {
      (json.categories as { informantPointsFen: number }[])[0]!.informantPointsFen = 501;
    });
    expect(() => readDemoFiles(dir)).toThrow(/categories\.json is not valid: categories\.0\.informantPointsFen/);
  });

  it('refuses a work calendar naming one date both a holiday and a make-up working day', () => {
    edit('work-calendar.json', (json) => {
      const calendar = json.calendar as { holidays: string[]; workdays: string[] };
      calendar.workdays.push(calendar.holidays[0]!);
    });
    expect(() => readDemoFiles(dir)).toThrow(
      /work-calendar\.json is not valid: calendar: a date is a holiday or a make-up working day, once/,
    );
  });

  it('refuses two people with one openid', () => {
    edit('people.json', (json) => {
      const people = json.people as { openid: string }[];
      people[1]!.openid = people[0]!.openid;
    });
    expect(() => readDemoFiles(dir)).toThrow(/people\.json is not valid: .*openids must be unique/);
  });

  it('refuses a grid whose community does not exist', () => {
    edit('regions.geojson', (json) => {
      const grid = (json.features as { properties: { code: string; parentCode: string } }[]).find(
        (f) => f.properties.code === '410399001001-03',
      );
      grid!.properties.parentCode = '410399001009';
    });
    expect(() => readDemoFiles(dir)).toThrow(/unknown parent 410399001009/);
  });

  it('writes nothing when a file is invalid', async () => {
    // A valid seed rewrites every place; this mark shows whether anything was written.
    await db()
      .collection('regions')
      .doc('410399')
      .update({ data: { name: '标记' } });
    edit('services.json', (json) => {
      json.services = 'none';
    });
    await expect(seedDemoCounty({ envId: testCloud.cloud.envId, dataDir: dir })).rejects.toThrow(/services\.json is not valid/);
    expect(await docOf('regions', '410399')).toMatchObject({ name: '标记' });
  });

  it('checks raw file contents the same way', () => {
    expect(() => checkDemoFiles({ regions: {}, categories: {}, services: {}, people: {}, workCalendar: {} })).toThrow(
      /regions\.geojson is not valid/,
    );
  });
});
