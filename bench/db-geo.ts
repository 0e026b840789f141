/**
 * How long the local database's geo operators take on a full scan (they use no index), on the demo county
 * and on synthetic report points. Run: `npx tsx bench/db-geo.ts`. Prints one line per case.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Aggregator, Query } from 'mingo';
import { sortByNearSphere, withGeoOperators } from '../localcloud/src/db/geo';

type Doc = Record<string, unknown>;
const options = withGeoOperators();

function timePerRun(label: string, runs: number, run: () => number): void {
  run(); // warm up the JIT and turf's lazy paths
  const started = process.hrtime.bigint();
  let matched = 0;
  for (let i = 0; i < runs; i += 1) matched = run();
  const ms = Number(process.hrtime.bigint() - started) / 1e6 / runs;
  console.log(`${label.padEnd(62)} ${ms.toFixed(3).padStart(9)} ms/run  (${matched} matched)`);
}

const regions: Doc[] = (JSON.parse(readFileSync(join(__dirname, '../data/demo-county/regions.geojson'), 'utf8')) as {
  features: { properties: { code: string; level: string }; geometry: unknown }[];
}).features.map(({ properties, geometry }) => ({ _id: properties.code, level: properties.level, boundary: geometry }));

// Report points spread over the county's extent (README: lng 111.573–111.607, lat 33.779–33.801).
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
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
timePerRun('route a point: $geoIntersects over 51 region polygons', 200, () =>
  filterCount(regions, { level: 'grid', boundary: { $geoIntersects: { $geometry: demoPoint } } }));
timePerRun('nearest grid within 50 m: $geoNear over 51 regions', 200, () =>
  new Aggregator([{ $geoNear: { near: demoPoint, distanceField: 'd', key: 'boundary', maxDistance: 50, query: { level: 'grid' } } }], options)
    .run(regions).length);
const community = regions.find((region) => region._id === '410399001001') as Doc;
timePerRun('$geoWithin a community polygon over 51 regions', 20, () =>
  filterCount(regions, { boundary: { $geoWithin: { $geometry: community.boundary } } }));
timePerRun('$geoWithin a community polygon over 10,000 points', 20, () =>
  filterCount(reports, { location: { $geoWithin: { $geometry: community.boundary } } }));
const nearQuery = { status: 'open', location: { $nearSphere: { $geometry: demoPoint, $maxDistance: 500 } } };
timePerRun('$nearSphere 500 m filter + sortByNearSphere over 10,000 points', 20, () => {
  const compiled = new Query(nearQuery, options);
  return sortByNearSphere(reports.filter((doc) => compiled.test(doc)), nearQuery).length;
});
timePerRun('$geoNear (all 10,000, distance-sorted) then $limit 20', 20, () =>
  new Aggregator([{ $geoNear: { near: demoPoint, distanceField: 'd', key: 'location' } }, { $limit: 20 }], options)
    .run(reports).length);
