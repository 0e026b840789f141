import type { Actor } from '@pingan/shared';
import { mayView, seesPhotos } from '@pingan/shared/report';

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
