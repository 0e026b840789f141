import {
  findUpcomingSlot,
  gridCatalogueSchema,
  mayEditGridCatalogue,
  slotCounterId,
  upcomingSlots,
  type Actor,
  type GridService,
} from '@pingan/shared';

const GRID = '410399001001-03';
const PLACE = { code: GRID, regionPath: { county: '410399', street: '410399001', community: '410399001001', grid: GRID } };
// Tuesday 1 December 2026, 10:00 Asia/Shanghai.
const TUESDAY_10 = Date.UTC(2026, 11, 1, 2, 0);
const haircut: GridService = {
  serviceCode: 'SMLF',
  slots: [
    { weekday: 2, start: '09:00', end: '10:00', capacity: 3 },
    { weekday: 2, start: '14:00', end: '15:00', capacity: 2 },
    { weekday: 4, start: '09:00', end: '11:00', capacity: 5 },
  ],
};

describe('upcomingSlots', () => {
  it('offers the week ahead from now, Asia/Shanghai, earliest first, leaving out what has started', () => {
    expect(upcomingSlots(haircut, TUESDAY_10).map((slot) => [slot.key, slot.capacity])).toEqual([
      ['2026-12-01T14:00', 2],
      ['2026-12-03T09:00', 5],
    ]);
  });

  it('gives each occurrence its instants (+08:00)', () => {
    expect(upcomingSlots(haircut, TUESDAY_10)[0]).toMatchObject({
      date: '2026-12-01',
      startsAt: Date.UTC(2026, 11, 1, 6, 0),
      endsAt: Date.UTC(2026, 11, 1, 7, 0),
    });
  });

  it('reaches next Tuesday only on the day when today is the 7th day back, and not the 8th', () => {
    const mondayNight = Date.UTC(2026, 11, 7, 15, 0); // Monday 7 Dec 23:00 in Shanghai
    expect(upcomingSlots(haircut, mondayNight).map((slot) => slot.key)).toEqual([
      '2026-12-08T09:00',
      '2026-12-08T14:00',
      '2026-12-10T09:00',
    ]);
    expect(upcomingSlots(haircut, Date.UTC(2026, 11, 1, 16, 0)).map((slot) => slot.key)).not.toContain('2026-12-09T09:00');
  });

  it('finds a slot by key only while it is ahead', () => {
    expect(findUpcomingSlot(haircut, '2026-12-03T09:00', TUESDAY_10)?.capacity).toBe(5);
    expect(findUpcomingSlot(haircut, '2026-12-01T09:00', TUESDAY_10)).toBeUndefined();
    expect(findUpcomingSlot(haircut, '2026-12-02T09:00', TUESDAY_10)).toBeUndefined();
  });

  it('names a slot’s counter by grid, service and key', () => {
    expect(slotCounterId(GRID, 'SMLF', '2026-12-03T09:00')).toBe('410399001001-03:SMLF:2026-12-03T09:00');
  });
});

describe('gridCatalogueSchema', () => {
  it('refuses a slot ending before it starts, a capacity of 0, and a service twice', () => {
    const bad = [
      { gridCode: GRID, services: [{ serviceCode: 'SMLF', slots: [{ weekday: 1, start: '10:00', end: '09:00', capacity: 1 }] }] },
      { gridCode: GRID, services: [{ serviceCode: 'SMLF', slots: [{ weekday: 1, start: '09:00', end: '10:00', capacity: 0 }] }] },
      { gridCode: GRID, services: [haircut, haircut] },
      { gridCode: GRID, services: [{ serviceCode: 'SMLF', slots: [{ weekday: 8, start: '09:00', end: '10:00', capacity: 1 }] }] },
    ];
    for (const catalogue of bad) expect(gridCatalogueSchema.safeParse(catalogue).success).toBe(false);
    expect(gridCatalogueSchema.safeParse({ gridCode: GRID, services: [haircut] }).success).toBe(true);
  });
});

describe('mayEditGridCatalogue', () => {
  const actor = (roles: Actor['roles'], extra: Partial<Actor> = {}): Actor => ({ id: 'p', roles, gridCodes: [], ...extra });
  it('lets the grid’s 网格长 and its community’s centre edit, and nobody else', () => {
    expect(mayEditGridCatalogue(actor(['gridLeader'], { gridCodes: [GRID] }), PLACE)).toBe(true);
    expect(mayEditGridCatalogue(actor(['centre'], { centre: { level: 'community', regionCode: '410399001001' } }), PLACE)).toBe(true);
    expect(mayEditGridCatalogue(actor(['gridWorker'], { gridCodes: [GRID] }), PLACE)).toBe(false);
    expect(mayEditGridCatalogue(actor(['gridLeader'], { gridCodes: ['410399001001-04'] }), PLACE)).toBe(false);
    expect(mayEditGridCatalogue(actor(['centre'], { centre: { level: 'community', regionCode: '410399001002' } }), PLACE)).toBe(false);
    expect(mayEditGridCatalogue(actor(['centre'], { centre: { level: 'street', regionCode: '410399001' } }), PLACE)).toBe(false);
    expect(mayEditGridCatalogue(actor(['resident', 'volunteer'], { gridCodes: [GRID] }), PLACE)).toBe(false);
  });
});
