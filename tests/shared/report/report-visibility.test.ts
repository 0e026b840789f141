import type { Actor } from '@pingan/shared';
import { mayView, seesPhotos, seesReporter } from '@pingan/shared/report';

const GRID = '410399001001-03';
const report = {
  reporterId: 'u-reporter',
  regionPath: { county: '410399', street: '410399001', community: '410399001001', grid: GRID },
  anonymous: false,
  ownerCode: GRID,
  ownerLevel: 'grid' as const,
  assignee: { kind: 'person' as const, personId: 'u-volunteer' },
};
const held = { ...report, moderation: { pending: true } };
const cleared = { ...report, moderation: { pending: false } };

const reporter: Actor = { id: 'u-reporter', roles: ['resident'], gridCodes: [GRID] };
const gridWorker: Actor = { id: 'u-worker', roles: ['gridWorker'], gridCodes: [GRID] };
const centre: Actor = { id: 'u-centre', roles: ['centre'], gridCodes: [], centre: { level: 'county', regionCode: '410399' } };
const volunteer: Actor = { id: 'u-volunteer', roles: ['volunteer', 'resident'], gridCodes: [GRID] };
const fireStation: Actor = { id: 'u-fire', roles: [], gridCodes: [], department: '消防救援站' };

describe('seesPhotos', () => {
  it('shows the photos of a report held for review to the reporter and to staff', () => {
    for (const viewer of [reporter, gridWorker, centre, fireStation]) expect(seesPhotos(viewer, held)).toBe(true);
  });

  it('holds them from anyone else who may read the report, such as a volunteer it is assigned to', () => {
    expect(mayView(volunteer, report)).toBe(true);
    expect(seesPhotos(volunteer, held)).toBe(false);
  });

  it('shows them to every reader once staff cleared the report', () => {
    expect(seesPhotos(volunteer, cleared)).toBe(true);
  });
});

describe('seesReporter', () => {
  const anonymous = { ...report, anonymous: true };
  // A neighbour who said 我也遇到 may read the case (the function checks the follow), but is none of its viewers.
  const neighbour: Actor = { id: 'u-neighbour', roles: ['resident'], gridCodes: [GRID] };

  it('shows the reporter to the case’s viewers unless it is anonymous, then only to the reporter and the centre', () => {
    expect([reporter, gridWorker, centre].map((viewer) => seesReporter(viewer, report))).toEqual([true, true, true]);
    expect([reporter, gridWorker, centre].map((viewer) => seesReporter(viewer, anonymous))).toEqual([true, false, true]);
  });

  it('never shows the reporter to a resident following someone else’s report', () => {
    expect(seesReporter(neighbour, report)).toBe(false);
    expect(seesReporter(neighbour, anonymous)).toBe(false);
  });
});
