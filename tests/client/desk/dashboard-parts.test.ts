import { addMonths, monthStart, monthsBetween, periodText, rangeOf } from '../../../client/src/desk/dashboard/period';
import { kpisOf, rateScaleOf } from '../../../client/src/desk/dashboard/measures';
import { drillInto, shortName, type Crumb } from '../../../client/src/desk/dashboard/unit-trail';

// 2026-12-01 00:30 in Shanghai is still 2026-11-30 in UTC: the month must be Shanghai's.
const EARLY_DECEMBER = Date.UTC(2026, 10, 30, 16, 30);
const HOUR = 3_600_000;

describe('the dashboard’s periods (Asia/Shanghai months)', () => {
  it('starts a month at its first midnight in Shanghai', () => {
    expect(monthStart('2026-12')).toBe(Date.UTC(2026, 11, 1) - 8 * HOUR);
  });

  it('counts months across a year’s end', () => {
    expect(addMonths('2026-01', -2)).toBe('2025-11');
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(monthsBetween('2025-11', '2026-02')).toBe(4);
  });

  it('gives 本月, 上月 and 近三个月 as whole Shanghai months, [from, to)', () => {
    expect(rangeOf({ kind: 'thisMonth' }, EARLY_DECEMBER)).toEqual({ from: monthStart('2026-12'), to: monthStart('2027-01') });
    expect(rangeOf({ kind: 'lastMonth' }, EARLY_DECEMBER)).toEqual({ from: monthStart('2026-11'), to: monthStart('2026-12') });
    expect(rangeOf({ kind: 'last3' }, EARLY_DECEMBER)).toEqual({ from: monthStart('2026-10'), to: monthStart('2027-01') });
    expect(rangeOf({ kind: 'months', first: '2026-01', last: '2026-03' }, EARLY_DECEMBER)).toEqual({
      from: monthStart('2026-01'),
      to: monthStart('2026-04'),
    });
  });

  it('names a period in Chinese, the year repeated only when it changes', () => {
    expect(periodText({ kind: 'thisMonth' }, EARLY_DECEMBER)).toBe('2026年12月');
    expect(periodText({ kind: 'last3' }, EARLY_DECEMBER)).toBe('2026年10月–12月');
    expect(periodText({ kind: 'months', first: '2025-11', last: '2026-02' }, EARLY_DECEMBER)).toBe('2025年11月–2026年2月');
  });
});

describe('the drill-down trail', () => {
  const county: Crumb = { level: 'county', code: '410399', name: '平安县' };

  it('goes one level down into the unit picked', () => {
    const street = drillInto([county], { code: '410399001', name: '城关街道' });
    expect(street).toEqual([county, { level: 'street', code: '410399001', name: '城关街道' }]);
    const grid = drillInto(drillInto(street, { code: '410399001001', name: '城关社区' }), {
      code: '410399001001-03',
      name: '城关社区第3网格',
    });
    expect(grid.map((c) => c.level)).toEqual(['county', 'street', 'community', 'grid']);
  });

  it('stays at a grid (its row is itself)', () => {
    const atGrid: Crumb[] = [{ level: 'grid', code: '410399001001-03', name: '城关社区第3网格' }];
    expect(drillInto(atGrid, { code: '410399001001-03', name: '城关社区第3网格' })).toEqual(atGrid);
  });
});

describe('what the cards and the map say', () => {
  it('shows the nine figures as the function answered them, rates with permilleText and — for none', () => {
    const kpis = kpisOf({
      received: 12,
      accepted: 8,
      validReportPermille: 667,
      closed: 0,
      closedPermille: 0,
      onTimePermille: null,
      rated: 0,
      satisfiedPermille: null,
      averageHandlingHours: 26.5,
      reworkPermille: null,
      escalated: 0,
      supervised: 2,
      supervisionAnswered: 1,
      supervisionAnsweredPermille: 500,
    });
    expect(kpis.map((k) => `${k.label} ${k.text}`)).toEqual([
      '收件 12',
      '受理 8',
      '有效上报率 66.7%',
      '办结率 0.0%',
      '按期办结率 —',
      '满意率 —',
      '平均办理时长 26.5 小时',
      '返工率 —',
      '督办回复率 50.0%',
    ]);
  });

  it('labels a child on the map without its parent’s name', () => {
    expect(shortName('城关社区第5网格', '城关社区')).toBe('第5网格');
    expect(shortName('城关街道', '平安县')).toBe('城关街道');
    expect(shortName('城关社区第3网格', '城关社区第3网格')).toBe('城关社区第3网格');
  });
});

describe('the scale a rate colours the map on', () => {
  it('spans the units’ own values in whole tens of per cent, so close units still differ', () => {
    expect(rateScaleOf([843, 850, null])).toEqual({ min: 800, max: 900 });
    expect(rateScaleOf([412, 977])).toEqual({ min: 400, max: 1000 });
  });

  it('keeps one ten of per cent when every unit has the same round value, and 0–100 % with none', () => {
    expect(rateScaleOf([1000, 1000])).toEqual({ min: 900, max: 1000 });
    expect(rateScaleOf([0])).toEqual({ min: 0, max: 100 });
    expect(rateScaleOf([null, null])).toEqual({ min: 0, max: 1000 });
  });
});
