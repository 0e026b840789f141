import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { FollowedReport, NearbyReport } from '@pingan/shared/contracts';
import FollowedReports from '../../../client/src/pages/home/followed-reports';
import ReportPage from '../../../client/src/pages/report';
import NearbyReports from '../../../client/src/pages/report-new/nearby-reports';
import { forgetMe } from '../../../client/src/hooks/use-me';
import Taro, { __setRouterParams } from '../stand-ins/taro';
import { fail, installFakeLocalcloud, ok } from '../helpers/fake-localcloud';
import { detail, me, summary } from '../helpers/fixtures';

const HERE = [111.587499, 33.796931] as const;

function nearby(n: number, overrides: Partial<NearbyReport> = {}): NearbyReport {
  return {
    id: `near-${n}`,
    categoryCode: 'XFYH',
    categoryName: '消防隐患',
    status: 'accepted',
    light: 'green',
    text: `楼道堆物 ${n}`,
    ownerLevel: 'grid',
    ownerName: '城关社区第3网格',
    communityName: '城关社区',
    distanceM: 40 * n,
    submittedAt: Date.UTC(2025, 4, 3, 6, 5),
    supportCount: n - 1,
    following: false,
    ...overrides,
  };
}

describe('我也遇到 in the report form', () => {
  it('asks for nothing until a category and a place are both chosen', async () => {
    const cloud = installFakeLocalcloud({ nearbyReports: () => ok({ items: [nearby(1)], radiusM: 50 }) });
    const view = render(<NearbyReports categoryCode="XFYH" />);
    view.rerender(<NearbyReports location={HERE} />);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(cloud.calls.nearbyReports).toBeUndefined();
    view.rerender(<NearbyReports categoryCode="XFYH" location={HERE} />);
    await screen.findByText('附近已有人报过同类问题');
    expect(cloud.calls.nearbyReports).toEqual([{ categoryCode: 'XFYH', location: [...HERE] }]);
  });

  it('lists each open report with its status, place, distance and support, and follows one instead of filing', async () => {
    const cloud = installFakeLocalcloud({
      nearbyReports: () => ok({ items: [nearby(1), nearby(3, { status: 'in_progress' })], radiusM: 50 }),
      followReport: ({ reportId }) => ok({ reportId, following: true, supportCount: 3 }),
    });
    render(<NearbyReports categoryCode="XFYH" location={HERE} />);
    const item = await screen.findByText('楼道堆物 3');
    const card = item.closest('[data-status]')!;
    expect(card.textContent).toContain('处理中');
    expect(card.textContent).toContain('地点：城关社区第3网格');
    expect(card.textContent).toContain('约 120 米');
    expect(card.textContent).toContain('2 人也遇到');
    expect(screen.getByText('还没有人关注')).toBeTruthy();
    fireEvent.click(document.querySelector('#follow-near-3')!);
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/report/index?id=near-3' }));
    expect(cloud.calls.followReport).toEqual([{ reportId: 'near-3' }]);
  });

  it('opens a report already followed, or one’s own, instead of following it', async () => {
    const cloud = installFakeLocalcloud({
      nearbyReports: () => ok({ items: [nearby(1, { following: true }), nearby(2, { mine: true })], radiusM: 50 }),
    });
    render(<NearbyReports categoryCode="XFYH" location={HERE} />);
    fireEvent.click(await screen.findByText('已关注，查看进度'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/report/index?id=near-1' });
    expect(screen.getByText('这是您报的，查看进度')).toBeTruthy();
    expect(screen.queryByText('我也遇到（关注）')).toBeNull();
    expect(cloud.calls.followReport).toBeUndefined();
  });

  it('says in words why a follow failed, and stays on the form', async () => {
    installFakeLocalcloud({
      nearbyReports: () => ok({ items: [nearby(1)], radiusM: 50 }),
      followReport: () => fail('REPORT.INVALID_TRANSITION'),
    });
    render(<NearbyReports categoryCode="XFYH" location={HERE} />);
    fireEvent.click(await screen.findByText('我也遇到（关注）'));
    expect(await screen.findByText('这件事的办理状态已经变了，请刷新后再看。')).toBeTruthy();
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });

  it('shows nothing where there is nothing nearby', async () => {
    const cloud = installFakeLocalcloud({ nearbyReports: () => ok({ items: [], radiusM: 0 }) });
    render(<NearbyReports categoryCode="ZAXS" location={HERE} />);
    await waitFor(() => expect(cloud.calls.nearbyReports).toHaveLength(1));
    expect(screen.queryByText('附近已有人报过同类问题')).toBeNull();
  });
});

describe('followed reports on the resident home', () => {
  const followed = (n: number): FollowedReport => ({
    ...summary(n, { status: 'in_progress' }),
    followedAt: Date.now(),
    supportCount: n + 1,
  });

  it('lists what the resident follows with its support, each opening its progress', async () => {
    const cloud = installFakeLocalcloud({ myFollows: () => ok({ items: [followed(2), followed(1)], nextCursor: null }) });
    render(<FollowedReports />);
    expect(await screen.findByText('我关注的')).toBeTruthy();
    expect(screen.getByText('3 人也遇到')).toBeTruthy();
    fireEvent.click(screen.getByText('楼道堆物 2'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/report/index?id=rep-2' });
    expect(cloud.calls.myFollows).toEqual([{ limit: 5 }]);
  });

  it('shows nothing while there are none, or when the list cannot be read', async () => {
    const cloud = installFakeLocalcloud({ myFollows: () => fail('INTERNAL.ERROR') });
    render(<FollowedReports />);
    await waitFor(() => expect(cloud.calls.myFollows).toHaveLength(1));
    expect(screen.queryByText('我关注的')).toBeNull();
  });
});

describe('取消关注 on the report page', () => {
  function openAsFollower(handlers = {}) {
    forgetMe();
    __setRouterParams({ id: 'rep-1' });
    // A follower is not shown the reporter (visibility): the report comes without one.
    const { reporter: _hidden, ...report } = detail({ status: 'accepted' });
    return installFakeLocalcloud({
      me: () => ok({ ...me({ name: '王桂英' }), id: 'u-resident-02' }),
      reportDetail: () => ok({ report }),
      unfollowReport: ({ reportId }: Record<string, unknown>) => ok({ reportId, following: false, supportCount: 0 }),
      ...handlers,
    });
  }

  it('lets a follower stop following, after asking, and goes back', async () => {
    const cloud = openAsFollower();
    render(<ReportPage />);
    fireEvent.click(await screen.findByText('取消关注', { selector: 'button' }));
    expect(screen.getByRole('dialog').textContent).toContain('不再收到这件事的进展');
    fireEvent.click(screen.getAllByText('取消关注', { selector: '[role="dialog"] button' })[0]!);
    await waitFor(() => expect(cloud.calls.unfollowReport).toEqual([{ reportId: 'rep-1' }]));
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' });
  });

  it('is not offered to the reporter', async () => {
    forgetMe();
    __setRouterParams({ id: 'rep-1' });
    const cloud = installFakeLocalcloud({ me: () => ok(me()), reportDetail: () => ok({ report: detail({ status: 'accepted' }) }) });
    render(<ReportPage />);
    await screen.findByText('提交上报');
    await waitFor(() => expect(cloud.calls.me).toHaveLength(1));
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(screen.queryByText('取消关注')).toBeNull();
  });
});
