/**
 * How long the local database's geo operators take on a full scan (they use no index), on the demo county
 * and on synthetic report points. Run: `npx tsx bench/db-geo.bench.ts [--write-baseline]`. Prints one line per
 * case against bench/baselines/db-geo.json and exits non-zero if a case is more than 3× slower.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Aggregator, Query } from 'mingo';
import { sortByNearSphere, withGeoOperators } from '../localcloud/src/db/geo';
import { compareWithBaseline, type Figure } from './lib/baseline';

type Doc = Record<string, unknown>;
const options = withGeoOperators();

/** Milliseconds per run after a warm-up run; the note says how many documents a run matched. */
function timePerRun(runs: number, run: () => number): Figure {
  run(); // warm up the JIT and turf's lazy paths
  const started = process.hrtime.bigint();
  let matched = 0;
  for (let i = 0; i < runs; i += 1) matched = run();
  const ms = Number(process.hrtime.bigint() - started) / 1e6 / runs;
  return { value: ms, unit: 'ms/run', better: 'lower', note: `${matched} matched` };
}

const regions: Doc[] = (
  JSON.parse(readFileSync(join(__dirname, '../data/demo-county/regions.geojson'), 'utf8')) as {
    features: { properties: { code: string; level: string }; geometry: unknown }[];
  }
).features.map(({ properties, geometry }) => ({ _id: properties.code, level: properties.level, boundary: geometry }));

// Report points spread over the county's extent (README: lng 111.573–111.607, lat 33.779–33.801).
let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const reports: Doc[] = Array.from({ length: 10_000 }, (_, i) => ({
  _id: `r${i}`,
  status: i % 3 === 0 ? 'closed' : 'open',
  location: { type: 'Point', coordinates: [111.573 + random() * 0.034, 33.779 + random() * 0.022] },
}));

const demoPoint = { type: 'Point', coordinates: [111.587499, 33.796931] };
const filterCount = (docs: Doc[], query: Doc) => {
  const compiled = new Query(query, options);
  return docs.filter((doc) => compiled.test(doc)).length;
};

console.log(`node ${process.version}; ${regions.length} regions, ${reports.length} report points`);
const community = regions.find((region) => region._id === '410399001001') as Doc;
const nearQuery = { status: 'open', location: { $nearSphere: { $geometry: demoPoint, $maxDistance: 500 } } };
compareWithBaseline('db-geo', {
  'route a point: $geoIntersects over 51 region polygons': timePerRun(200, () =>
    filterCount(regions, { level: 'grid', boundary: { $geoIntersects: { $geometry: demoPoint } } }),
  ),
  'nearest grid within 50 m: $geoNear over 51 regions': timePerRun(
    200,
    () =>
      new Aggregator(
        [{ $geoNear: { near: demoPoint, distanceField: 'd', key: 'boundary', maxDistance: 50, query: { level: 'grid' } } }],
        options,
      ).run(regions).length,
  ),
  '$geoWithin a community polygon over 51 regions': timePerRun(20, () =>
    filterCount(regions, { boundary: { $geoWithin: { $geometry: community.boundary } } }),
  ),
  '$geoWithin a community polygon over 10,000 points': timePerRun(20, () =>
    filterCount(reports, { location: { $geoWithin: { $geometry: community.boundary } } }),
  ),
  '$nearSphere 500 m filter + sortByNearSphere over 10,000 points': timePerRun(20, () => {
    const compiled = new Query(nearQuery, options);
    return sortByNearSphere(
      reports.filter((doc) => compiled.test(doc)),
      nearQuery,
    ).length;
  }),
  '$geoNear (all 10,000, distance-sorted) then $limit 20': timePerRun(
    20,
    () =>
      new Aggregator([{ $geoNear: { near: demoPoint, distanceField: 'd', key: 'location' } }, { $limit: 20 }], options).run(reports).length,
  ),
});
