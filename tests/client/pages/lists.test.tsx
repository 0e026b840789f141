import { fireEvent, render, screen } from '@testing-library/react';
import MyReportsPage from '../../../client/src/pages/my-reports';
import PointsPage from '../../../client/src/pages/points';
import ReportPage from '../../../client/src/pages/report';
import Taro, { __setRouterParams } from '../stand-ins/taro';
import { installFakeLocalcloud, ok } from '../helpers/fake-localcloud';
import { detail, summary } from '../helpers/fixtures';

describe('my reports (我的上报)', () => {
  it('lists my reports with their state and light, newest first as served', async () => {
    installFakeLocalcloud({
      myReports: () =>
        ok({
          items: [summary(2, { status: 'accepted', light: 'yellow' }), summary(1, { status: 'rejected', light: null })],
          nextCursor: null,
        }),
    });
    render(<MyReportsPage />);
    expect(await screen.findByText('已受理')).toBeTruthy();
    expect(screen.getByText('已超时')).toBeTruthy();
    expect(screen.getByText('未受理')).toBeTruthy();
    fireEvent.click(screen.getByText('楼道堆物 2'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/report/index?id=rep-2' });
  });

  it('invites a first report when there is none', async () => {
    installFakeLocalcloud({ myReports: () => ok({ items: [], nextCursor: null }) });
    render(<MyReportsPage />);
    fireEvent.click(await screen.findByText('随手拍一个'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/report-new/index' });
  });
});

describe('report detail (办理进度)', () => {
  it('shows the timeline, each step with its time and who acted', async () => {
    __setRouterParams({ id: 'rep-1' });
    const accepted = {
      seq: 1,
      type: 'accepted' as const,
      at: Date.UTC(2025, 4, 3, 7, 30),
      status: 'accepted' as const,
      actor: { id: 'w', name: '赵丽' },
      note: '已安排清理',
    };
    installFakeLocalcloud({ reportDetail: () => ok({ report: detail({ status: 'accepted', events: [...detail().events, accepted] }) }) });
    render(<ReportPage />);
    expect(await screen.findByText('提交上报')).toBeTruthy();
    expect(screen.getByText('网格员受理')).toBeTruthy();
    expect(screen.getByText(/^5月3日 15:30\s赵丽$/)).toBeTruthy();
    expect(screen.getByText('已安排清理')).toBeTruthy();
    // The browser cannot show a cloud:// photo: a numbered tile stands in.
    expect(screen.getByText('照片 1')).toBeTruthy();
  });
});

describe('my points (我的积分)', () => {
  it('shows community points, reward money in yuan, and the ledger', async () => {
    installFakeLocalcloud({
      myPoints: () =>
        ok({
          fenBalance: 550,
          pointBalance: 8,
          entries: [
            {
              id: 'award:rep-2',
              kind: 'award',
              unit: 'fen',
              amount: 500,
              at: Date.UTC(2025, 4, 3, 8, 0),
              reportId: 'rep-2',
              basis: 'informant',
            },
            {
              id: 'award:rep-1',
              kind: 'award',
              unit: 'point',
              amount: 5,
              at: Date.UTC(2025, 4, 3, 7, 0),
              reportId: 'rep-1',
              basis: 'resident',
            },
          ],
          nextCursor: null,
        }),
    });
    render(<PointsPage />);
    expect(await screen.findByText('8 分')).toBeTruthy();
    expect(screen.getByText('5.50 元')).toBeTruthy();
    expect(screen.getByText('+5.00 元')).toBeTruthy();
    expect(screen.getByText('+5 分')).toBeTruthy();
  });

  it('does not show a money card to someone who has never earned any', async () => {
    installFakeLocalcloud({ myPoints: () => ok({ fenBalance: 0, pointBalance: 0, entries: [], nextCursor: null }) });
    render(<PointsPage />);
    expect(await screen.findByText('还没有积分记录')).toBeTruthy();
    expect(screen.queryByText('信息员奖励金')).toBeNull();
  });
});
