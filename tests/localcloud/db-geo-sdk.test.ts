import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';

// Geo queries end to end: the real wx-server-sdk encodes them, the local cloud's database answers.
interface Feature {
  properties: { code: string; level: string; parentCode: string | null };
  geometry: { type: 'Polygon'; coordinates: [number, number][][] };
}
const features = (
  JSON.parse(readFileSync(join(__dirname, '../../data/demo-county/regions.geojson'), 'utf8')) as {
    features: Feature[];
  }
).features;

let testCloud: TestCloud;
let db: ReturnType<ReturnType<TestCloud['sdk']>['database']>;

function toGeoPolygon(rings: [number, number][][]) {
  const { Geo } = db;
  return Geo.Polygon(rings.map((ring) => Geo.LineString(ring.map(([lng, lat]) => Geo.Point(lng, lat)))));
}

// The SDK's typings add `void | string` to every result (for its callback forms); these calls return data.
const idsOf = (result: unknown) => (result as { data: { _id: string }[] }).data.map((doc) => doc._id);

beforeAll(async () => {
  testCloud = await startTestCloud();
  db = testCloud.sdk().database();
  await db.createCollection('grids');
  for (const { properties, geometry } of features) {
    await db.collection('grids').add({
      data: {
        _id: properties.code,
        level: properties.level,
        parentCode: properties.parentCode,
        boundary: toGeoPolygon(geometry.coordinates),
      },
    });
  }
  await db.createCollection('reports');
  for (let i = 0; i < 5; i += 1) {
    // Along the equator, 0.001° (about 111 m) apart, inserted farthest first.
    await db.collection('reports').add({ data: { _id: `r${4 - i}`, location: db.Geo.Point(0.001 * (4 - i), 0) } });
  }
});

afterAll(async () => {
  await testCloud?.stop();
});

describe('geo queries through the real wx-server-sdk', () => {
  it('routes the demo point to its grid with _.geoIntersects', async () => {
    const _ = db.command;
    const result = await db
      .collection('grids')
      .where({ level: 'grid', boundary: _.geoIntersects({ geometry: db.Geo.Point(111.587499, 33.796931) }) })
      .get();
    expect(idsOf(result)).toEqual(['410399001001-03']);
  });

  it('returns the grid boundary as a db.Geo.Polygon the SDK can read back', async () => {
    const result = await db.collection('grids').doc('410399001001-03').get();
    const { boundary } = (result as unknown as { data: { boundary: { toJSON(): unknown } } }).data;
    const original = features.find((f) => f.properties.code === '410399001001-03') as Feature;
    expect(boundary.toJSON()).toEqual(original.geometry);
  });

  it('finds the river banks nearest first with _.geoNear and maxDistance', async () => {
    const _ = db.command;
    const river = db.Geo.Point(111.592104, 33.791396);
    const inside = await db
      .collection('grids')
      .where({ level: 'grid', boundary: _.geoIntersects({ geometry: river }) })
      .get();
    expect(idsOf(inside)).toEqual([]);
    const near = await db
      .collection('grids')
      .where({ level: 'grid', boundary: _.geoNear({ geometry: river, maxDistance: 50 }) })
      .get();
    expect(idsOf(near)).toEqual(['410399001001-09', '410399002001-05']);
  });

  it('orders points by distance before skip and limit', async () => {
    const _ = db.command;
    const result = await db
      .collection('reports')
      .where({ location: _.geoNear({ geometry: db.Geo.Point(0, 0), minDistance: 100 }) })
      .skip(1)
      .limit(2)
      .get();
    expect(idsOf(result)).toEqual(['r2', 'r3']);
  });

  it('finds a community and everything inside it with _.geoWithin', async () => {
    const _ = db.command;
    const community = features.find((f) => f.properties.code === '410399001001') as Feature;
    const result = await db
      .collection('grids')
      .where({ boundary: _.geoWithin({ geometry: toGeoPolygon(community.geometry.coordinates) }) })
      .get();
    expect(idsOf(result)).toHaveLength(13);
    expect(idsOf(result).every((id) => id.startsWith('410399001001'))).toBe(true);
  });

  it('keeps points inside a centerSphere', async () => {
    const _ = db.command;
    const radians = 250 / 6_378_100; // 250 m: r0, r1 (111 m) and r2 (223 m)
    // The SDK's typings leave out centerSphere, which its query encoder supports.
    const centerSphere = { centerSphere: [db.Geo.Point(0, 0), radians] } as unknown as Parameters<typeof _.geoWithin>[0];
    const result = await db
      .collection('reports')
      .where({ location: _.geoWithin(centerSphere) })
      .get();
    expect(idsOf(result).sort()).toEqual(['r0', 'r1', 'r2']);
  });

  it('adds distances with aggregate().geoNear()', async () => {
    const result = await db
      .collection('grids')
      .aggregate()
      .geoNear({
        near: db.Geo.Point(111.592104, 33.791396),
        distanceField: 'metres',
        maxDistance: 50,
        query: { level: 'grid' },
        key: 'boundary',
        spherical: true,
      })
      .project({ metres: 1 })
      .end();
    expect((result as { list: unknown[] }).list).toEqual([
      { _id: '410399001001-09', metres: expect.closeTo(8.0, 0) },
      { _id: '410399002001-05', metres: expect.closeTo(31.9, 0) },
    ]);
  });
});
