import {
  applyAsInformant,
  awardForReport,
  decideInformant,
  informantGrant,
  informantGridsOf,
  informantMessageFor,
  informantRevocation,
  type Actor,
  type InformantApplication,
} from '@pingan/shared';

const GRID = '410399001001-03';
const resident: Actor = { id: 'u-1', roles: ['resident'], gridCodes: [] };
const worker: Actor = { id: 'u-w', roles: ['gridWorker'], gridCodes: [GRID] };
const leader: Actor = { id: 'u-l', roles: ['gridLeader'], gridCodes: [GRID] };
const profile = { name: ' 周小伟 ', phone: '13912345678', motive: '送快递 ' };
const pending: InformantApplication = {
  id: `${GRID}:u-1`,
  gridCode: GRID,
  personId: 'u-1',
  name: '周小伟',
  phone: '13912345678',
  motive: '送快递',
  status: 'pending',
  appliedAt: 1,
};

describe('applyAsInformant', () => {
  it('makes a pending application under <grid>:<person>, the words trimmed', () => {
    expect(applyAsInformant(resident, [], GRID, profile, undefined, 5)).toEqual({
      ok: true,
      application: { ...pending, appliedAt: 5 },
    });
  });

  it('makes a refused or removed application pending again, without the old words or decision', () => {
    for (const status of ['refused', 'removed'] as const) {
      const before = { ...pending, status, decidedAt: 3, decidedBy: 'u-w', reason: '不是本网格居民' };
      const outcome = applyAsInformant(resident, [], GRID, profile, before, 9);
      expect(outcome).toEqual({ ok: true, application: { ...pending, appliedAt: 9 } });
    }
  });

  it('refuses staff of any kind, and someone already approved for the grid', () => {
    expect(applyAsInformant(worker, [], '410399001001-09', profile, undefined, 5)).toEqual({ ok: false, code: 'INFORMANT.STAFF' });
    expect(applyAsInformant(resident, [GRID], GRID, profile, undefined, 5)).toEqual({ ok: false, code: 'INFORMANT.ALREADY_APPROVED' });
    expect(applyAsInformant(resident, [], GRID, profile, { ...pending, status: 'approved' }, 5)).toEqual({
      ok: false,
      code: 'INFORMANT.ALREADY_APPROVED',
    });
  });
});

describe('decideInformant', () => {
  it('approves a pending application, recording who and when', () => {
    expect(decideInformant(pending, { decision: 'approve' }, worker, 7)).toEqual({
      ok: true,
      application: { ...pending, status: 'approved', decidedAt: 7, decidedBy: 'u-w' },
    });
  });

  it('refuses and removes only with words', () => {
    expect(decideInformant(pending, { decision: 'refuse', reason: '  ' }, worker, 7)).toEqual({
      ok: false,
      code: 'INFORMANT.REASON_REQUIRED',
    });
    expect(decideInformant(pending, { decision: 'refuse', reason: ' 名额已满 ' }, leader, 7)).toMatchObject({
      ok: true,
      application: { status: 'refused', reason: '名额已满', decidedBy: 'u-l' },
    });
    const approved = { ...pending, status: 'approved' as const };
    expect(decideInformant(approved, { decision: 'remove', reason: '' }, worker, 8)).toEqual({
      ok: false,
      code: 'INFORMANT.REASON_REQUIRED',
    });
    expect(decideInformant(approved, { decision: 'remove', reason: '已搬走' }, worker, 8)).toEqual({
      ok: true,
      application: { ...approved, status: 'removed', reason: '已搬走', decidedAt: 8, decidedBy: 'u-w' },
    });
  });

  it('removes only an approved informant, and decides only a pending application', () => {
    expect(decideInformant(pending, { decision: 'remove', reason: '已搬走' }, worker, 8)).toEqual({
      ok: false,
      code: 'INFORMANT.NOT_APPROVED',
    });
    expect(decideInformant({ ...pending, status: 'approved' }, { decision: 'approve' }, worker, 8)).toEqual({
      ok: false,
      code: 'INFORMANT.ALREADY_APPROVED',
    });
    expect(decideInformant({ ...pending, status: 'removed' }, { decision: 'approve' }, worker, 8)).toEqual({
      ok: false,
      code: 'INFORMANT.ALREADY_DECIDED',
    });
  });

  it('lets only the grid’s 网格员 and 网格长 decide, never on their own application', () => {
    const elsewhere: Actor = { id: 'u-e', roles: ['gridWorker'], gridCodes: ['410399001001-09'] };
    const centre: Actor = { id: 'u-c', roles: ['centre'], gridCodes: [], centre: { level: 'community', regionCode: '410399001001' } };
    const police: Actor = { id: 'u-p', roles: ['police'], gridCodes: [GRID] };
    for (const reviewer of [elsewhere, centre, police, resident]) {
      expect(decideInformant(pending, { decision: 'approve' }, reviewer, 7)).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
    expect(decideInformant({ ...pending, personId: 'u-w' }, { decision: 'approve' }, worker, 7)).toEqual({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    });
  });
});

describe('informantGrant and informantRevocation', () => {
  const VOLUNTEERED = '410399001001-07';

  it('adds the role and the grid among the informant grids once, and never touches gridCodes', () => {
    expect(informantGrant({ roles: ['resident'], gridCodes: [] }, GRID)).toEqual({
      roles: ['resident', 'informant'],
      informantGridCodes: [GRID],
    });
    const volunteer = { roles: ['resident', 'volunteer'] as const, gridCodes: [VOLUNTEERED] };
    const granted = informantGrant(volunteer, GRID);
    expect(granted).toEqual({ roles: ['resident', 'volunteer', 'informant'], informantGridCodes: [GRID] });
    expect(granted).not.toHaveProperty('gridCodes');
    expect(informantGrant({ ...volunteer, ...granted }, GRID)).toEqual(granted);
  });

  it('counts an informant of an old record (no informant grids written) as approved for all their grids', () => {
    const old = { roles: ['informant', 'resident'] as const, gridCodes: [GRID, '410399001001-02'] };
    expect(informantGridsOf(old)).toEqual([GRID, '410399001001-02']);
    expect(informantGridsOf({ ...old, informantGridCodes: ['410399001001-02'] })).toEqual(['410399001001-02']);
    expect(informantGridsOf({ roles: ['resident'], gridCodes: [GRID], informantGridCodes: [GRID] })).toEqual([]);
    expect(informantGrant(old, '410399001001-09').informantGridCodes).toEqual([GRID, '410399001001-02', '410399001001-09']);
  });

  it('takes the grid out of the informant grids, and the role with the last of them; gridCodes stays', () => {
    const two = { roles: ['resident', 'informant'] as const, gridCodes: [VOLUNTEERED], informantGridCodes: [GRID, 'B'] };
    expect(informantRevocation(two, GRID)).toEqual({ roles: ['resident', 'informant'], informantGridCodes: ['B'] });
    const one = { roles: ['resident', 'informant'] as const, gridCodes: [VOLUNTEERED], informantGridCodes: [GRID] };
    expect(informantRevocation(one, GRID)).toEqual({ roles: ['resident'], informantGridCodes: [] });
  });

  it('changes what awardForReport pays in the grid: money once granted, points once revoked; never in the grid volunteered in', () => {
    const category = { informantPointsFen: 200, residentPoints: 5 };
    const award = (
      person: { roles: readonly string[]; gridCodes: readonly string[]; informantGridCodes?: readonly string[] },
      grid: string,
    ) =>
      awardForReport({
        report: { id: 'r1', regionPath: { county: '410399', grid }, acceptedAt: Date.UTC(2026, 5, 1) },
        reporter: { id: 'u-1', ...person } as Actor,
        category,
        rules: { dailyCapFen: 1000 },
        fenAwardedThatDay: 0,
      });
    const volunteer = { roles: ['resident', 'volunteer'], gridCodes: [VOLUNTEERED] } as const;
    const granted = { ...volunteer, ...informantGrant(volunteer, GRID) };
    expect(award(granted, GRID)).toMatchObject({ unit: 'fen', amount: 200, basis: 'informant' });
    expect(award(granted, VOLUNTEERED)).toMatchObject({ unit: 'point', amount: 5, basis: 'resident' });
    const revoked = { ...granted, ...informantRevocation(granted, GRID) };
    expect(award(revoked, GRID)).toMatchObject({ unit: 'point', amount: 5, basis: 'resident' });
  });
});

describe('informantMessageFor', () => {
  it('tells the applicant each decision once, under <application>:<version>, and nothing while pending', () => {
    const applicant = { openid: 'o-1' };
    expect(informantMessageFor(pending, applicant, '第3网格', 0)).toBeUndefined();
    const approved = { ...pending, status: 'approved' as const, decidedAt: 7 };
    expect(informantMessageFor(approved, applicant, '第3网格', 1)).toMatchObject({
      _id: `${GRID}:u-1:1`,
      recipientId: 'u-1',
      recipientOpenid: 'o-1',
      kind: 'informantApproved',
      informantGridCode: GRID,
      at: 7,
      read: false,
    });
    const removed = { ...approved, status: 'removed' as const, reason: '已搬走', decidedAt: 9 };
    expect(informantMessageFor(removed, applicant, '第3网格', 2)).toMatchObject({
      kind: 'informantRemoved',
      body: expect.stringContaining('已搬走'),
    });
  });
});
