import { lngLat } from '@pingan/shared/geo';
import { buildGridIndex, indexLocator } from '@pingan/shared/routing';
import { routeReport } from '@pingan/shared/routing';
import { demoTree } from '../fixtures/demo-county';

const locator = indexLocator(buildGridIndex(demoTree));
const routeAt = (lng: number, lat: number, maxGapM = 50) =>
  routeReport(locator, { location: lngLat(lng, lat), departments: [] }, { maxGapM });

/** The four points of data/demo-county/README.md. */
describe('routeReport on the demo county', () => {
  it('routes [111.587499, 33.796931] into the demo grid 410399001001-03', () => {
    expect(routeAt(111.587499, 33.796931)).toMatchObject({ reason: 'contained', ownerCode: '410399001001-03' });
  });

  it('routes [111.586112, 33.799899] to grid 410399001001-01 and records micro-grid -01-02', () => {
    expect(routeAt(111.586112, 33.799899)).toMatchObject({
      reason: 'contained',
      ownerCode: '410399001001-01',
      microGridCode: '410399001001-01-02',
    });
  });

  it('routes the river point [111.592104, 33.791396] to the nearest grid 410399001001-09, 8.00 m away', () => {
    const result = routeAt(111.592104, 33.791396);
    expect(result).toMatchObject({ reason: 'nearest', ownerCode: '410399001001-09' });
    expect(result.distanceM).toBeCloseTo(8.0, 2);
  });

  it('sees the next grid from the river point, 410399002001-05, at 31.91 m', () => {
    const nearby = locator.gridsWithin(lngLat(111.592104, 33.791396), 50).map((near) => [near.node.code, near.distanceM.toFixed(2)]);
    expect(nearby.sort()).toEqual([
      ['410399001001-09', '8.00'],
      ['410399002001-05', '31.91'],
    ]);
  });

  it('sends the river point to the county when no grid is within 7 m: the river is in no street', () => {
    expect(routeAt(111.592104, 33.791396, 7)).toMatchObject({ reason: 'county', ownerCode: '410399' });
  });

  it('sends [111.571415, 33.789997], 217 m outside the county, to the county', () => {
    expect(routeAt(111.571415, 33.789997)).toMatchObject({ reason: 'county', ownerCode: '410399' });
    expect(routeAt(111.571415, 33.789997, 218)).toMatchObject({ reason: 'nearest', ownerCode: '410399001002-04' });
  });

  it('sends a vertex shared by grids -02 and -03 to -02, as edge', () => {
    expect(routeAt(111.588165, 33.798356)).toMatchObject({ reason: 'edge', ownerCode: '410399001001-02' });
  });

  it('sends a vertex shared by four grids to the lowest code, -01', () => {
    expect(routeAt(111.584493, 33.795386)).toMatchObject({ reason: 'edge', ownerCode: '410399001001-01' });
  });
});
