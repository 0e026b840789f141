import { fireEvent, render, screen } from '@testing-library/react';
import type { MessageView } from '@pingan/shared/contracts';
import MessagesPage from '../../../client/src/pages/messages';
import Taro from '../stand-ins/taro';
import { fail, installFakeLocalcloud, ok } from '../helpers/fake-localcloud';

function message(n: number, overrides: Partial<MessageView> = {}): MessageView {
  return {
    id: `rep-${n}:1:u-me`,
    kind: 'accepted',
    title: '您的上报已受理',
    body: `「环境卫生」已受理，正在安排处理。(${n})`,
    reportId: `rep-${n}`,
    at: Date.UTC(2025, 4, 3, 6, n),
    read: false,
    rateRequested: false,
    ...overrides,
  };
}

describe('消息 (my messages)', () => {
  it('lists my messages with the unread ones marked in words, and how many are unread', async () => {
    installFakeLocalcloud({
      myMessages: () =>
        ok({
          items: [
            message(3, { kind: 'closed', title: '您的上报已结案，请评价', rateRequested: true }),
            message(2, { read: true, kind: 'resolved', title: '您的上报已办结' }),
          ],
          nextCursor: null,
          unread: 1,
        }),
    });
    render(<MessagesPage />);
    expect(await screen.findByText('您的上报已结案，请评价')).toBeTruthy();
    expect(screen.getByText('1 条未读')).toBeTruthy();
    expect(screen.getAllByText('未读')).toHaveLength(1);
    expect(screen.getByLabelText('未读：您的上报已结案，请评价')).toBeTruthy();
    expect(screen.getByLabelText('您的上报已办结')).toBeTruthy();
    expect(screen.getByText('去评价 ›')).toBeTruthy();
    expect(screen.getByText('5月3日 14:03')).toBeTruthy();
  });

  it('marks a message read and opens its report when tapped', async () => {
    const cloud = installFakeLocalcloud({
      myMessages: () => ok({ items: [message(1, { reportId: 'rep-original' })], nextCursor: null, unread: 1 }),
      markMessagesRead: () => ok({ unread: 0 }),
    });
    render(<MessagesPage />);
    fireEvent.click(await screen.findByText('您的上报已受理'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/report/index?id=rep-original' });
    expect(cloud.calls.markMessagesRead).toEqual([{ ids: ['rep-1:1:u-me'] }]);
    expect(await screen.findByText('没有未读消息')).toBeTruthy();
    expect(screen.queryByText('未读')).toBeNull();
  });

  it('opens the staff case page for a staff message (已超时, 严重超时), where they act on it', async () => {
    installFakeLocalcloud({
      myMessages: () =>
        ok({
          items: [message(1, { kind: 'red', title: '下级案件严重超时，请督办', reportId: 'rep-late', read: true })],
          nextCursor: null,
          unread: 0,
        }),
    });
    render(<MessagesPage />);
    fireEvent.click(await screen.findByText('下级案件严重超时，请督办'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/pages/case/index?id=rep-late' });
  });

  it('opens the order for a service order’s message (接单, 完成, 确认, 异议, 裁定), which names no report', async () => {
    const { reportId: _reportId, ...withoutReport } = message(1);
    installFakeLocalcloud({
      myMessages: () =>
        ok({
          items: [{ ...withoutReport, id: 'o-1:4:u-me', kind: 'orderCompleted', title: '服务已完成，请确认', orderId: 'o-1', read: true }],
          nextCursor: null,
          unread: 0,
        }),
    });
    render(<MessagesPage />);
    fireEvent.click(await screen.findByText('服务已完成，请确认'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/orders/pages/order/index?id=o-1' });
  });

  it('marks them all read at once, then shows the count the server answers (one may have arrived meanwhile)', async () => {
    const cloud = installFakeLocalcloud({
      myMessages: () => ok({ items: [message(2), message(1)], nextCursor: null, unread: 2 }),
      markMessagesRead: () => ok({ unread: 1 }),
    });
    render(<MessagesPage />);
    fireEvent.click(await screen.findByText('全部已读'));
    expect(cloud.calls.markMessagesRead).toEqual([{ all: true }]);
    expect(screen.queryAllByText('未读')).toHaveLength(0);
    expect(await screen.findByText('1 条未读')).toBeTruthy();
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });

  it('loads older messages a page at a time', async () => {
    const cloud = installFakeLocalcloud({
      myMessages: (request) =>
        request.cursor
          ? ok({ items: [message(1)], nextCursor: null, unread: 2 })
          : ok({ items: [message(2)], nextCursor: 'c1', unread: 2 }),
    });
    render(<MessagesPage />);
    fireEvent.click(await screen.findByText('加载更多'));
    expect(await screen.findByText('「环境卫生」已受理，正在安排处理。(1)')).toBeTruthy();
    expect(cloud.calls.myMessages?.map((r) => r.cursor)).toEqual([undefined, 'c1']);
  });

  it('says so kindly when there is nothing yet, and what went wrong when the call fails', async () => {
    installFakeLocalcloud({ myMessages: () => ok({ items: [], nextCursor: null, unread: 0 }) });
    const { unmount } = render(<MessagesPage />);
    expect(await screen.findByText('还没有消息。您的上报有了进展，会在这里告诉您。')).toBeTruthy();
    unmount();
    installFakeLocalcloud({ myMessages: () => fail('INTERNAL.ERROR') });
    render(<MessagesPage />);
    expect(await screen.findByText('系统开小差了，请稍后再试。')).toBeTruthy();
  });
});
