/**
 * One cold start, run in a fresh process by route.bench.ts: parse a serialized index already read from
 * storage and route one report, as a new cloud-function instance does. Prints the milliseconds.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { lngLat } from '@pingan/shared/geo';
import { indexLocator } from '@pingan/shared/routing';
import { parseGridIndex } from '@pingan/shared/routing';
import { routeReport } from '@pingan/shared/routing';

const [file, lng, lat] = process.argv.slice(2);
const text = readFileSync(file as string, 'utf8');
const start = performance.now();
routeReport(indexLocator(parseGridIndex(text)), { location: lngLat(Number(lng), Number(lat)), departments: [] });
console.log(performance.now() - start);
