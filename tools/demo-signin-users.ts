import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './config';

interface DemoPeople {
  people: { id: string; openid: string; name: string; role: string; gridCodes?: string[]; org?: string; regionCode?: string }[];
  demoSignIn: { id: string; label: string }[];
}

/** The names of the demo county's places by code (regions.geojson). */
function placeNames(): Map<string, string> {
  const regions = JSON.parse(readFileSync(join(repoRoot, 'data/demo-county/regions.geojson'), 'utf8')) as {
    features: { properties: { code: string; name: string } }[];
  };
  return new Map(regions.features.map((feature) => [feature.properties.code, feature.properties.name]));
}

/**
 * Where a person belongs, for the picker's search: their organisation and their grids' names (the first
 * three, then how many more), else their region's name.
 */
function placeOf(person: DemoPeople['people'][number], names: ReadonlyMap<string, string>): string | undefined {
  const codes = person.gridCodes ?? [];
  const grids = codes.slice(0, 3).map((code) => names.get(code) ?? code);
  const gridsText = grids.length === 0 ? undefined : `${grids.join('、')}${codes.length > 3 ? ` 等 ${codes.length} 个网格` : ''}`;
  const parts = [person.org, gridsText].filter((part): part is string => part !== undefined);
  if (parts.length > 0) return parts.join(' · ');
  return person.regionCode === undefined ? undefined : names.get(person.regionCode);
}

export function readDemoPeople(): DemoPeople {
  return JSON.parse(readFileSync(join(repoRoot, 'data/demo-county/people.json'), 'utf8')) as DemoPeople;
}

/**
 * Writes the local cloud's sign-in users file: the six demo users first, with their picker labels, so
 * the sign-in page lists them on top; the rest of the county after them; each with where they belong, so
 * the picker's search finds 第3网格's people among the 140.
 */
export function writeDemoSigninUsers(file: string): void {
  const { people, demoSignIn } = readDemoPeople();
  const labels = new Map(demoSignIn.map((d) => [d.id, d.label]));
  const demo = demoSignIn.flatMap((d) => people.filter((p) => p.id === d.id));
  const rest = people.filter((p) => !labels.has(p.id));
  const names = placeNames();
  const users = [...demo, ...rest].map((p) => {
    const place = placeOf(p, names);
    return { openid: p.openid, name: p.name, label: labels.get(p.id) ?? p.role, ...(place !== undefined && { place }) };
  });
  writeFileSync(file, `${JSON.stringify(users, null, 2)}\n`);
}
