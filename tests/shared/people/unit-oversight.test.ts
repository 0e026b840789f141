import { mayOverseeUnit, type Actor } from '@pingan/shared/people';

const county = { level: 'county', code: '410399', regionPath: { county: '410399' } } as const;
const street = { level: 'street', code: '410399001', regionPath: { county: '410399', street: '410399001' } } as const;
const community = {
  level: 'community',
  code: '410399001001',
  regionPath: { county: '410399', street: '410399001', community: '410399001001' },
} as const;
const grid = (n: string) =>
  ({
    level: 'grid',
    code: `410399001001-${n}`,
    regionPath: { county: '410399', street: '410399001', community: '410399001001', grid: `410399001001-${n}` },
  }) as const;
const otherStreet = { level: 'street', code: '410399002', regionPath: { county: '410399', street: '410399002' } } as const;

const centre = (level: 'county' | 'street' | 'community', regionCode: string): Actor => ({
  id: 'c',
  roles: ['centre'],
  gridCodes: [],
  centre: { level, regionCode },
});
const person = (roles: Actor['roles'], gridCodes: string[]): Actor => ({ id: 'p', roles, gridCodes });

describe('mayOverseeUnit', () => {
  it('lets a centre look over its own region and everything below it', () => {
    const streetCentre = centre('street', '410399001');
    expect([street, community, grid('03')].map((unit) => mayOverseeUnit(streetCentre, unit))).toEqual([true, true, true]);
    expect(mayOverseeUnit(centre('county', '410399'), grid('09'))).toBe(true);
  });

  it('refuses a centre the level above it and a neighbour’s region', () => {
    const streetCentre = centre('street', '410399001');
    expect(mayOverseeUnit(streetCentre, county)).toBe(false);
    expect(mayOverseeUnit(streetCentre, otherStreet)).toBe(false);
  });

  it('lets a 网格长 look over their own grids only, and no 网格员 or resident anything', () => {
    const leader = person(['gridLeader'], ['410399001001-03']);
    expect(mayOverseeUnit(leader, grid('03'))).toBe(true);
    expect(mayOverseeUnit(leader, grid('09'))).toBe(false);
    expect(mayOverseeUnit(leader, community)).toBe(false);
    expect(mayOverseeUnit(person(['gridWorker'], ['410399001001-03']), grid('03'))).toBe(false);
    expect(mayOverseeUnit(person(['resident'], ['410399001001-03']), grid('03'))).toBe(false);
  });

  it('gives no centre rights to a record that has the region but not the role', () => {
    expect(mayOverseeUnit({ ...person(['resident'], []), centre: { level: 'county', regionCode: '410399' } }, grid('03'))).toBe(false);
  });
});
