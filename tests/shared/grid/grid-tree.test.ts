import { buildGridTree, regionPathOf } from '@pingan/shared/grid';
import { demoTree } from '../fixtures/demo-county';
import { at, COMMUNITY, COUNTY, grid, STREET, tinyNodes, tinyTree } from '../fixtures/tiny-county';

const square = [[at(0, 0), at(1, 0), at(1, 1), at(0, 0)]];
const county = { level: 'county', code: '100000', name: '县', parentCode: null, area: [square] } as const;

describe('buildGridTree', () => {
  it('indexes every node by code under its one county', () => {
    expect(tinyTree.countyCode).toBe(COUNTY);
    expect(tinyTree.nodes.size).toBe(tinyNodes.length);
  });

  it('builds the demo county: 1 county, 2 streets, 5 communities, 40 grids, 3 micro-grids', () => {
    const levels = [...demoTree.nodes.values()].map((node) => node.level);
    const count = (level: string) => levels.filter((l) => l === level).length;
    expect([count('county'), count('street'), count('community'), count('grid'), count('microGrid')]).toEqual([1, 2, 5, 40, 3]);
  });

  it('rejects a duplicate code', () => {
    expect(() => buildGridTree([county, county])).toThrow('duplicate code 100000');
  });

  it('rejects a tree without a county', () => {
    expect(() => buildGridTree([])).toThrow('expected one county, found 0');
  });

  it('rejects a second county', () => {
    expect(() => buildGridTree([county, { ...county, code: '200000' }])).toThrow('expected one county, found 2');
  });

  it('rejects a node whose parent is missing', () => {
    const orphan = { level: 'street', code: '100000009', name: '街道', parentCode: '100000008', area: [square] } as const;
    expect(() => buildGridTree([county, orphan])).toThrow('unknown parent 100000008');
  });

  it('rejects a grid hung directly under a street', () => {
    const street = { level: 'street', code: '100000001', name: '街道', parentCode: '100000', area: [square] } as const;
    const skipping = { level: 'grid', code: '100000001001-01', name: '网格', parentCode: '100000001', area: [square] } as const;
    expect(() => buildGridTree([county, street, skipping])).toThrow('has a street parent, expected a community');
  });
});

describe('regionPathOf', () => {
  it('lists a grid and every place above it', () => {
    expect(regionPathOf(tinyTree, grid('01'))).toEqual({ grid: grid('01'), community: COMMUNITY, street: STREET, county: COUNTY });
  });

  it('gives a micro-grid its grid and leaves the micro-grid out', () => {
    expect(regionPathOf(tinyTree, `${grid('03')}-02`)).toEqual({ grid: grid('03'), community: COMMUNITY, street: STREET, county: COUNTY });
  });

  it('gives the county just itself', () => {
    expect(regionPathOf(tinyTree, COUNTY)).toEqual({ county: COUNTY });
  });
});
