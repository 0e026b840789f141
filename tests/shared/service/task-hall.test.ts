import { hallScopeOf, suitsSkills, taskSlotOf, taskTermsOf, type Actor } from '@pingan/shared';

const GRID = '410399001001-03';
const OTHER_GRID = '410399001001-04';
const T0 = Date.UTC(2026, 11, 1, 2, 0); // 2026-12-01 10:00 Asia/Shanghai
const HOUR = 3_600_000;

describe('a posted task’s slot', () => {
  it('reads the date and clock times in Asia/Shanghai, keyed as a booked slot is', () => {
    expect(taskSlotOf('2026-12-02', '09:00', '11:30', T0)).toEqual({
      key: '2026-12-02T09:00',
      startsAt: Date.UTC(2026, 11, 2, 1, 0),
      endsAt: Date.UTC(2026, 11, 2, 3, 30),
    });
  });

  it('takes a slot later today, and none that has started, ends first, runs over 8 hours, or lies 30 days ahead', () => {
    expect(taskSlotOf('2026-12-01', '10:01', '11:00', T0)).toBeDefined();
    expect(taskSlotOf('2026-12-01', '10:00', '11:00', T0)).toBeUndefined();
    expect(taskSlotOf('2026-12-02', '11:00', '10:00', T0)).toBeUndefined();
    expect(taskSlotOf('2026-12-02', '08:00', '16:01', T0)).toBeUndefined();
    expect(taskSlotOf('2026-12-30', '08:00', '09:00', T0)).toBeDefined();
    expect(taskSlotOf('2026-12-31', '08:00', '09:00', T0)).toBeUndefined();
    expect(taskSlotOf('2026-02-30', '08:00', '09:00', T0 - 300 * 24 * HOUR)).toBeUndefined();
  });

  it('is worth its minutes and 5 points for each hour begun', () => {
    expect(taskTermsOf({ key: 'k', startsAt: 0, endsAt: 2 * HOUR })).toEqual({ minutes: 120, points: 10 });
    expect(taskTermsOf({ key: 'k', startsAt: 0, endsAt: 1.5 * HOUR })).toEqual({ minutes: 90, points: 10 });
    expect(taskTermsOf({ key: 'k', startsAt: 0, endsAt: HOUR / 4 })).toEqual({ minutes: 15, points: 5 });
  });
});

describe('whose hall', () => {
  const volunteer: Actor = { id: 'u-v', roles: ['resident', 'volunteer'], gridCodes: [GRID, OTHER_GRID] };
  const worker: Actor = { id: 'p-w', roles: ['gridWorker'], gridCodes: [GRID] };
  const resident: Actor = { id: 'u-r', roles: ['resident'], gridCodes: [GRID] };
  const police: Actor = { id: 'p-p', roles: ['police'], gridCodes: [GRID] };

  it('gives a volunteer their grids for their skills, and the grid’s staff every task of it', () => {
    expect(hallScopeOf(volunteer, ['代办'])).toEqual({ gridCodes: [GRID, OTHER_GRID], skills: ['代办'] });
    expect(hallScopeOf(volunteer, ['代办'], OTHER_GRID)).toEqual({ gridCodes: [OTHER_GRID], skills: ['代办'] });
    expect(hallScopeOf(worker, [])).toEqual({ gridCodes: [GRID], skills: 'any' });
    expect(hallScopeOf(worker, [], GRID)).toEqual({ gridCodes: [GRID], skills: 'any' });
  });

  it('gives no hall to a resident, the police, or anyone for a grid not theirs', () => {
    expect(hallScopeOf(resident, [])).toBeUndefined();
    expect(hallScopeOf(police, [], GRID)).toBeUndefined();
    expect(hallScopeOf(worker, [], OTHER_GRID)).toBeUndefined();
  });

  it('offers a task needing no skill to all, else to whoever has one of those it needs', () => {
    expect(suitsSkills(undefined, [])).toBe(true);
    expect(suitsSkills([], ['理发'])).toBe(true);
    expect(suitsSkills(['代办', '法律'], ['法律'])).toBe(true);
    expect(suitsSkills(['理发'], ['代办'])).toBe(false);
  });
});
