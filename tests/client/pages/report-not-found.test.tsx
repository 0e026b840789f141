import { fireEvent, render, screen } from '@testing-library/react';
import ReportPage from '../../../client/src/pages/report';
import { forgetMe } from '../../../client/src/hooks/use-me';
import Taro, { __setRouterParams } from '../stand-ins/taro';
import { fail, installFakeLocalcloud, ok } from '../helpers/fake-localcloud';
import { me } from '../helpers/fixtures';

// A report link that leads nowhere (issue 13, item 6): said without blaming the person, with a way home.
describe('report page: a wrong or unknown report', () => {
  beforeEach(() => forgetMe());

  it.each([
    ['an id no report has, or one withdrawn or not theirs', 'REPORT.NOT_FOUND'],
    ['an id that is not an id at all', 'INPUT.INVALID'],
  ])('%s: 找不到这条上报, and 回到首页 relaunches home', async (_case, code) => {
    __setRouterParams({ id: 'no-such-report' });
    installFakeLocalcloud({ me: () => ok(me()), reportDetail: () => fail(code) });
    render(<ReportPage />);
    expect(await screen.findByText('找不到这条上报')).toBeTruthy();
    expect(screen.getByText('它可能已经撤回，或者链接有误。')).toBeTruthy();
    expect(screen.queryByText(/填写的内容有误|没有权限/)).toBeNull();
    fireEvent.click(screen.getByText('回到首页'));
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' });
  });

  it('says the same for a link with no id, without asking the server', async () => {
    __setRouterParams({});
    const cloud = installFakeLocalcloud({ me: () => ok(me()), reportDetail: () => fail('INPUT.INVALID') });
    render(<ReportPage />);
    expect(await screen.findByText('找不到这条上报')).toBeTruthy();
    expect(cloud.calls.reportDetail ?? []).toHaveLength(0);
  });

  it('still offers 重试 when the network, not the link, failed', async () => {
    __setRouterParams({ id: 'r-1' });
    const cloud = installFakeLocalcloud({ me: () => ok(me()) });
    cloud.dropNext(5);
    render(<ReportPage />);
    expect(await screen.findByText('重试')).toBeTruthy();
    expect(screen.queryByText('找不到这条上报')).toBeNull();
  });
});
