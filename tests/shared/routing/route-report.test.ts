import { scanLocator } from '@pingan/shared/routing';
import { isOutsideCounty, type RouteRequest, routeReport } from '@pingan/shared/routing';
import { at, COMMUNITY, COUNTY, grid, STREET, tinyTree, U } from '../fixtures/tiny-county';

const locator = scanLocator(tinyTree);
const route = (request: Partial<RouteRequest>, maxGapM = 50) => routeReport(locator, { departments: [], ...request }, { maxGapM });
/** Metres east–west for lattice units near the fixture's latitude. */
const eastM = (units: number) => units * U * ((6_371_008.8 * Math.PI) / 180) * Math.cos((33.75 * Math.PI) / 180);

describe('routeReport: the location', () => {
  it('routes a point inside a grid to it, as contained', () => {
    expect(route({ location: at(0.25, 1.5) })).toMatchObject({ reason: 'contained', ownerCode: grid('01'), ownerLevel: 'grid' });
  });

  it('records the micro-grid and lets its grid own the case', () => {
    expect(route({ location: at(0.25, 0.5) })).toMatchObject({ ownerCode: grid('03'), microGridCode: `${grid('03')}-01` });
  });

  it('leaves microGridCode out for a grid without micro-grids', () => {
    expect(route({ location: at(1.5, 0.5) })).not.toHaveProperty('microGridCode');
  });

  it('sends a point on a shared edge to the lower grid code', () => {
    expect(route({ location: at(1, 1.5) })).toMatchObject({ reason: 'edge', ownerCode: grid('01') });
  });

  it('sends a vertex shared by four grids to the lowest code', () => {
    expect(route({ location: at(1, 1) })).toMatchObject({ reason: 'edge', ownerCode: grid('01') });
  });

  it('routes a point on the outer edge of a single grid to it, as edge', () => {
    expect(route({ location: at(0, 1.5) })).toMatchObject({ reason: 'edge', ownerCode: grid('01') });
  });

  it('sends a point on the edge between two micro-grids to the lower micro-grid', () => {
    expect(route({ location: at(0.5, 0.5) })).toMatchObject({ reason: 'contained', microGridCode: `${grid('03')}-01` });
  });

  it('keeps a point in a hole out of the holed grid: the island in the hole owns it', () => {
    expect(route({ location: at(2.6, 0.75) })).toMatchObject({ reason: 'contained', ownerCode: grid('06') });
  });

  it('sends a point on the edge of a hole and its island to the lower code', () => {
    expect(route({ location: at(2.5, 0.75) })).toMatchObject({ reason: 'edge', ownerCode: grid('05') });
  });

  it('routes a point in the second part of a MultiPolygon grid', () => {
    expect(route({ location: at(3.75, 1.75) })).toMatchObject({ reason: 'contained', ownerCode: grid('07') });
  });

  it('gives the owner and everything above it as the region path', () => {
    expect(route({ location: at(0.25, 1.5) }).regionPath).toEqual({
      grid: grid('01'),
      community: COMMUNITY,
      street: STREET,
      county: COUNTY,
    });
  });
});

describe('routeReport: gaps between grids', () => {
  it('sends a gap point to the nearest grid within 50 m, with the distance', () => {
    const result = route({ location: at(2.05, 1.5) });
    expect(result).toMatchObject({ reason: 'nearest', ownerCode: grid('02') });
    expect(result.distanceM).toBeCloseTo(eastM(0.05), 3);
  });

  it('breaks a tie between equidistant grids by the lower code', () => {
    expect(route({ location: at(2.125, 1.5) })).toMatchObject({ reason: 'nearest', ownerCode: grid('02') });
  });

  it('breaks a three-way tie at a corner by the lowest code', () => {
    expect(route({ location: at(2.125, 1) })).toMatchObject({ reason: 'nearest', ownerCode: grid('02') });
  });

  it('takes a grid exactly maxGapM away', () => {
    const exactly = route({ location: at(2.05, 1.5) }).distanceM as number;
    expect(route({ location: at(2.05, 1.5) }, exactly)).toMatchObject({ reason: 'nearest', ownerCode: grid('02') });
  });

  it('finds the nearest grid from the gap left in a hole', () => {
    expect(route({ location: at(2.6, 1.25) })).toMatchObject({ reason: 'nearest', ownerCode: grid('05') });
  });
});

describe('routeReport: without a grid at the location', () => {
  const inGap = at(2.125, 1.5);

  it('falls back to the scanned grid when the nearest grid is beyond maxGapM', () => {
    expect(route({ location: inGap, scannedGridCode: grid('04') }, 5)).toMatchObject({ reason: 'scanned', ownerCode: grid('04') });
  });

  it('prefers a grid at the location over the scanned grid', () => {
    expect(route({ location: at(0.25, 1.5), scannedGridCode: grid('04') })).toMatchObject({ reason: 'contained', ownerCode: grid('01') });
  });

  it('uses the scanned grid when there is no location', () => {
    expect(route({ scannedGridCode: grid('04'), joinedGridCode: grid('02') })).toMatchObject({ reason: 'scanned', ownerCode: grid('04') });
  });

  it('uses the joined grid when nothing was scanned', () => {
    expect(route({ joinedGridCode: grid('02') })).toMatchObject({ reason: 'joined', ownerCode: grid('02') });
  });

  it('ignores an unknown scanned code and falls to the joined grid', () => {
    expect(route({ scannedGridCode: `${COMMUNITY}-99`, joinedGridCode: grid('02') })).toMatchObject({ reason: 'joined' });
  });

  it('ignores a scanned code that names a community, not a grid', () => {
    expect(route({ scannedGridCode: COMMUNITY })).toMatchObject({ reason: 'county', ownerCode: COUNTY });
  });

  it('routes a gap point inside a community to the community', () => {
    expect(route({ location: at(2.6, 1.25) }, 1)).toMatchObject({ reason: 'region', ownerCode: COMMUNITY, ownerLevel: 'community' });
  });

  it('routes a point outside every community to the street holding it', () => {
    expect(route({ location: at(4.25, 1) }, 5)).toMatchObject({ reason: 'region', ownerCode: STREET, ownerLevel: 'street' });
  });

  it('routes a point outside the county to the county', () => {
    expect(route({ location: at(20, 20) })).toMatchObject({ reason: 'county', ownerCode: COUNTY, ownerLevel: 'county' });
    expect(route({ location: at(20, 20) }).regionPath).toEqual({ county: COUNTY });
  });

  it('routes a report with no location and no grid to the county', () => {
    expect(route({})).toMatchObject({ reason: 'county', ownerCode: COUNTY });
  });
});

describe('routeReport: departments', () => {
  it('adds the category departments as co-handlers without removing the grid', () => {
    const result = route({ location: at(0.25, 1.5), departments: ['消防救援站', '住建局', '消防救援站'] });
    expect(result).toMatchObject({ ownerCode: grid('01'), departments: ['消防救援站', '住建局'] });
  });
});

describe('isOutsideCounty', () => {
  // The county is [-1,5]×[-1,3]; grid 01's west edge is x=0, 1.5 u (about 67 m) from x=-1.5.
  const outside = (x: number, y: number, maxGapM = 50) => isOutsideCounty(locator, at(x, y), { maxGapM });

  it('holds a point beyond the county’s boundary and farther than the gap distance from every grid', () => {
    expect(outside(-1.5, 1.5)).toBe(true);
    expect(outside(20, 20)).toBe(true);
  });

  it('keeps a point outside the boundary that is within the gap distance of a grid (it is routed there)', () => {
    expect(outside(-1.5, 1.5, 100)).toBe(false);
    expect(route({ location: at(-1.5, 1.5) }, 100)).toMatchObject({ reason: 'nearest', ownerCode: grid('01') });
  });

  it('keeps a point inside the county that lies in no grid, and a point on the county’s boundary', () => {
    expect(outside(-0.5, 2.5)).toBe(false);
    expect(outside(-1, 2.5)).toBe(false);
  });
});
