import { mayViewOrder, type Actor } from '@pingan/shared';

const GRID = '410399001001-03';
const order = { requesterId: 'u-resident', gridCode: GRID, status: 'posted' as const };
const volunteer: Actor = { id: 'u-volunteer', roles: ['volunteer'], gridCodes: [GRID] };
const elsewhere: Actor = { id: 'u-volunteer-9', roles: ['volunteer'], gridCodes: ['410399001001-04'] };

describe('who may read an order (orderDetail)', () => {
  it('shows it to its requester, its grid’s 网格员 and 网格长, and whoever holds it', () => {
    const claimed = { ...order, status: 'claimed' as const, claimant: { personId: volunteer.id, as: 'volunteer' as const } };
    expect(mayViewOrder({ id: 'u-resident', roles: ['resident'], gridCodes: [GRID] }, claimed)).toBe(true);
    expect(mayViewOrder({ id: 'p-worker', roles: ['gridWorker'], gridCodes: [GRID] }, claimed)).toBe(true);
    expect(mayViewOrder({ id: 'p-leader', roles: ['gridLeader'], gridCodes: [GRID] }, claimed)).toBe(true);
    expect(mayViewOrder(volunteer, claimed)).toBe(true);
  });

  it('shows the grid’s volunteers an order in the task hall, and not one someone else holds', () => {
    expect(mayViewOrder(volunteer, order)).toBe(true);
    expect(mayViewOrder(elsewhere, order)).toBe(false);
    const held = { ...order, status: 'claimed' as const, claimant: { personId: 'u-volunteer-2', as: 'volunteer' as const } };
    expect(mayViewOrder(volunteer, held)).toBe(false);
  });

  it('hides it from a neighbour, the grid’s police, another grid’s worker and a centre', () => {
    expect(mayViewOrder({ id: 'u-neighbour', roles: ['resident'], gridCodes: [GRID] }, order)).toBe(false);
    expect(mayViewOrder({ id: 'p-police', roles: ['police'], gridCodes: [GRID] }, order)).toBe(false);
    expect(mayViewOrder({ id: 'p-other', roles: ['gridWorker'], gridCodes: ['410399001001-04'] }, order)).toBe(false);
    const centre: Actor = { id: 'p-centre', roles: ['centre'], gridCodes: [], centre: { level: 'community', regionCode: '410399001001' } };
    expect(mayViewOrder(centre, order)).toBe(false);
  });
});
