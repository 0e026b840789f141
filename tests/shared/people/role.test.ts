import { CASE_OWNER_ROLES, GRID_STAFF_ROLES, ROLES, STAFF_ROLES, isStaffRole, ownsCases } from '@pingan/shared/people';

describe('roles: one list and its subsets', () => {
  it('names only roles of the one list in every subset', () => {
    for (const subset of [GRID_STAFF_ROLES, CASE_OWNER_ROLES, STAFF_ROLES])
      expect(subset.filter((role) => !ROLES.includes(role))).toEqual([]);
  });

  it('lists a grid’s staff in the order a resident reads them: 网格长, 网格员, 网格警, 网格医', () => {
    expect(GRID_STAFF_ROLES).toEqual(['gridLeader', 'gridWorker', 'police', 'doctor']);
  });

  it('counts grid staff and centres as staff, residents, informants and volunteers not', () => {
    expect(ROLES.filter(isStaffRole)).toEqual(['gridWorker', 'gridLeader', 'centre', 'police', 'doctor']);
  });

  it('gives cases of their own to 网格员, 网格长 and centres only, not to police or doctors', () => {
    expect(ROLES.filter((role) => ownsCases([role]))).toEqual(['gridWorker', 'gridLeader', 'centre']);
    expect(ownsCases(['resident', 'police'])).toBe(false);
  });
});
