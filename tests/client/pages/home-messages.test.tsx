import { fireEvent, render, screen } from '@testing-library/react';
import { forgetMe } from '../../../client/src/hooks/use-me';
import HomePage from '../../../client/src/pages/home';
import Taro from '../stand-ins/taro';
import { fail, installFakeLocalcloud, ok } from '../helpers/fake-localcloud';
import { me } from '../helpers/fixtures';

describe('the home page’s 消息 entry', () => {
  beforeEach(forgetMe);

  it('shows how many messages are unread and opens 消息', async () => {
    const cloud = installFakeLocalcloud({ me: () => ok(me()), myMessages: () => ok({ items: [], nextCursor: null, unread: 3 }) });
    render(<HomePage />);
    expect(await screen.findByText('3 条未读')).toBeTruthy();
    expect(screen.getByLabelText('3 条未读').textContent).toBe('3');
    expect(cloud.calls.myMessages).toEqual([{ limit: 1 }]);
    fireEvent.click(screen.getByText('消息'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/messages/index' });
  });

  it('shows no number when nothing is unread, or when the count cannot be had', async () => {
    installFakeLocalcloud({ me: () => ok(me()), myMessages: () => ok({ items: [], nextCursor: null, unread: 0 }) });
    const { unmount } = render(<HomePage />);
    expect(await screen.findByText('办理进展通知')).toBeTruthy();
    unmount();
    forgetMe();
    installFakeLocalcloud({ me: () => ok(me()), myMessages: () => fail('INTERNAL.ERROR') });
    render(<HomePage />);
    expect(await screen.findByText('办理进展通知')).toBeTruthy();
    expect(screen.getByText('城关社区第3网格')).toBeTruthy();
  });
});
