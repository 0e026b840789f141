import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { forgetMe } from '../../../client/src/hooks/use-me';
import HomePage from '../../../client/src/pages/home';
import { countTiles } from '../../../client/src/pages/home/staff-home';
import { paramsOf, queryFromParams, requestOf } from '../../../client/src/staff/inbox/inbox-query';
import StaffInboxPage from '../../../client/src/staff/pages/inbox';
import Taro, { __setRouterParams } from '../stand-ins/taro';
import { fail, installFakeLocalcloud, ok } from '../helpers/fake-localcloud';
import { detail, inboxItem, me } from '../helpers/fixtures';

const counts = { submitted: 3, handling: 5, resolved: 2, dueSoon: 1, overdue: 4 };
const grids = [{ code: '410399001001-03', name: '城关社区第3网格' }];
const onePage = (items: ReturnType<typeof inboxItem>[]) => () => ok({ items, nextCursor: null });

describe('inbox query', () => {
  it('reads a link back into the same filters, and asks the server for every open case without a status', () => {
    const query = { status: 'accepted', assignee: 'none', light: 'red', sort: 'support', gridCode: '410399001001-03' } as const;
    expect(
      queryFromParams(Object.fromEntries(new URLSearchParams(paramsOf({ status: 'open', sort: 'urgency', scope: 'area' })))).scope,
    ).toBe('area');
    expect(queryFromParams(Object.fromEntries(new URLSearchParams(paramsOf(query))))).toEqual(query);
    expect(requestOf({ status: 'open', sort: 'urgency' })).toEqual({ sort: 'urgency' });
    expect(queryFromParams({ status: 'nonsense', light: 'blue' })).toEqual({ status: 'submitted', sort: 'urgency' });
  });
});

describe('staff inbox: filters, 批量派单, 本周已办, two columns', () => {
  it('asks again with each filter picked', async () => {
    const cloud = installFakeLocalcloud({
      inbox: onePage([inboxItem(1)]),
      workbench: () => ok({ kind: 'gridWorker', grids, counts, supervisionUnanswered: 0, dueSoonHours: 4 }),
    });
    render(<StaffInboxPage />);
    await screen.findByText('楼道堆物 1');
    fireEvent.click(screen.getByText('待核查'));
    fireEvent.click(screen.getByText('筛选'));
    fireEvent.click(within(document.querySelector('#light-filter') as HTMLElement).getByText('严重超时'));
    fireEvent.click(screen.getByText('“我也遇到”多的在前'));
    await waitFor(() => expect(cloud.calls.inbox).toHaveLength(4));
    expect(cloud.calls.inbox![3]).toEqual({ limit: 20, status: 'resolved', light: 'red', sort: 'support' });
    expect(screen.getByText('收起筛选')).toBeTruthy();
  });

  it('lets a centre list its whole area, by urgency only', async () => {
    const cloud = installFakeLocalcloud({
      inbox: onePage([inboxItem(1)]),
      workbench: () =>
        ok({
          kind: 'centre',
          region: { code: '410399001001', name: '城关社区', level: 'community' },
          counts,
          areaCounts: counts,
          supervisionUnanswered: 0,
          supervision: { listed: 0, red: 0, unanswered: 0 },
          dueSoonHours: 4,
        }),
    });
    render(<StaffInboxPage />);
    await screen.findByText('楼道堆物 1');
    fireEvent.click(screen.getByText('筛选'));
    fireEvent.click(screen.getByText('“我也遇到”多的在前'));
    fireEvent.click(await screen.findByText('辖区全部'));
    await waitFor(() => expect(cloud.calls.inbox).toHaveLength(3));
    expect(cloud.calls.inbox![2]).toEqual({ limit: 20, status: 'submitted', sort: 'urgency', scope: 'area' });
    expect(screen.queryByText('“我也遇到”多的在前')).toBeNull();
  });

  it('opens the inbox a link filtered, and shows who has each case and how many also met it', async () => {
    __setRouterParams({ status: 'accepted', assignee: 'none' });
    const cloud = installFakeLocalcloud({
      inbox: onePage([inboxItem(1, { supportCount: 3, assigneeName: '赵丽', gridName: '城关社区第3网格' })]),
    });
    render(<StaffInboxPage />);
    expect(await screen.findByText('3 人也遇到')).toBeTruthy();
    expect(screen.getByText('办理人 赵丽')).toBeTruthy();
    expect(cloud.calls.inbox![0]).toMatchObject({ status: 'accepted', assignee: 'none' });
  });

  it('assigns the cases picked in one call, one grid at a time, and says how each went', async () => {
    __setRouterParams({ status: 'accepted' });
    const items = [inboxItem(1), inboxItem(2), inboxItem(3, { ownerCode: '410399001001-09' })];
    const cloud = installFakeLocalcloud({
      inbox: onePage(items),
      caseActions: () =>
        ok({ moves: ['assign'], people: [{ id: 'u-grid-worker-03', name: '赵丽', role: 'gridWorker', self: false }], departments: [] }),
      assignReports: () =>
        ok({
          results: [
            { reportId: 'rep-1', ok: true },
            { reportId: 'rep-2', ok: false, code: 'REPORT.INVALID_TRANSITION' },
          ],
        }),
    });
    render(<StaffInboxPage />);
    fireEvent.click(await screen.findByText('批量派单'));
    fireEvent.click(screen.getByText('楼道堆物 1'));
    fireEvent.click(screen.getByText('楼道堆物 2'));
    // Another grid's case cannot join: its people are others.
    const other = document.querySelector('[data-report-id="rep-3"]')!.parentElement!;
    expect(other.className).toContain('disabled');
    fireEvent.click(screen.getByText('楼道堆物 3'));
    expect(screen.getByText(/已选 2 件/)).toBeTruthy();
    expect(Taro.navigateTo).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('派给…'));
    fireEvent.click(await screen.findByText('赵丽'));
    fireEvent.click(screen.getByText('派出这 2 件'));
    await waitFor(() => expect(cloud.calls.assignReports).toHaveLength(1));
    expect(cloud.calls.assignReports![0]).toEqual({ reportIds: ['rep-1', 'rep-2'], to: { kind: 'person', personId: 'u-grid-worker-03' } });
    expect(cloud.calls.caseActions).toEqual([{ reportId: 'rep-1' }]);
    expect(await screen.findByText('已派出 1 件')).toBeTruthy();
    expect(screen.getByText('rep-2 没有派出：这件事的办理状态已经变了，请刷新后再看。')).toBeTruthy();
  });

  it('lists what the caller resolved this week under 本周已办', async () => {
    const cloud = installFakeLocalcloud({
      inbox: onePage([]),
      myHandled: () =>
        ok({
          items: [{ ...inboxItem(7), status: 'resolved', resolvedAt: Date.UTC(2025, 4, 5, 2, 0) }],
          nextCursor: null,
          since: Date.UTC(2025, 4, 4, 16),
        }),
    });
    render(<StaffInboxPage />);
    fireEvent.click(await screen.findByText('本周已办'));
    expect(await screen.findByText('办结于 5月5日 10:00')).toBeTruthy();
    expect(screen.getByText('从 5月5日 00:00 起办结的案卷')).toBeTruthy();
    expect(cloud.calls.myHandled).toEqual([{ limit: 20 }]);
  });

  it('opens a case beside the list on a wide screen instead of on a page of its own', async () => {
    const matchMedia = jest.fn(() => ({ matches: true, addEventListener: jest.fn(), removeEventListener: jest.fn() }));
    Object.defineProperty(window, 'matchMedia', { value: matchMedia, configurable: true });
    try {
      installFakeLocalcloud({
        inbox: onePage([inboxItem(1), inboxItem(2)]),
        reportDetail: (request) => ok({ report: detail({ id: String(request.reportId), text: `详情 ${String(request.reportId)}` }) }),
        caseActions: () => ok({ moves: ['accept', 'reject'], people: [], departments: [] }),
        acceptReport: () => fail('REPORT.INVALID_TRANSITION'),
      });
      render(<StaffInboxPage />);
      expect(await screen.findByText('点左边的一件案卷，在这里查看和办理')).toBeTruthy();
      fireEvent.click(await screen.findByText('楼道堆物 1'));
      expect(await screen.findByText('受理（有效上报）')).toBeTruthy();
      expect(Taro.navigateTo).not.toHaveBeenCalled();
      expect(matchMedia).toHaveBeenCalledWith('(min-width: 1024px)');
      // Another case opened beside the list starts afresh: no refusal of the last one is shown on it.
      fireEvent.click(screen.getByText('受理（有效上报）'));
      expect(await screen.findByText('这件事的办理状态已经变了，请刷新后再看。')).toBeTruthy();
      fireEvent.click(screen.getByText('楼道堆物 2'));
      expect(await screen.findByText('详情 rep-2')).toBeTruthy();
      expect(screen.queryByText('这件事的办理状态已经变了，请刷新后再看。')).toBeNull();
    } finally {
      delete (window as { matchMedia?: unknown }).matchMedia;
    }
  });
});

describe('staff home', () => {
  beforeEach(forgetMe);

  it("shows a 网格长 his grid's counts and queues, each opening the inbox filtered, and never asks him to join a grid", async () => {
    installFakeLocalcloud({
      me: () => ok(me({ name: '陈志强', roles: ['gridLeader'], joinedGrid: null })),
      workbench: () =>
        ok({ kind: 'gridLeader', grids, counts, queues: { toAssign: 6, toVerify: 2 }, supervisionUnanswered: 2, dueSoonHours: 4 }),
    });
    render(<HomePage />);
    expect(await screen.findByText('城关社区第3网格')).toBeTruthy();
    expect(screen.queryByText('您还没有加入网格')).toBeNull();
    expect(document.querySelector('#count-overdue')!.getAttribute('data-count')).toBe('4');
    fireEvent.click(within(document.querySelector('#count-to-assign') as HTMLElement).getByText('待派单'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/pages/inbox/index?status=accepted&assignee=none' });
    // 督办待回复 opens his cases holding a 督办 not yet answered; he has no 督办清单 (only centres do).
    expect(document.querySelector('#count-supervision-unanswered')!.getAttribute('data-count')).toBe('2');
    fireEvent.click(within(document.querySelector('#count-supervision-unanswered') as HTMLElement).getByText('督办待回复'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/pages/inbox/index?status=open&supervision=unanswered' });
    expect(document.querySelector('#count-supervision-listed')).toBeNull();
  });

  it("lists a 网格医's cases, nearest deadline first as the server sends them", async () => {
    installFakeLocalcloud({
      me: () => ok(me({ name: '邓丽萍', roles: ['doctor'], joinedGrid: null })),
      workbench: () => ok({ kind: 'doctor', grids, categoryCodes: ['YJQZ'], counts, cases: [inboxItem(1), inboxItem(2)], dueSoonHours: 4 }),
    });
    render(<HomePage />);
    await screen.findByText('我的网格里的相关案卷');
    expect([...document.querySelectorAll('[data-report-id]')].map((el) => el.getAttribute('data-report-id'))).toEqual(['rep-1', 'rep-2']);
    // She owns no cases, so no link leads to an inbox that would refuse her.
    expect(document.querySelector('#open-inbox')).toBeNull();
  });

  it("shows a centre its area's counts and open cases, most urgent first", async () => {
    const cloud = installFakeLocalcloud({
      me: () => ok(me({ name: '魏俊', roles: ['centre'], joinedGrid: null })),
      workbench: () =>
        ok({
          kind: 'centre',
          region: { code: '410399001001', name: '城关社区', level: 'community' },
          counts,
          areaCounts: { ...counts, overdue: 9 },
          supervisionUnanswered: 0,
          supervision: { listed: 3, red: 2, unanswered: 1 },
          dueSoonHours: 4,
        }),
      inbox: onePage([inboxItem(4, { light: 'red' })]),
    });
    render(<HomePage />);
    expect(await screen.findByText('城关社区')).toBeTruthy();
    expect((await screen.findByText(/辖区内全部/)).textContent).toContain('已超时 9');
    await screen.findByText('楼道堆物 4');
    expect(cloud.calls.inbox).toEqual([{ limit: 10, scope: 'area' }]);
    // Its 督办 counts, each opening its 督办清单.
    const counted = (id: string) => document.querySelector(`#count-${id}`)!.getAttribute('data-count');
    expect(['supervision-listed', 'supervision-red', 'supervision-waiting'].map(counted)).toEqual(['3', '2', '1']);
    fireEvent.click(within(document.querySelector('#count-supervision-red') as HTMLElement).getByText('下级严重超时'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/pages/supervision/index' });
  });

  it('maps each count to the inbox filter of its own condition', () => {
    expect(countTiles(counts).map((tile) => [tile.label, tile.count, paramsOf(tile.query ?? {})])).toEqual([
      ['待受理', 3, 'status=submitted'],
      ['办理中', 5, 'status=handling'],
      ['待核查', 2, 'status=resolved'],
      ['即将超时', 1, 'status=open&due=soon'],
      ['已超时', 4, 'status=open&due=overdue'],
    ]);
    // A 网格警/网格医 has no inbox: the counts show and open nothing.
    expect(countTiles(counts, false).map((tile) => tile.query)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
