import { lngLat } from '@pingan/shared/geo';
import { actorFromPerson } from '@pingan/shared/people';
import { fenAwardedOnDay } from '@pingan/shared/points';
import type { LedgerEntry } from '@pingan/shared/points';
import { DEFAULT_POINTS_RULES } from '@pingan/shared/points';
import { awardForReport } from '@pingan/shared/points';
import { applyTransition } from '@pingan/shared/report';
import { newReport } from '@pingan/shared/report';
import { buildGridIndex, indexLocator } from '@pingan/shared/routing';
import { routeReport } from '@pingan/shared/routing';
import { demoCategories, demoPeople, demoTree } from '../fixtures/demo-county';

const locator = indexLocator(buildGridIndex(demoTree));
const person = (id: string) => actorFromPerson(demoPeople.find((candidate) => candidate.id === id) ?? { id, roles: [], gridCodes: [] });
const category = (code: string) =>
  demoCategories.categories.find((candidate) => candidate.code === code) ?? { informantPointsFen: 0, residentPoints: 0, departments: [] };
const informant = person('u-informant-01'); // 李明, approved for the demo grid 410399001001-03
const worker = person('u-grid-worker-03'); // 赵丽, the demo grid's worker
const NOW = Date.UTC(2025, 2, 3, 1, 0); // 09:00 in Shanghai

/** 李明 reports at a point, 赵丽 (or whoever owns it) accepts, and the award follows from the ledger so far. */
function acceptedReportAward(id: string, categoryCode: string, at: [number, number], ledger: LedgerEntry[]) {
  const location = lngLat(...at);
  const route = routeReport(locator, { location, departments: category(categoryCode).departments });
  const report = newReport({
    id,
    reporterId: informant.id,
    anonymous: false,
    categoryCode,
    text: '随手拍',
    photos: [],
    location,
    route,
    now: NOW,
  });
  const outcome = applyTransition(report, { type: 'accept' }, worker, NOW + 60_000);
  if (!outcome.ok) return outcome.code;
  return awardForReport({
    report: outcome.report,
    reporter: informant,
    category: category(categoryCode),
    rules: DEFAULT_POINTS_RULES,
    fenAwardedThatDay: fenAwardedOnDay(ledger, informant.id, '2025-03-03'),
  });
}

describe('an informant’s day in the demo county', () => {
  it('pays 李明 5 yuan for a 消防隐患 in the demo grid, with 消防救援站 as co-handler', () => {
    expect(acceptedReportAward('r-1', 'XFYH', [111.587499, 33.796931], [])).toMatchObject({ unit: 'fen', amount: 500, basis: 'informant' });
  });

  it('caps 李明 at 20 yuan: the fifth 消防隐患 that day earns 0, recorded as such', () => {
    const ledger: LedgerEntry[] = [];
    for (const id of ['r-1', 'r-2', 'r-3', 'r-4', 'r-5']) {
      const award = acceptedReportAward(id, 'XFYH', [111.587499, 33.796931], ledger);
      if (award && typeof award === 'object') ledger.push(award);
    }
    expect(ledger.map((entry) => entry.amount)).toEqual([500, 500, 500, 500, 0]);
    expect(ledger.at(-1)?.basis).toBe('daily_cap');
  });

  it('lets only the owning grid accept: a report in grid 01-01 is not 赵丽’s to accept', () => {
    expect(acceptedReportAward('r-7', 'XFYH', [111.586112, 33.799899], [])).toBe('REPORT.FORBIDDEN');
  });
});
