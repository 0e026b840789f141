import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Aggregator, Context, Query } from 'mingo';
import { findNearSphere, sortByNearSphere, withGeoOperators } from '../../localcloud/src/db/geo';

type Doc = Record<string, unknown>;
const options = withGeoOperators();

function idsMatching(docs: Doc[], query: Doc): unknown[] {
  const compiled = new Query(query, options);
  return docs.filter((doc) => compiled.test(doc)).map((doc) => doc._id);
}

function aggregate(docs: Doc[], stages: Doc[]): Doc[] {
  return new Aggregator(stages, options).run(docs) as Doc[];
}

const point = (lng: number, lat: number) => ({ type: 'Point', coordinates: [lng, lat] });
/** An axis-aligned square as a closed counter-clockwise ring. */
const square = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const polygon = (...rings: number[][][]) => ({ type: 'Polygon', coordinates: rings });

// Two unit squares side by side, sharing the edge lng = 1; a square with a hole; a two-part multipolygon.
const grids: Doc[] = [
  { _id: 'west', boundary: polygon(square(0, 0, 1, 1)) },
  { _id: 'east', boundary: polygon(square(1, 0, 2, 1)) },
  { _id: 'ring', boundary: polygon(square(10, 0, 13, 3), square(11, 1, 12, 2)) },
  { _id: 'islands', boundary: { type: 'MultiPolygon', coordinates: [[square(20, 0, 21, 1)], [square(22, 0, 23, 1)]] } },
  { _id: 'no-boundary', name: 'x' },
  { _id: 'not-geojson', boundary: { type: 'Circle', coordinates: [0.5, 0.5] } },
];

const intersectsPoint = (lng: number, lat: number) => ({ boundary: { $geoIntersects: { $geometry: point(lng, lat) } } });

describe('$geoIntersects with a Point query against Polygon fields (routing a report to its grid)', () => {
  it('finds the one grid that contains the point', () => {
    expect(idsMatching(grids, intersectsPoint(0.5, 0.5))).toEqual(['west']);
  });

  it('matches both grids for a point on their shared edge', () => {
    expect(idsMatching(grids, intersectsPoint(1, 0.5))).toEqual(['west', 'east']);
  });

  it('matches a point on a corner vertex', () => {
    expect(idsMatching(grids, intersectsPoint(0, 0))).toEqual(['west']);
  });

  it('does not match a point inside a hole, but matches one in the ring around it', () => {
    expect(idsMatching(grids, intersectsPoint(11.5, 1.5))).toEqual([]);
    expect(idsMatching(grids, intersectsPoint(10.5, 1.5))).toEqual(['ring']);
  });

  it('matches a multipolygon through either of its parts, not the gap between them', () => {
    expect(idsMatching(grids, intersectsPoint(22.5, 0.5))).toEqual(['islands']);
    expect(idsMatching(grids, intersectsPoint(21.5, 0.5))).toEqual([]);
  });

  it('matches nothing for a point outside every polygon, and skips fields without GeoJSON', () => {
    expect(idsMatching(grids, intersectsPoint(5, 5))).toEqual([]);
  });

  it('matches Point fields inside a query polygon and LineString queries crossing polygons', () => {
    const reports: Doc[] = [
      { _id: 'in', at: point(0.5, 0.5) },
      { _id: 'out', at: point(3, 3) },
    ];
    expect(idsMatching(reports, { at: { $geoIntersects: { $geometry: polygon(square(0, 0, 1, 1)) } } })).toEqual(['in']);
    const road = {
      type: 'LineString',
      coordinates: [
        [0.5, -1],
        [0.5, 2],
      ],
    };
    expect(idsMatching(grids, { boundary: { $geoIntersects: { $geometry: road } } })).toEqual(['west']);
  });

  it('matches an array field when any of its geometries matches', () => {
    const docs: Doc[] = [{ _id: 'two-sites', sites: [point(5, 5), point(0.5, 0.5)] }];
    expect(idsMatching(docs, { sites: { $geoIntersects: { $geometry: polygon(square(0, 0, 1, 1)) } } })).toEqual(['two-sites']);
  });

  it('combines with ordinary conditions', () => {
    expect(idsMatching(grids, { _id: { $ne: 'west' }, ...intersectsPoint(1, 0.5) })).toEqual(['east']);
  });

  it('rejects a query without a GeoJSON $geometry as INVALID_PARAM', () => {
    expect(() => new Query({ boundary: { $geoIntersects: { $geometry: { type: 'Point' } } } }, options)).toThrow(
      expect.objectContaining({ code: 'INVALID_PARAM' }),
    );
  });
});

describe('$geoWithin', () => {
  const places: Doc[] = [
    { _id: 'inside', at: point(0.5, 0.5) },
    { _id: 'on-edge', at: point(1, 0.5) },
    { _id: 'outside', at: point(1.5, 0.5) },
    { _id: 'small-square', at: polygon(square(0.2, 0.2, 0.4, 0.4)) },
    { _id: 'straddling-square', at: polygon(square(0.8, 0.2, 1.2, 0.4)) },
    {
      _id: 'short-line',
      at: {
        type: 'LineString',
        coordinates: [
          [0.1, 0.1],
          [0.9, 0.9],
        ],
      },
    },
    {
      _id: 'far-line',
      at: {
        type: 'LineString',
        coordinates: [
          [0.1, 0.1],
          [3, 3],
        ],
      },
    },
  ];

  it('keeps geometries entirely inside a polygon, counting points on the boundary as inside', () => {
    expect(idsMatching(places, { at: { $geoWithin: { $geometry: polygon(square(0, 0, 1, 1)) } } })).toEqual([
      'inside',
      'on-edge',
      'small-square',
      'short-line',
    ]);
  });

  it('leaves out what lies in a hole of the query polygon', () => {
    const withHole = polygon(square(0, 0, 1, 1), square(0.15, 0.15, 0.6, 0.6));
    expect(idsMatching(places, { at: { $geoWithin: { $geometry: withHole } } })).toEqual(['on-edge']);
  });

  it('accepts a MultiPolygon region', () => {
    const region = { type: 'MultiPolygon', coordinates: [[square(0.4, 0.4, 0.6, 0.6)], [square(1.4, 0.4, 1.6, 0.6)]] };
    expect(idsMatching(places, { at: { $geoWithin: { $geometry: region } } })).toEqual(['inside', 'outside']);
  });

  it('keeps geometries inside a $centerSphere cap given in radians', () => {
    // 0.6° of longitude at the equator is about 66.8 km; 0.6° in radians is 0.010472.
    const cap = { $centerSphere: [[0.5, 0.5], (0.6 * Math.PI) / 180] };
    expect(idsMatching(places, { at: { $geoWithin: cap } })).toEqual(['inside', 'on-edge', 'small-square', 'short-line']);
  });

  it('rejects a non-areal $geometry as INVALID_PARAM', () => {
    expect(() => new Query({ at: { $geoWithin: { $geometry: point(0, 0) } } }, options)).toThrow(
      expect.objectContaining({ code: 'INVALID_PARAM' }),
    );
  });
});

// Points along the equator 0.001° apart: 111.32 m each on MongoDB's 6,378,100 m sphere.
const STEP_METRES = (0.001 * Math.PI * 6_378_100) / 180;
const stops: Doc[] = [
  { _id: 'three', at: point(0.003, 0), kind: 'shop' },
  { _id: 'one', at: point(0.001, 0), kind: 'shop' },
  { _id: 'zero', at: point(0, 0), kind: 'school' },
  { _id: 'two', at: point(0.002, 0), kind: 'school' },
  { _id: 'nowhere', kind: 'shop' },
];
const nearOrigin = (bounds: Doc = {}) => ({ at: { $nearSphere: { $geometry: point(0, 0), ...bounds } } });

describe('$nearSphere', () => {
  it('keeps documents between $minDistance and $maxDistance metres, both inclusive', () => {
    const query = nearOrigin({ $minDistance: STEP_METRES - 1, $maxDistance: 2 * STEP_METRES + 1 });
    expect(idsMatching(stops, query).sort()).toEqual(['one', 'two']);
  });

  it('treats the null bounds the SDK sends for missing ones as no bound', () => {
    expect(idsMatching(stops, nearOrigin({ $maxDistance: null, $minDistance: null })).sort()).toEqual(['one', 'three', 'two', 'zero']);
  });

  it('orders matches nearest first through sortByNearSphere', () => {
    const query = nearOrigin({ $maxDistance: 2.5 * STEP_METRES });
    const matching = stops.filter((doc) => new Query(query, options).test(doc));
    expect(sortByNearSphere(matching, query).map((doc) => doc._id)).toEqual(['zero', 'one', 'two']);
  });

  it('finds the $nearSphere inside a top-level $and, as _.and([...]) sends it', () => {
    const query = { $and: [{ kind: 'shop' }, nearOrigin()] };
    expect(findNearSphere(query)).toEqual({ field: 'at', near: { point: [0, 0], maxDistance: undefined, minDistance: undefined } });
    expect(sortByNearSphere(stops, query).map((doc) => doc._id)).toEqual(['zero', 'one', 'two', 'three', 'nowhere']);
  });

  it('leaves the order alone when the query has no $nearSphere', () => {
    expect(sortByNearSphere(stops, { kind: 'shop' })).toBe(stops);
    expect(findNearSphere({ kind: 'shop', $or: [nearOrigin()] })).toBeUndefined();
  });

  it('measures zero to a polygon that contains the point, and to its nearest edge otherwise', () => {
    const areas: Doc[] = [
      { _id: 'around', at: polygon(square(-1, -1, 1, 1)) },
      { _id: 'beside', at: polygon(square(0.002, -1, 1, 1)) },
    ];
    expect(idsMatching(areas, nearOrigin({ $maxDistance: 0 }))).toEqual(['around']);
    expect(idsMatching(areas, nearOrigin({ $maxDistance: 2 * STEP_METRES + 0.01 })).sort()).toEqual(['around', 'beside']);
  });

  it('rejects a non-Point $geometry and a negative distance as INVALID_PARAM', () => {
    const invalid = [{ at: { $nearSphere: { $geometry: polygon(square(0, 0, 1, 1)) } } }, nearOrigin({ $maxDistance: -1 })];
    for (const query of invalid) {
      expect(() => new Query(query, options)).toThrow(expect.objectContaining({ code: 'INVALID_PARAM' }));
    }
  });
});

describe('$geoNear aggregation stage', () => {
  const geoNear = (spec: Doc) => ({ $geoNear: { near: point(0, 0), distanceField: 'dist', key: 'at', ...spec } });

  it('adds the distance in metres and orders the documents nearest first', () => {
    const rows = aggregate(stops, [geoNear({})]);
    expect(rows.map((row) => row._id)).toEqual(['zero', 'one', 'two', 'three']);
    expect(rows.map((row) => row.dist)).toEqual([0, 1, 2, 3].map((n) => expect.closeTo(n * STEP_METRES, 6)));
  });

  it('applies its query, maxDistance and minDistance', () => {
    const rows = aggregate(stops, [geoNear({ query: { kind: 'shop' }, minDistance: 1, maxDistance: 2.5 * STEP_METRES })]);
    expect(rows.map((row) => row._id)).toEqual(['one']);
  });

  it('scales by distanceMultiplier, writes dotted fields and includeLocs, and leaves the input untouched', () => {
    const input = [{ _id: 'one', at: point(0.001, 0), meta: { kept: true } }];
    const [row] = aggregate(input, [geoNear({ distanceField: 'meta.km', distanceMultiplier: 0.001, includeLocs: 'meta.loc' })]);
    expect(row).toEqual({
      _id: 'one',
      at: point(0.001, 0),
      meta: { kept: true, km: expect.closeTo(STEP_METRES / 1000, 9), loc: point(0.001, 0) },
    });
    expect(input[0]).toEqual({ _id: 'one', at: point(0.001, 0), meta: { kept: true } });
  });

  it('uses the first field holding GeoJSON when no key is given, and feeds later stages', () => {
    const rows = aggregate(stops, [{ $geoNear: { near: point(0, 0), distanceField: 'd' } }, { $match: { kind: 'school' } }, { $limit: 1 }]);
    expect(rows.map((row) => row._id)).toEqual(['zero']);
  });

  it('accepts geo operators in its query', () => {
    const rows = aggregate(stops, [geoNear({ query: { at: { $geoWithin: { $geometry: polygon(square(0.0015, -1, 1, 1)) } } } })]);
    expect(rows.map((row) => row._id)).toEqual(['two', 'three']);
  });

  it('requires distanceField and a Point near', () => {
    expect(() => aggregate(stops, [{ $geoNear: { near: point(0, 0) } }])).toThrow(expect.objectContaining({ code: 'INVALID_PARAM' }));
    expect(() => aggregate(stops, [{ $geoNear: { near: polygon(square(0, 0, 1, 1)), distanceField: 'd' } }])).toThrow(
      expect.objectContaining({ code: 'INVALID_PARAM' }),
    );
  });
});

describe('the geo operators context', () => {
  it('is needed: plain mingo does not know $geoIntersects', () => {
    expect(() => new Query(intersectsPoint(0, 0))).toThrow(/\$geoIntersects/);
  });

  it('adds to a context the caller already has', () => {
    const $isEven = (selector: string, _value: unknown, _options: unknown) => (doc: Doc) => Number(doc[selector]) % 2 === 0;
    const merged = withGeoOperators({ context: Context.init({ query: { $isEven } }) });
    const query = new Query({ n: { $isEven: true }, ...intersectsPoint(0.5, 0.5) }, merged);
    expect(query.test({ n: 2, boundary: polygon(square(0, 0, 1, 1)) })).toBe(true);
    expect(query.test({ n: 3, boundary: polygon(square(0, 0, 1, 1)) })).toBe(false);
  });
});

describe('the demo county (data/demo-county, expectations from its README)', () => {
  interface Feature {
    properties: { code: string; level: string; parentCode: string | null };
    geometry: unknown;
  }
  const geojson = JSON.parse(readFileSync(join(__dirname, '../../data/demo-county/regions.geojson'), 'utf8')) as { features: Feature[] };
  const regions: Doc[] = geojson.features.map(({ properties, geometry }) => ({
    _id: properties.code,
    level: properties.level,
    parentCode: properties.parentCode,
    boundary: geometry,
  }));
  const gridsAt = (lng: number, lat: number, levels = ['grid', 'microGrid']) =>
    idsMatching(regions, { level: { $in: levels }, ...intersectsPoint(lng, lat) });
  const nearestGrids = (lng: number, lat: number, maxDistance: number) =>
    aggregate(regions, [
      { $geoNear: { near: point(lng, lat), distanceField: 'metres', key: 'boundary', maxDistance, query: { level: 'grid' } } },
      { $project: { metres: 1 } },
    ]);

  it('routes the demo point to the demo grid', () => {
    expect(gridsAt(111.587499, 33.796931)).toEqual(['410399001001-03']);
  });

  it('puts a point in a micro-grid in that micro-grid and its grid', () => {
    expect(gridsAt(111.586112, 33.799899).sort()).toEqual(['410399001001-01', '410399001001-01-02']);
  });

  it('finds no grid in the river, and the two banks nearest first at the README distances', () => {
    expect(gridsAt(111.592104, 33.791396)).toEqual([]);
    // The README's 8.00 m and 31.91 m are measured on a smaller sphere; ours is MongoDB's, 0.1% larger.
    expect(nearestGrids(111.592104, 33.791396, 50)).toEqual([
      { _id: '410399001001-09', metres: expect.closeTo(8.0 * 1.001, 1) },
      { _id: '410399002001-05', metres: expect.closeTo(31.91 * 1.001, 1) },
    ]);
  });

  it('finds no grid within 50 m of the point outside the county; the nearest is 217 m away', () => {
    expect(gridsAt(111.571415, 33.789997)).toEqual([]);
    expect(nearestGrids(111.571415, 33.789997, 50)).toEqual([]);
    expect(nearestGrids(111.571415, 33.789997, 1000)[0]).toEqual({ _id: '410399001002-04', metres: expect.closeTo(217, -1) });
  });

  it('sends a point on a vertex shared by four grids to all four', () => {
    expect(gridsAt(111.584493, 33.795386, ['grid']).sort()).toEqual([
      '410399001001-01',
      '410399001001-03',
      '410399001001-06',
      '410399001001-07',
    ]);
  });

  it('finds exactly a community, its 9 grids and their micro-grids within the community boundary', () => {
    const community = regions.find((region) => region._id === '410399001001') as Doc;
    const within = idsMatching(regions, { boundary: { $geoWithin: { $geometry: community.boundary } } });
    const expected = regions
      .filter((r) => r._id === '410399001001' || r.parentCode === '410399001001' || String(r.parentCode).startsWith('410399001001-'))
      .map((r) => r._id);
    expect(expected).toHaveLength(13);
    expect(within.sort()).toEqual(expected.sort());
  });
});
