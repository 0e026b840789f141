import { categoriesFileSchema, landmarksFileSchema } from '@pingan/shared/config';
import { lngLat, multiPolygonPointRelation } from '@pingan/shared/geo';
import { peopleFileSchema } from '@pingan/shared/config';
import { regionCollectionSchema } from '@pingan/shared/config';
import { servicesFileSchema } from '@pingan/shared/config';
import { actorFromPerson } from '@pingan/shared/people';
import { DEFAULT_POINTS_RULES } from '@pingan/shared/points';
import { demoFile, demoTree } from '../fixtures/demo-county';

describe('the demo county config parses', () => {
  it('11 categories (一键求助 is not one: shared/src/help), and the 20-yuan daily cap among the points rules the seed writes', () => {
    const file = categoriesFileSchema.parse(demoFile('categories.json'));
    expect(file.categories).toHaveLength(11);
    expect(DEFAULT_POINTS_RULES.dailyCapFen).toBe(2000);
  });

  it('10 services', () => {
    expect(servicesFileSchema.parse(demoFile('services.json')).services).toHaveLength(10);
  });

  it('140 people whose grids all exist in the regions', () => {
    const { people } = peopleFileSchema.parse(demoFile('people.json'));
    expect(people).toHaveLength(140);
    const unknown = people.flatMap((person) => person.gridCodes).filter((code) => demoTree.nodes.get(code)?.level !== 'grid');
    expect(unknown).toEqual([]);
  });

  it('51 region features', () => {
    expect(regionCollectionSchema.parse(demoFile('regions.geojson')).features).toHaveLength(51);
  });

  it('landmarks for the map picker, each inside the grid it names', () => {
    const { landmarks } = landmarksFileSchema.parse(demoFile('landmarks.json'));
    expect(landmarks.map((l) => l.kind)).toEqual(expect.arrayContaining(['government', 'school', 'market', 'hospital', 'station']));
    const misplaced = landmarks.filter((l) => {
      const grid = demoTree.nodes.get(l.gridCode);
      return grid?.level !== 'grid' || multiPolygonPointRelation(grid.area, lngLat(l.location[0], l.location[1])) !== 'inside';
    });
    expect(misplaced.map((l) => l.name)).toEqual([]);
  });

  it('refuses a landmark of a kind the map has no mark for', () => {
    const { landmarks } = landmarksFileSchema.parse(demoFile('landmarks.json'));
    expect(landmarksFileSchema.safeParse({ landmarks: [{ ...landmarks[0], kind: 'bar' }] }).success).toBe(false);
  });
});

describe('config validation', () => {
  const categories = categoriesFileSchema.parse(demoFile('categories.json'));
  const people = peopleFileSchema.parse(demoFile('people.json'));
  const first = categories.categories[0];

  it('refuses money as a float', () => {
    const bad = { ...categories, categories: [{ ...first, informantPointsFen: 0.5 }] };
    expect(categoriesFileSchema.safeParse(bad).success).toBe(false);
  });

  it('refuses more than 500 fen a report', () => {
    const bad = { ...categories, categories: [{ ...first, informantPointsFen: 501 }] };
    expect(categoriesFileSchema.safeParse(bad).success).toBe(false);
  });

  it('refuses two categories with one code', () => {
    expect(categoriesFileSchema.safeParse({ ...categories, categories: [first, first] }).success).toBe(false);
  });

  it('refuses a centre without its region', () => {
    const centre = people.people.find((person) => person.role === 'centre');
    if (!centre) throw new Error('the demo county has a centre');
    const { level: _level, ...withoutLevel } = centre;
    // Alone in the file (no sign-in users to miss), so only the centre's region can be what is refused.
    expect(peopleFileSchema.safeParse({ ...people, demoSignIn: [], people: [centre] }).success).toBe(true);
    expect(peopleFileSchema.safeParse({ ...people, demoSignIn: [], people: [withoutLevel] }).success).toBe(false);
  });

  it('refuses a main role missing from roles', () => {
    const [person] = people.people;
    expect(peopleFileSchema.safeParse({ ...people, demoSignIn: [], people: [{ ...person, role: 'informant' }] }).success).toBe(false);
  });

  it('refuses a service needing a skill nobody lists', () => {
    const services = servicesFileSchema.parse(demoFile('services.json'));
    const [service] = services.services;
    expect(servicesFileSchema.safeParse({ ...services, services: [{ ...service, skills: ['驾驶'] }] }).success).toBe(false);
  });

  it('refuses an open ring', () => {
    const open = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ];
    const feature = {
      type: 'Feature',
      properties: { level: 'county', code: '1', name: 'x', parentCode: null },
      geometry: { type: 'Polygon', coordinates: [open] },
    };
    expect(regionCollectionSchema.safeParse({ type: 'FeatureCollection', features: [feature] }).success).toBe(false);
  });
});

describe('actorFromPerson', () => {
  const { people } = peopleFileSchema.parse(demoFile('people.json'));

  it('gives the county centre its region', () => {
    const centre = people.find((person) => person.id === 'u-centre-01');
    expect(centre && actorFromPerson(centre)).toEqual({
      id: 'u-centre-01',
      roles: ['centre'],
      gridCodes: [],
      centre: { level: 'county', regionCode: '410399' },
    });
  });

  it('gives a grid worker just their grids', () => {
    const worker = people.find((person) => person.id === 'u-grid-worker-03');
    expect(worker && actorFromPerson(worker)).not.toHaveProperty('centre');
  });
});
