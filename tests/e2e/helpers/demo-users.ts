import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '../../..');

interface DemoPeople {
  people: { id: string; openid: string; name: string; role: string }[];
  demoSignIn: { id: string; label: string }[];
}

function readPeople(): DemoPeople {
  return JSON.parse(readFileSync(join(repoRoot, 'data/demo-county/people.json'), 'utf8')) as DemoPeople;
}

/** The openid of a demo person by name (张秀兰 → o-demo-resident-01). */
export function demoOpenid(name: string): string {
  const person = readPeople().people.find((p) => p.name === name);
  if (!person) throw new Error(`no demo person named ${name}`);
  return person.openid;
}

/**
 * Writes the local cloud's sign-in users file: the six demo users first, with their picker labels, so
 * the sign-in page lists them on top; the rest of the county after them.
 */
export function writeDemoSigninUsers(file: string): void {
  const { people, demoSignIn } = readPeople();
  const labels = new Map(demoSignIn.map((d) => [d.id, d.label]));
  const demo = demoSignIn.flatMap((d) => people.filter((p) => p.id === d.id));
  const rest = people.filter((p) => !labels.has(p.id));
  const users = [...demo, ...rest].map((p) => ({ openid: p.openid, name: p.name, label: labels.get(p.id) ?? p.role }));
  writeFileSync(file, `${JSON.stringify(users, null, 2)}\n`);
}
