import { readDemoPeople } from '../../../tools/demo-signin-users';

/** The openid of a demo person by name (张秀兰 → o-demo-resident-01). */
export function demoOpenid(name: string): string {
  const person = readDemoPeople().people.find((p) => p.name === name);
  if (!person) throw new Error(`no demo person named ${name}`);
  return person.openid;
}
