import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import StaffInboxPage from '../../../client/src/staff/pages/inbox';
import Taro, { __setRouterParams } from '../stand-ins/taro';
import { installFakeLocalcloud, ok } from '../helpers/fake-localcloud';
import { inboxItem } from '../helpers/fixtures';

// 60 open cases, served 20 a page as the inbox function does.
const cases = Array.from({ length: 60 }, (_, i) => inboxItem(i + 1, { light: i < 3 ? 'red' : 'green' }));
function page(request: Record<string, unknown>) {
  const start = request.cursor ? Number(request.cursor) : 0;
  const limit = Number(request.limit ?? 20);
  const items = cases.slice(start, start + limit);
  return ok({ items, nextCursor: start + limit < cases.length ? String(start + limit) : null });
}

describe('staff inbox (待办案卷)', () => {
  it('shows the first 20 cases with their lights and loads the rest a page at a time', async () => {
    const cloud = installFakeLocalcloud({ inbox: page });
    render(<StaffInboxPage />);
    await screen.findByText('楼道堆物 1');
    expect(document.querySelectorAll('[data-report-id]')).toHaveLength(20);
    expect(screen.getAllByText('严重超时')).toHaveLength(3);
    expect(cloud.calls.inbox![0]).toMatchObject({ limit: 20, status: 'submitted' });

    fireEvent.click(screen.getByText('加载更多'));
    await waitFor(() => expect(document.querySelectorAll('[data-report-id]')).toHaveLength(40));
    fireEvent.click(screen.getByText('加载更多'));
    await screen.findByText('共 60 条，已经到底了');
    expect(cloud.calls.inbox!.map((r) => r.cursor)).toEqual([undefined, '20', '40']);
  });

  it('keeps the loaded cases when a later page fails, and retries that page', async () => {
    const cloud = installFakeLocalcloud({ inbox: page });
    render(<StaffInboxPage />);
    await screen.findByText('楼道堆物 1');
    cloud.dropNext();
    fireEvent.click(screen.getByText('加载更多'));
    expect(await screen.findByText(/网络不好/)).toBeTruthy();
    expect(document.querySelectorAll('[data-report-id]')).toHaveLength(20);
    fireEvent.click(screen.getByText('重试'));
    await waitFor(() => expect(document.querySelectorAll('[data-report-id]')).toHaveLength(40));
  });

  it('asks for every open case under 全部待办, and opens a case when tapped', async () => {
    const cloud = installFakeLocalcloud({ inbox: page });
    render(<StaffInboxPage />);
    await screen.findByText('楼道堆物 1');
    fireEvent.click(screen.getByText('全部待办'));
    await waitFor(() => expect(cloud.calls.inbox).toHaveLength(2));
    expect(cloud.calls.inbox![1]).not.toHaveProperty('status');
    fireEvent.click(await screen.findByText('楼道堆物 2'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/pages/case/index?id=rep-2' });
  });

  it('says so when nothing waits', async () => {
    installFakeLocalcloud({ inbox: () => ok({ items: [], nextCursor: null }) });
    render(<StaffInboxPage />);
    expect(await screen.findByText('没有待受理的上报')).toBeTruthy();
  });

  it('opened from the 已超时 tile, asks for exactly that count’s cases and shows the filter, dropped with a tap', async () => {
    __setRouterParams({ status: 'open', due: 'overdue' });
    try {
      const cloud = installFakeLocalcloud({ inbox: page });
      render(<StaffInboxPage />);
      await screen.findByText('楼道堆物 1');
      expect(cloud.calls.inbox![0]).toEqual({ limit: 20, due: 'overdue', sort: 'urgency' });
      expect(screen.getByText('已超时 ×')).toBeTruthy();
      expect(screen.getByText('筛选（1）')).toBeTruthy();
      expect(document.querySelector('#filter-all')!.getAttribute('aria-checked')).toBe('true');
      fireEvent.click(screen.getByText('已超时 ×'));
      await waitFor(() => expect(cloud.calls.inbox).toHaveLength(2));
      expect(cloud.calls.inbox![1]).not.toHaveProperty('due');
      expect(screen.queryByText('已超时 ×')).toBeNull();
    } finally {
      __setRouterParams({});
    }
  });

  it('opened from the 办理中 tile, asks for the 办理中 statuses and marks that chip', async () => {
    __setRouterParams({ status: 'handling' });
    try {
      const cloud = installFakeLocalcloud({ inbox: page });
      render(<StaffInboxPage />);
      await screen.findByText('楼道堆物 1');
      expect(cloud.calls.inbox![0]).toMatchObject({ status: 'handling' });
      expect(document.querySelector('#filter-handling')!.getAttribute('aria-checked')).toBe('true');
    } finally {
      __setRouterParams({});
    }
  });
});
