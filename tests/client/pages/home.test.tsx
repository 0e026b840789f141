import { fireEvent, render, screen } from '@testing-library/react';
import { forgetMe } from '../../../client/src/hooks/use-me';
import HomePage from '../../../client/src/pages/home';
import Taro from '../stand-ins/taro';
import { fail, installFakeLocalcloud, ok } from '../helpers/fake-localcloud';
import { me } from '../helpers/fixtures';

describe('home page', () => {
  beforeEach(forgetMe);

  it('shows my grid with each staff member and calls the one tapped', async () => {
    installFakeLocalcloud({ me: () => ok(me()) });
    render(<HomePage />);
    expect(await screen.findByText('城关社区第3网格')).toBeTruthy();
    expect(screen.getByText('您好，张秀兰')).toBeTruthy();
    // In the server's order (the domain's GRID_STAFF_ROLES): the page does not sort again.
    const names = screen.getAllByText(/陈志强|赵丽/).map((el) => el.textContent);
    expect(names).toEqual(['陈志强', '赵丽']);
    fireEvent.click(screen.getByLabelText('给网格员赵丽打电话'));
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13800000053' });
  });

  it('offers to scan a grid code when I have not joined one', async () => {
    installFakeLocalcloud({ me: () => ok(me({ joinedGrid: null })) });
    render(<HomePage />);
    expect(await screen.findByText('您还没有加入网格')).toBeTruthy();
    fireEvent.click(screen.getAllByText('扫码入格')[0]!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/scan/index' });
  });

  it('shows the staff workbench only to people who work cases', async () => {
    installFakeLocalcloud({ me: () => ok(me({ name: '赵丽', roles: ['gridWorker'] })) });
    render(<HomePage />);
    fireEvent.click(await screen.findByText('网格员工作台'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/pages/inbox/index' });
  });

  it('says what went wrong and loads again on 重试', async () => {
    let answer: unknown = fail('INTERNAL.ERROR');
    installFakeLocalcloud({ me: () => answer });
    render(<HomePage />);
    expect(await screen.findByText('系统开小差了，请稍后再试。')).toBeTruthy();
    answer = ok(me());
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('城关社区第3网格')).toBeTruthy();
  });

  it('sends a browser user who is not signed in to the demo sign-in', async () => {
    global.fetch = jest.fn(async () => ({ ok: false, status: 401, text: async () => '{}' })) as unknown as typeof fetch;
    render(<HomePage />);
    fireEvent.click(await screen.findByText('选择演示用户'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/local/pages/signin/index' });
  });
});
