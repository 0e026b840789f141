import {
  applicationListKey,
  applyToGrid,
  decideApplication,
  volunteerGrant,
  type Actor,
  type VolunteerApplication,
  type VolunteerProfile,
} from '@pingan/shared';

const GRID = '410399001001-03';
const OTHER_GRID = '410399001001-04';
const T0 = Date.UTC(2026, 11, 1, 2, 0);
const SKILLS = ['代办', '理发', '法律'];

const resident: Actor = { id: 'u-resident', roles: ['resident'], gridCodes: [GRID] };
const volunteer: Actor = { id: 'u-volunteer', roles: ['resident', 'volunteer'], gridCodes: [GRID] };
const worker: Actor = { id: 'p-worker', roles: ['gridWorker'], gridCodes: [GRID] };
const leader: Actor = { id: 'p-leader', roles: ['gridLeader'], gridCodes: [GRID] };
const otherWorker: Actor = { id: 'p-other', roles: ['gridWorker'], gridCodes: [OTHER_GRID] };
const police: Actor = { id: 'p-police', roles: ['police'], gridCodes: [GRID] };

const profile: VolunteerProfile = {
  name: '孙志刚',
  phone: '13912345678',
  partyMember: true,
  skills: ['代办', '代办'],
  posts: ['mediation'],
};

function pending(): VolunteerApplication {
  const outcome = applyToGrid(resident, GRID, profile, undefined, SKILLS, T0);
  if (!outcome.ok) throw new Error(outcome.code);
  return outcome.application;
}

describe('applying to a grid (网格报到)', () => {
  it('starts pending under <grid>:<person>, each skill once', () => {
    expect(pending()).toEqual({
      ...profile,
      skills: ['代办'],
      id: `${GRID}:u-resident`,
      gridCode: GRID,
      personId: 'u-resident',
      status: 'pending',
      appliedAt: T0,
    });
  });

  it('starts pending again after a refusal, without its decision', () => {
    const refused: VolunteerApplication = { ...pending(), status: 'refused', reason: '不符合', decidedAt: T0, decidedBy: worker.id };
    const again = applyToGrid(resident, GRID, profile, refused, SKILLS, T0 + 1);
    expect(again).toMatchObject({ ok: true, application: { status: 'pending', appliedAt: T0 + 1 } });
    expect(again.ok && again.application).not.toHaveProperty('reason');
  });

  it('refuses a volunteer already of the grid, and a skill the services do not name', () => {
    expect(applyToGrid(volunteer, GRID, profile, undefined, SKILLS, T0)).toEqual({ ok: false, code: 'VOLUNTEER.ALREADY_APPROVED' });
    expect(applyToGrid(resident, GRID, profile, { ...pending(), status: 'approved' }, SKILLS, T0)).toEqual({
      ok: false,
      code: 'VOLUNTEER.ALREADY_APPROVED',
    });
    expect(applyToGrid(resident, GRID, { ...profile, skills: ['飞行'] }, undefined, SKILLS, T0)).toEqual({
      ok: false,
      code: 'VOLUNTEER.SKILL_UNKNOWN',
    });
  });

  it('lets a volunteer of one grid apply to another', () => {
    expect(applyToGrid(volunteer, OTHER_GRID, profile, undefined, SKILLS, T0).ok).toBe(true);
  });
});

describe('deciding an application', () => {
  it('lets the grid’s 网格员 and 网格长 approve, and nobody else', () => {
    for (const reviewer of [worker, leader]) {
      expect(decideApplication(pending(), { decision: 'approve' }, reviewer, T0 + 1)).toMatchObject({
        ok: true,
        application: { status: 'approved', decidedAt: T0 + 1, decidedBy: reviewer.id },
      });
    }
    for (const someone of [otherWorker, police, volunteer, resident]) {
      expect(decideApplication(pending(), { decision: 'approve' }, someone, T0)).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
  });

  it('refuses only with a reason that says something', () => {
    expect(decideApplication(pending(), { decision: 'refuse', reason: '  ' }, worker, T0)).toEqual({
      ok: false,
      code: 'VOLUNTEER.REASON_REQUIRED',
    });
    expect(decideApplication(pending(), { decision: 'refuse', reason: ' 名额已满 ' }, worker, T0)).toMatchObject({
      ok: true,
      application: { status: 'refused', reason: '名额已满' },
    });
  });

  it('decides an application once', () => {
    const approved: VolunteerApplication = { ...pending(), status: 'approved' };
    expect(decideApplication(approved, { decision: 'refuse', reason: '重复' }, worker, T0)).toEqual({
      ok: false,
      code: 'VOLUNTEER.ALREADY_DECIDED',
    });
  });
});

describe('what approval gives', () => {
  it('adds the volunteer role, the grid and the skills, each once, and takes nothing away', () => {
    const person = { roles: ['resident', 'informant'] as const, gridCodes: [OTHER_GRID, GRID], skills: ['理发'] };
    expect(volunteerGrant(person, { gridCode: GRID, skills: ['代办', '理发'] })).toEqual({
      roles: ['resident', 'informant', 'volunteer'],
      gridCodes: [OTHER_GRID, GRID],
      skills: ['理发', '代办'],
    });
    expect(volunteerGrant({ roles: ['volunteer'], gridCodes: [] }, { gridCode: GRID, skills: [] })).toEqual({
      roles: ['volunteer'],
      gridCodes: [GRID],
      skills: [],
    });
  });
});

describe('the grid’s list order', () => {
  it('puts every pending application first, the longest waiting first, then the latest decided', () => {
    const keys = [
      applicationListKey({ status: 'approved', appliedAt: T0, decidedAt: T0 + 5 }),
      applicationListKey({ status: 'pending', appliedAt: T0 + 9 }),
      applicationListKey({ status: 'refused', appliedAt: T0, decidedAt: T0 + 7 }),
      applicationListKey({ status: 'pending', appliedAt: T0 + 1 }),
    ];
    const order = keys
      .map((key, i) => [key, i] as const)
      .sort((a, b) => b[0] - a[0])
      .map(([, i]) => i);
    expect(order).toEqual([3, 1, 2, 0]);
  });
});
