import type { Actor } from '@pingan/shared/people';
import { fenAwardedOnDay } from '@pingan/shared/points';
import { type AwardInput, awardForReport, reversalOf, rewardOnOffer } from '@pingan/shared/points';

const GRID = '100000001001-01';
const regionPath = { grid: GRID, community: '100000001001', street: '100000001', county: '100000' };
const ACCEPTED = Date.UTC(2025, 0, 6, 2, 0); // 10:00 in Shanghai
const informant: Actor = { id: 'u-inf', roles: ['informant', 'resident'], gridCodes: [GRID] };
const resident: Actor = { id: 'u-res', roles: ['resident'], gridCodes: [GRID] };

const award = (overrides: Partial<AwardInput> = {}) =>
  awardForReport({
    report: { id: 'r-1', regionPath, acceptedAt: ACCEPTED },
    reporter: informant,
    category: { informantPointsFen: 300, residentPoints: 3 },
    rules: { dailyCapFen: 2000 },
    fenAwardedThatDay: 0,
    ...overrides,
  });

describe('awardForReport', () => {
  it('pays an informant money for a report in a grid they are approved for, keyed by the report', () => {
    expect(award()).toEqual({
      id: 'award:r-1',
      personId: 'u-inf',
      kind: 'award',
      unit: 'fen',
      amount: 300,
      at: ACCEPTED,
      dayKey: '2025-01-06',
      monthKey: '2025-01',
      reportId: 'r-1',
      gridCode: GRID,
      streetCode: '100000001',
      basis: 'informant',
    });
  });

  it('gives an informant community points for a report in a grid they are not approved for', () => {
    const elsewhere = { ...regionPath, grid: '100000001001-02' };
    expect(award({ report: { id: 'r-1', regionPath: elsewhere, acceptedAt: ACCEPTED } })).toMatchObject({
      unit: 'point',
      amount: 3,
      basis: 'resident',
    });
  });

  it('pays an informant of another grid money only there: the grids lived or volunteered in (gridCodes) pay points', () => {
    const OTHER = '100000001001-02';
    const volunteerInformant: Actor = {
      id: 'u-vi',
      roles: ['volunteer', 'informant', 'resident'],
      gridCodes: [GRID],
      informantGridCodes: [OTHER],
    };
    expect(award({ reporter: volunteerInformant })).toMatchObject({ unit: 'point', amount: 3, basis: 'resident', gridCode: GRID });
    const there = { ...regionPath, grid: OTHER };
    expect(award({ reporter: volunteerInformant, report: { id: 'r-2', regionPath: there, acceptedAt: ACCEPTED } })).toMatchObject({
      unit: 'fen',
      amount: 300,
      basis: 'informant',
      gridCode: OTHER,
    });
  });

  it('pays money nowhere once the last informant grid is gone, nor for informant grids without the role', () => {
    expect(award({ reporter: { ...informant, informantGridCodes: [] } })).toMatchObject({ unit: 'point', basis: 'resident' });
    expect(award({ reporter: { ...resident, informantGridCodes: [GRID] } })).toMatchObject({ unit: 'point', basis: 'resident' });
  });

  it('gives an informant community points for a report routed above any grid', () => {
    const countyOnly = { county: '100000' };
    expect(award({ report: { id: 'r-1', regionPath: countyOnly, acceptedAt: ACCEPTED } })).toMatchObject({
      unit: 'point',
      basis: 'resident',
    });
  });

  it('gives a resident community points', () => {
    expect(award({ reporter: resident })).toMatchObject({ personId: 'u-res', unit: 'point', amount: 3, basis: 'resident' });
  });

  it('gives staff nothing for a case in their own grid, and records it', () => {
    const worker: Actor = { id: 'u-w', roles: ['gridWorker'], gridCodes: [GRID] };
    expect(award({ reporter: worker })).toMatchObject({ unit: 'point', amount: 0, basis: 'own_area' });
  });

  it('gives a centre nothing for a case in its region', () => {
    const centre: Actor = { id: 'u-c', roles: ['centre'], gridCodes: [], centre: { level: 'street', regionCode: '100000001' } };
    expect(award({ reporter: centre })).toMatchObject({ amount: 0, basis: 'own_area' });
  });

  it('gives staff community points for a case outside their own grid', () => {
    const worker: Actor = { id: 'u-w', roles: ['gridWorker'], gridCodes: ['100000001001-02'] };
    expect(award({ reporter: worker })).toMatchObject({ unit: 'point', amount: 3, basis: 'resident' });
  });

  it('gives nothing for a report never accepted (rejected or duplicate)', () => {
    expect(award({ report: { id: 'r-1', regionPath } })).toBeUndefined();
  });

  it('pays the report that reaches the daily cap up to the cap', () => {
    expect(award({ fenAwardedThatDay: 1900 })).toMatchObject({ unit: 'fen', amount: 100, basis: 'daily_cap' });
  });

  it('pays exactly the cap when the report lands on it', () => {
    expect(award({ fenAwardedThatDay: 1700 })).toMatchObject({ amount: 300, basis: 'informant' });
  });

  it('records 0 for later reports that day', () => {
    expect(award({ fenAwardedThatDay: 2000 })).toMatchObject({ unit: 'fen', amount: 0, basis: 'daily_cap' });
  });

  it('counts the cap by the Shanghai day of acceptance', () => {
    const lateEvening = Date.UTC(2025, 0, 6, 16, 30); // 00:30 on the 7th in Shanghai
    const first = award({ report: { id: 'r-1', regionPath, acceptedAt: ACCEPTED } }) as NonNullable<ReturnType<typeof award>>;
    const second = award({ report: { id: 'r-2', regionPath, acceptedAt: lateEvening } }) as NonNullable<ReturnType<typeof award>>;
    expect(second.dayKey).toBe('2025-01-07');
    expect(fenAwardedOnDay([first, second], 'u-inf', '2025-01-06')).toBe(300);
  });

  it('awards the same entry id on a retry, so a unique key makes it exactly-once', () => {
    expect(award()?.id).toBe(award({ fenAwardedThatDay: 300 })?.id);
  });
});

describe('reversalOf', () => {
  const original = award() as NonNullable<ReturnType<typeof award>>;
  const why = { cause: 'duplicate', reason: '与r-0重复', by: 'u-leader' } as const;

  it('undoes an award with the negated amount, keyed by the report, saying why and who', () => {
    expect(reversalOf(original, ACCEPTED + 86_400_000, { ...why, monthKey: '2025-01' })).toEqual({
      id: 'reversal:r-1',
      personId: 'u-inf',
      kind: 'reversal',
      unit: 'fen',
      amount: -300,
      at: ACCEPTED + 86_400_000,
      dayKey: '2025-01-07',
      monthKey: '2025-01',
      reportId: 'r-1',
      gridCode: GRID,
      streetCode: '100000001',
      cause: 'duplicate',
      reason: '与r-0重复',
      by: 'u-leader',
    });
  });

  it('counts in the month it is given (the first open one after a settled award month)', () => {
    const february = Date.UTC(2025, 1, 3, 2, 0);
    expect(reversalOf(original, february, { ...why, monthKey: '2025-02' })).toMatchObject({ monthKey: '2025-02', dayKey: '2025-02-03' });
  });

  it('never counts before its award’s month', () => {
    expect(() => reversalOf(original, ACCEPTED, { ...why, monthKey: '2024-12' })).toThrow('before');
  });

  it('needs the staff’s words', () => {
    expect(() => reversalOf(original, ACCEPTED, { ...why, reason: ' ', monthKey: '2025-01' })).toThrow('words');
  });

  it('refuses to reverse anything but an award', () => {
    const reversal = reversalOf(original, ACCEPTED, { ...why, monthKey: '2025-01' });
    expect(() => reversalOf(reversal, ACCEPTED, { ...why, monthKey: '2025-01' })).toThrow('only a report');
  });
});

describe('rewardOnOffer', () => {
  const category = { informantPointsFen: 300, residentPoints: 3 };

  it('offers a resident the category’s community points', () => {
    expect(rewardOnOffer(resident, category)).toEqual({ points: 3 });
  });

  it('offers an informant money in the grids they are approved for, and points elsewhere', () => {
    expect(rewardOnOffer(informant, category)).toEqual({ points: 3, fenInApprovedGrids: 300 });
  });

  it('offers an informant approved for no grid only points', () => {
    expect(rewardOnOffer({ ...informant, gridCodes: [] }, category)).toEqual({ points: 3 });
    expect(rewardOnOffer({ ...informant, informantGridCodes: [] }, category)).toEqual({ points: 3 });
  });

  it('offers money by the informant grids alone, not the grids lived or volunteered in', () => {
    expect(rewardOnOffer({ ...informant, gridCodes: [], informantGridCodes: [GRID] }, category)).toEqual({
      points: 3,
      fenInApprovedGrids: 300,
    });
    expect(rewardOnOffer({ ...resident, roles: ['volunteer', 'resident'] }, category)).toEqual({ points: 3 });
  });

  it('promises staff nothing, as they earn nothing in their own area', () => {
    expect(rewardOnOffer({ id: 'u-w', roles: ['gridWorker'], gridCodes: [GRID] }, category)).toBeNull();
    expect(rewardOnOffer({ id: 'u-p', roles: ['police', 'resident'], gridCodes: [GRID] }, category)).toBeNull();
  });
});
