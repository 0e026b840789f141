import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';

type Shape = { code: string; name: string; polygons: [number, number][][][] };
type Shapes = { unit: { level: string; code: string; name: string }; children: Shape[] };
type Feature = { properties: { code: string; name: string; level: string; parentCode: string | null } };

const demo = JSON.parse(readFileSync(join(__dirname, '../../data/demo-county/regions.geojson'), 'utf8')) as { features: Feature[] };
const childrenOf = (code: string) =>
  demo.features
    .filter((f) => f.properties.parentCode === code && f.properties.level !== 'microGrid')
    .map((f) => f.properties.code)
    .sort();

let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
}, 120_000);
afterAll(async () => cloud?.stop());

const shapes = (event: unknown, openid: string = DEMO.countyCentre) => cloud.call<Shapes>('regionShapes', event, openid);

/** The scans of `regions` a call made: the index each used. */
async function regionScans<T>(call: () => Promise<T>): Promise<{ result: T; indexes: (string | null | undefined)[] }> {
  const stats = cloud.testCloud.cloud.database.stats;
  const before = new Set(stats.recentScans);
  const result = await call();
  const scans = stats.recentScans.filter((scan) => !before.has(scan) && scan.collection === 'regions');
  return { result, indexes: scans.map((scan) => scan.index) };
}

describe('regionShapes: the outlines a dashboard map draws', () => {
  it.each([
    ['county', '410399'],
    ['street', '410399001'],
    ['community', '410399001001'],
  ])('answers every child of the %s %s, in code order, each a closed outline', async (level, code) => {
    const answer = await shapes({ level, code });
    if (!answer.ok) throw new Error(answer.code);
    expect(answer.data.unit).toEqual({ level, code, name: demo.features.find((f) => f.properties.code === code)?.properties.name });
    expect(answer.data.children.map((c) => c.code)).toEqual(childrenOf(code));
    for (const child of answer.data.children) {
      const ring = child.polygons[0]?.[0] ?? [];
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
    }
  });

  it('draws a grid as itself', async () => {
    const answer = await shapes({ level: 'grid', code: '410399001001-03' });
    expect(answer.ok && answer.data.children.map((c) => [c.code, c.name])).toEqual([['410399001001-03', '城关社区第3网格']]);
  });

  it('reads the children on the level_parent index', async () => {
    const { result, indexes } = await regionScans(() => shapes({ level: 'street', code: '410399002' }));
    expect(result.ok).toBe(true);
    expect(indexes).toEqual([expect.stringMatching(/:level_parent$/)]);
  });

  it('simplifies an outline by dropping corners, never by moving one', async () => {
    const answer = await shapes({ level: 'county', code: '410399' });
    if (!answer.ok) throw new Error(answer.code);
    const street = answer.data.children[0] as Shape;
    const original = JSON.stringify(demo.features.find((f) => f.properties.code === street.code));
    for (const [lng, lat] of street.polygons.flat(2)) expect(original).toContain(`[${lng},${lat}]`);
  });

  it('answers the community centre its community and below, and refuses it the street above', async () => {
    expect((await shapes({ level: 'community', code: '410399001001' }, DEMO.communityCentre)).ok).toBe(true);
    expect((await shapes({ level: 'grid', code: '410399001001-09' }, DEMO.communityCentre)).ok).toBe(true);
    const above = await shapes({ level: 'street', code: '410399001' }, DEMO.communityCentre);
    expect(!above.ok && above.code).toBe('AUTH.FORBIDDEN');
    const neighbour = await shapes({ level: 'community', code: '410399001002' }, DEMO.communityCentre);
    expect(!neighbour.ok && neighbour.code).toBe('AUTH.FORBIDDEN');
  });

  it('answers a 网格长 their own grid only, and refuses a 网格员 and a resident', async () => {
    expect((await shapes({ level: 'grid', code: '410399001001-03' }, DEMO.gridLeader)).ok).toBe(true);
    for (const [event, openid] of [
      [{ level: 'grid', code: '410399001001-09' }, DEMO.gridLeader],
      [{ level: 'community', code: '410399001001' }, DEMO.gridLeader],
      [{ level: 'grid', code: '410399001001-03' }, DEMO.gridWorker],
      [{ level: 'county', code: '410399' }, DEMO.resident],
    ] as const) {
      const answer = await shapes(event, openid);
      expect(!answer.ok && answer.code).toBe('AUTH.FORBIDDEN');
    }
  });

  it('refuses a code that is no unit, or a level that is not the code’s, as it refuses a stranger', async () => {
    for (const event of [
      { level: 'county', code: '410398' },
      { level: 'street', code: '410399' },
      { level: 'grid', code: '410399001001-99' },
    ]) {
      const answer = await shapes(event);
      expect(!answer.ok && answer.code).toBe('AUTH.FORBIDDEN');
    }
  });
});
