import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './config';

interface DemoPeople {
  people: { id: string; openid: string; name: string; role: string }[];
  demoSignIn: { id: string; label: string }[];
}

export function readDemoPeople(): DemoPeople {
  return JSON.parse(readFileSync(join(repoRoot, 'data/demo-county/people.json'), 'utf8')) as DemoPeople;
}

/**
 * Writes the local cloud's sign-in users file: the six demo users first, with their picker labels, so
 * the sign-in page lists them on top; the rest of the county after them.
 */
export function writeDemoSigninUsers(file: string): void {
  const { people, demoSignIn } = readDemoPeople();
  const labels = new Map(demoSignIn.map((d) => [d.id, d.label]));
  const demo = demoSignIn.flatMap((d) => people.filter((p) => p.id === d.id));
  const rest = people.filter((p) => !labels.has(p.id));
  const users = [...demo, ...rest].map((p) => ({ openid: p.openid, name: p.name, label: labels.get(p.id) ?? p.role }));
  writeFileSync(file, `${JSON.stringify(users, null, 2)}\n`);
}
