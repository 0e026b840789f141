import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ServiceRecord } from '@pingan/shared/contracts';
import { shanghaiYear } from '@pingan/shared/time';
import { forgetMe } from '../../../client/src/hooks/use-me';
import VolunteerHome from '../../../client/src/pages/home/volunteer-home';
import ServiceRecordPage from '../../../client/src/volunteer/pages/record';
import { dayText, monthsServed } from '../../../client/src/volunteer/service-record';
import Taro from '../stand-ins/taro';
import { installFakeLocalcloud, ok } from '../helpers/fake-localcloud';

const GRID = '410399001001-03';
const THIS_YEAR = shanghaiYear(Date.now());
const NONE = { minutes: 0, points: 0, tasks: 0 };

function record(year: number, overrides: Partial<ServiceRecord> = {}): ServiceRecord {
  const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, ...NONE }));
  months[2] = { month: 3, minutes: 40, points: 5, tasks: 1 };
  months[10] = { month: 11, minutes: 160, points: 20, tasks: 2 };
  return {
    year,
    name: '王建国',
    grids: [{ code: GRID, name: '城关社区第3网格' }],
    totals: { minutes: 200, points: 25, tasks: 3 },
    months,
    tasks: [
      {
        orderId: 'o-3',
        title: '助餐送餐',
        servedOn: `${year}-11-20`,
        creditedOn: `${year}-11-21`,
        gridCode: GRID,
        gridName: '城关社区第3网格',
        minutes: 120,
        points: 15,
      },
      {
        orderId: 'o-2',
        title: '上门理发',
        servedOn: `${year}-11-02`,
        creditedOn: `${year}-11-02`,
        gridCode: GRID,
        gridName: '城关社区第3网格',
        minutes: 40,
        points: 5,
      },
      {
        orderId: 'o-1',
        title: '上门理发',
        servedOn: `${year}-03-05`,
        creditedOn: `${year}-03-05`,
        gridCode: GRID,
        gridName: '城关社区第3网格',
        minutes: 40,
        points: 5,
      },
    ],
    issuedAt: Date.parse(`${THIS_YEAR}-12-02T10:00:00+08:00`),
    ...overrides,
  };
}

describe('我的服务记录', () => {
  it('shows the year as a record to show: name, grids, hours, tasks, points, issued by the platform with the date', async () => {
    const cloud = installFakeLocalcloud({ myServiceRecord: (request) => ok(record((request.year as number) ?? THIS_YEAR)) });
    render(<ServiceRecordPage />);
    const card = (await screen.findByText(`${THIS_YEAR}年度志愿服务证明`)).closest('#record-certificate') as HTMLElement;
    expect(cloud.calls.myServiceRecord).toEqual([{ year: THIS_YEAR }]);
    expect(within(card).getByText('王建国')).toBeTruthy();
    expect(within(card).getByText('城关社区第3网格')).toBeTruthy();
    expect(document.querySelector('#record-hours')?.textContent).toBe('3 小时 20 分钟');
    expect(document.querySelector('#record-tasks')?.textContent).toBe('3 次');
    expect(document.querySelector('#record-points')?.textContent).toBe('25 分');
    expect(document.querySelector('#record-issued')?.textContent).toBe(`平安网格平台出具　${THIS_YEAR}年12月02日`);
    const months = document.querySelector('#record-months') as HTMLElement;
    expect(
      within(months)
        .getAllByText(/^\d+月$/)
        .map((el) => el.textContent),
    ).toEqual(['3月', '11月']);
    expect(within(months).getByText('2 次 · 2 小时 40 分钟 · 20 分')).toBeTruthy();
    const list = document.querySelector('#record-tasks-list') as HTMLElement;
    expect(within(list).getAllByText(/助餐送餐|上门理发/)).toHaveLength(3);
    expect(within(list).getByText(`${THIS_YEAR}年11月20日 · 城关社区第3网格`)).toBeTruthy();
  });

  it('switches to the year before and back; never past this year', async () => {
    const cloud = installFakeLocalcloud({
      myServiceRecord: (request) =>
        ok(
          request.year === THIS_YEAR - 1
            ? record(THIS_YEAR - 1, { totals: NONE, months: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, ...NONE })), tasks: [] })
            : record(THIS_YEAR),
        ),
    });
    render(<ServiceRecordPage />);
    await screen.findByText(`${THIS_YEAR}年度志愿服务证明`);
    const later = document.querySelector('#record-year-later') as HTMLElement;
    expect(later.textContent).toBe('今年');
    expect(later.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(later);
    fireEvent.click(document.querySelector('#record-year-earlier') as HTMLElement);
    expect(await screen.findByText(`${THIS_YEAR - 1}年还没有确认完成的服务`)).toBeTruthy();
    expect(document.querySelector('#record-tasks')?.textContent).toBe('0 次');
    fireEvent.click(screen.getByText(`${THIS_YEAR}年 ›`));
    expect(await screen.findByText(`${THIS_YEAR}年度志愿服务证明`)).toBeTruthy();
    expect(cloud.calls.myServiceRecord).toEqual([{ year: THIS_YEAR }, { year: THIS_YEAR - 1 }, { year: THIS_YEAR }]);
  });

  it('is opened from the volunteer’s home, under 我的服务', async () => {
    forgetMe();
    installFakeLocalcloud({
      myTasks: () => ok({ items: [], nextCursor: null }),
      myPoints: () => ok({ fenBalance: 0, pointBalance: 0, entries: [], nextCursor: null }),
      taskHall: () => ok({ items: [], nextCursor: null }),
    });
    render(<VolunteerHome />);
    fireEvent.click(await screen.findByText('我的服务记录（可出示的年度证明）›'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/volunteer/pages/record/index' });
  });

  it('writes days in Chinese and keeps only the months served', () => {
    expect(dayText('2026-03-05')).toBe('2026年03月05日');
    expect(monthsServed(record(2026)).map((month) => month.month)).toEqual([3, 11]);
  });
});
