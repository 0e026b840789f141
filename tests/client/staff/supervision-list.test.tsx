import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import StaffInboxPage from '../../../client/src/staff/pages/inbox';
import StaffSupervisionPage, { spanText } from '../../../client/src/staff/pages/supervision';
import Taro, { __setRouterParams } from '../stand-ins/taro';
import { installFakeLocalcloud, ok } from '../helpers/fake-localcloud';
import { inboxItem } from '../helpers/fixtures';

const HOUR = 3_600_000;
const counts = { submitted: 0, handling: 0, resolved: 0, dueSoon: 0, overdue: 0 };

describe('督办清单 (the staff supervision page)', () => {
  it('shows each case with its owner, how long it has been red and its 督办 notes, and opens the case page', async () => {
    const now = Date.now();
    const red = {
      ...inboxItem(1, { light: 'red' }),
      ownerName: '城关社区第3网格',
      communityName: '城关社区',
      supervision: { sent: 2, unanswered: 1, redSince: now - 26 * HOUR, listedSince: now - 26 * HOUR },
    };
    const waiting = {
      ...inboxItem(2),
      ownerLevel: 'community',
      ownerCode: '410399001001',
      supervision: { sent: 1, unanswered: 1, redSince: null, listedSince: now - HOUR },
    };
    const cloud = installFakeLocalcloud({
      supervisionList: () => ok({ centre: { code: '410399001001', level: 'community' }, items: [red, waiting], nextCursor: null }),
    });
    render(<StaffSupervisionPage />);
    await screen.findByText('楼道堆物 1');
    expect(cloud.calls.supervisionList).toEqual([{ limit: 20 }]);
    const first = document.querySelector('#supervision-rep-1') as HTMLElement;
    expect(first.textContent).toContain('办理单位：城关社区第3网格');
    expect(first.textContent).toContain('严重超时 1天2小时');
    expect(first.textContent).toContain('已督办 2 次');
    expect(first.textContent).toContain('1 条督办待回复');
    const second = (document.querySelector('#supervision-rep-2') as HTMLElement).textContent;
    expect(second).toContain('未严重超时');
    expect(second).toContain('办理单位：社区 410399001001');
    fireEvent.click(screen.getByText('楼道堆物 1'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/pages/case/index?id=rep-1' });
  });

  it('says when nothing needs a 督办', async () => {
    installFakeLocalcloud({ supervisionList: () => ok({ centre: { code: '410399', level: 'county' }, items: [], nextCursor: null }) });
    render(<StaffSupervisionPage />);
    expect(await screen.findByText('没有需要督办的案卷')).toBeTruthy();
  });

  it('words a span in minutes, hours, then days and hours', () => {
    expect([spanText(0, 5 * 60_000), spanText(0, 3 * HOUR), spanText(0, 48 * HOUR), spanText(0, 50 * HOUR)]).toEqual([
      '5分钟',
      '3小时',
      '2天',
      '2天2小时',
    ]);
  });
});

describe('the inbox on 督办待回复', () => {
  it('asks for the cases with a 督办 unanswered, and drops the filter on a tap of its tag', async () => {
    __setRouterParams({ status: 'open', supervision: 'unanswered' });
    const cloud = installFakeLocalcloud({
      inbox: () => ok({ items: [inboxItem(1)], nextCursor: null }),
      workbench: () => ok({ kind: 'gridWorker', grids: [], counts, supervisionUnanswered: 1, dueSoonHours: 4 }),
    });
    render(<StaffInboxPage />);
    await screen.findByText('楼道堆物 1');
    expect(cloud.calls.inbox![0]).toEqual({ limit: 20, sort: 'urgency', supervision: 'unanswered' });
    fireEvent.click(screen.getByText('督办待回复 ×'));
    await waitFor(() => expect(cloud.calls.inbox).toHaveLength(2));
    expect(cloud.calls.inbox![1]).toEqual({ limit: 20, sort: 'urgency' });
  });
});
