import { lngLat, type Actor, type LngLat } from '@pingan/shared';
import { followProblem, mayView, nearbyReportsOf, nearbySearchOf, seesReporter } from '@pingan/shared/report';

const HERE = lngLat(111.5875, 33.7969);
/** A point `north` metres north of HERE (1° of latitude is 111,195 m by haversine). */
const north = (m: number): LngLat => lngLat(HERE[0], HERE[1] + m / 111_195.08);
const T = 1_750_000_000_000;

type Near = {
  id: string;
  categoryCode: string;
  status: 'submitted' | 'in_progress' | 'closed' | 'rejected';
  submittedAt: number;
  location?: LngLat;
};
const near = (id: string, fields: Partial<Near> = {}): Near => ({
  id,
  categoryCode: 'HJWS',
  status: 'submitted',
  submittedAt: T,
  location: HERE,
  ...fields,
});

describe('nearbySearchOf', () => {
  it('asks around the point within the radius, with no time window and no report to leave out', () => {
    expect(nearbySearchOf('HJWS', HERE, 50)).toEqual({ categoryCode: 'HJWS', location: HERE, radiusM: 50, since: 0 });
  });

  it('asks nothing for a category never found by place (radius 0)', () => {
    expect(nearbySearchOf('ZAXS', HERE, 0)).toBeUndefined();
  });
});

describe('nearbyReportsOf', () => {
  const search = nearbySearchOf('HJWS', HERE, 50)!;

  it('keeps open reports of the category within the radius, nearest first, then the oldest', () => {
    const found = [
      near('far', { location: north(51) }),
      near('closed', { status: 'closed' }),
      near('rejected', { status: 'rejected' }),
      near('other', { categoryCode: 'XFYH' }),
      near('newer', { location: north(20), submittedAt: T + 1 }),
      near('older', { location: north(20) }),
      near('here', { status: 'in_progress' }),
    ];
    expect(nearbyReportsOf(search, found).map(({ report }) => report.id)).toEqual(['here', 'older', 'newer']);
  });

  it('tells the distance to the nearest 10 m only', () => {
    expect(
      nearbyReportsOf(search, [near('a', { location: north(23) }), near('b', { location: north(47) })]).map((n) => n.distanceM),
    ).toEqual([20, 50]);
  });

  it('lists at most 10', () => {
    const many = Array.from({ length: 12 }, (_, i) => near(`r${String(i).padStart(2, '0')}`, { location: north(i) }));
    expect(nearbyReportsOf(search, many)).toHaveLength(10);
  });
});

describe('followProblem', () => {
  const open = { reporterId: 'u-reporter', status: 'submitted' as const };

  it('lets anyone follow an open report of someone else’s that 我也遇到 could show', () => {
    expect(followProblem(open, 'u-neighbour', 50, false)).toBeUndefined();
  });

  it('refuses one’s own report, and a report no longer open', () => {
    expect(followProblem(open, 'u-reporter', 50, true)).toBe('own');
    expect(followProblem({ ...open, status: 'closed' }, 'u-worker', 50, true)).toBe('not_open');
  });

  it('hides what the caller could never have found and may not see: a closed report, a category of radius 0', () => {
    expect(followProblem({ ...open, status: 'closed' }, 'u-neighbour', 50, false)).toBe('hidden');
    expect(followProblem(open, 'u-neighbour', 0, false)).toBe('hidden');
  });
});

describe('a follower’s view', () => {
  const GRID = '410399001001-03';
  const report = {
    reporterId: 'u-reporter',
    regionPath: { county: '410399', street: '410399001', community: '410399001001', grid: GRID },
    anonymous: false,
    ownerCode: GRID,
    ownerLevel: 'grid' as const,
  };
  const neighbour: Actor = { id: 'u-neighbour', roles: ['resident'], gridCodes: [GRID] };

  it('may read a report it follows, and only then', () => {
    expect(mayView(neighbour, report)).toBe(false);
    expect(mayView(neighbour, report, true)).toBe(true);
  });

  it('never sees its reporter, as if it were anonymous', () => {
    expect(seesReporter(neighbour, report)).toBe(false);
  });
});
