import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { GridOrderItem, OrderDetail } from '@pingan/shared/contracts';
import OrderPage from '../../../client/src/orders/pages/order';
import StaffGridOrdersPage from '../../../client/src/staff/pages/grid-orders';
import StaffGridServicesPage from '../../../client/src/staff/pages/grid-services';
import StaffHome from '../../../client/src/pages/home/staff-home';
import { routes } from '../../../client/src/routes';
import Taro, { __setRouterParams } from '../stand-ins/taro';
import { fail, installFakeLocalcloud, ok } from '../helpers/fake-localcloud';
import { catalog } from '../helpers/fixtures';

const THU_14 = Date.UTC(2026, 11, 3, 6);
function item(n: number, overrides: Partial<GridOrderItem> = {}): GridOrderItem {
  return {
    id: `o-${n}`,
    kind: 'order',
    gridCode: '410399001001-03',
    serviceCode: 'SMLF',
    title: `上门理发 ${n}`,
    status: 'booked',
    address: '幸福路 3 号',
    note: '老人腿脚不便',
    slot: { key: '2026-12-03T14:00', startsAt: THU_14, endsAt: THU_14 + 3_600_000 },
    createdAt: THU_14 - 86_400_000,
    events: [{ type: 'booked', at: THU_14 - 86_400_000, status: 'booked' }],
    requesterName: '张秀兰',
    ...overrides,
  };
}

describe('网格点单 (a grid’s orders for its staff)', () => {
  beforeEach(() => __setRouterParams({ grid: '410399001001-03', name: encodeURIComponent('城关社区第3网格') }));

  it('lists all the orders first, those waiting on the staff at the top, and sends one to the task hall after asking', async () => {
    let booked = [item(1), item(2, { forNeighbour: { name: '王奶奶', phone: '13800000000' } })];
    const cloud = installFakeLocalcloud({
      gridOrders: (request) => ok({ items: request.status === undefined ? booked : [], nextCursor: null }),
      dispatchOrder: (request) => {
        booked = booked.filter((o) => o.id !== request.orderId);
        return ok({ order: { ...item(1), status: 'posted' } });
      },
    });
    render(<StaffGridOrdersPage />);
    expect(await screen.findByText('上门理发 1')).toBeTruthy();
    expect(screen.getByText('城关社区第3网格的居民点单')).toBeTruthy();
    expect(cloud.calls.gridOrders![0]).toEqual({ gridCode: '410399001001-03', limit: 20 });
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('全部');
    expect(screen.getAllByText('预约人：张秀兰')).toHaveLength(2);
    expect(screen.getByText('为 王奶奶 预约，电话 13800000000')).toBeTruthy();
    fireEvent.click(document.querySelector('#dispatch-o-1') as HTMLElement);
    fireEvent.click(screen.getByText('确定'));
    expect(await screen.findByText('上门理发 1：已发到任务大厅')).toBeTruthy();
    expect(cloud.calls.dispatchOrder).toEqual([{ orderId: 'o-1', mode: 'hall' }]);
    await waitFor(() => expect(screen.queryByText('上门理发 1')).toBeNull());
  });

  it('serves one herself with 我来服务, and offers neither move on an order already in the hall', async () => {
    const cloud = installFakeLocalcloud({
      gridOrders: (request) => ok({ items: request.status === 'posted' ? [item(3, { status: 'posted' })] : [item(4)], nextCursor: null }),
      dispatchOrder: () => ok({ order: { ...item(4), status: 'claimed' } }),
    });
    render(<StaffGridOrdersPage />);
    await screen.findByText('上门理发 4');
    fireEvent.click(screen.getByText('我来服务'));
    fireEvent.click(screen.getByText('确定'));
    await screen.findByText('上门理发 4：已安排您上门服务');
    expect(cloud.calls.dispatchOrder).toEqual([{ orderId: 'o-4', mode: 'self' }]);
    fireEvent.click(screen.getByText('任务大厅'));
    expect(await screen.findByText('上门理发 3')).toBeTruthy();
    expect(screen.queryByText('我来服务')).toBeNull();
    expect(cloud.calls.gridOrders!.at(-1)).toMatchObject({ status: 'posted' });
  });
});

/** The order as orderDetail answers the grid's 网格员: disputed by 张秀兰 after 王建国 completed it. */
function disputed(overrides: Partial<OrderDetail> = {}): OrderDetail {
  const { requesterName: _name, ...view } = item(7, { status: 'disputed' });
  return {
    ...view,
    steps: [
      { seq: 1, type: 'booked', at: THU_14 - 86_400_000, status: 'booked', actorName: '张秀兰' },
      { seq: 4, type: 'disputed', at: THU_14 + 7_200_000, status: 'disputed', actorName: '张秀兰', note: '头发没剪完' },
    ],
    claimant: { name: '王建国', as: 'volunteer' },
    viewerIs: ['gridStaff'],
    ...overrides,
  };
}

describe('裁定 on the order page, for the grid’s staff', () => {
  beforeEach(() => __setRouterParams({ id: 'o-7' }));

  it('opens a disputed order from 居民点单', async () => {
    installFakeLocalcloud({ gridOrders: () => ok({ items: [item(7, { status: 'disputed' })], nextCursor: null }) });
    __setRouterParams({ grid: '410399001001-03', name: '城关社区第3网格' });
    render(<StaffGridOrdersPage />);
    fireEvent.click(await screen.findByText('居民有异议，去裁定 ›'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: routes.order('o-7') });
  });

  it('settles 已完成 only with a note, asked once more, and shows where it stands', async () => {
    let current = disputed();
    const cloud = installFakeLocalcloud({
      orderDetail: () => ok({ order: current }),
      settleOrder: () => {
        current = disputed({ status: 'confirmed', credit: { minutes: 30, points: 5 } });
        return ok({ order: { ...item(7), status: 'confirmed' } });
      },
    });
    render(<OrderPage />);
    expect(await screen.findByText('居民有异议，请核实后裁定')).toBeTruthy();
    expect(screen.getByText('头发没剪完')).toBeTruthy();
    expect(screen.queryByText('服务已完成，确认')).toBeNull();
    expect(screen.queryByText('查看我的全部点单 ›')).toBeNull();
    fireEvent.click(document.querySelector('#settle-done') as HTMLElement);
    expect(screen.getByText('请先写核实的情况，再裁定')).toBeTruthy();
    expect(screen.queryByText('认定服务已经完成？')).toBeNull();
    fireEvent.change(screen.getByPlaceholderText('核实的情况（必填），居民和志愿者都能看到'), { target: { value: '已电话核实，剪完了' } });
    fireEvent.click(document.querySelector('#settle-done') as HTMLElement);
    expect(screen.getByText('认定服务已经完成？')).toBeTruthy();
    fireEvent.click(screen.getByText('确定裁定'));
    expect(await screen.findByText('已裁定：服务已完成')).toBeTruthy();
    expect(cloud.calls.settleOrder).toEqual([{ orderId: 'o-7', decision: 'done', note: '已电话核实，剪完了' }]);
    await waitFor(() => expect(screen.queryByText('居民有异议，请核实后裁定')).toBeNull());
  });

  it('sends it back to the task hall, and says a refusal in words', async () => {
    const cloud = installFakeLocalcloud({
      orderDetail: () => ok({ order: disputed() }),
      settleOrder: () => fail('ORDER.INVALID_TRANSITION'),
    });
    render(<OrderPage />);
    fireEvent.change(await screen.findByPlaceholderText('核实的情况（必填），居民和志愿者都能看到'), { target: { value: '没有上门' } });
    fireEvent.click(document.querySelector('#settle-notDone') as HTMLElement);
    fireEvent.click(screen.getByText('确定裁定'));
    expect((await screen.findByRole('alert')).textContent).toBe('这个点单的状态已经变了，请刷新后再看。');
    expect(cloud.calls.settleOrder).toEqual([{ orderId: 'o-7', decision: 'notDone', note: '没有上门' }]);
  });

  it('offers 网格下单 and 我来服务 on a booked order, and nothing to the staff once it is taken on', async () => {
    const { requesterName: _name, ...booked } = item(8);
    installFakeLocalcloud({ orderDetail: () => ok({ order: { ...booked, steps: [], viewerIs: ['gridStaff'] } }) });
    __setRouterParams({ id: 'o-8' });
    render(<OrderPage />);
    expect(await screen.findByText('网格下单（发到任务大厅）')).toBeTruthy();
    expect(screen.getByText('我来服务')).toBeTruthy();
    expect(screen.queryByText('居民有异议，请核实后裁定')).toBeNull();
  });
});

describe('服务和时段 (a grid’s catalogue)', () => {
  beforeEach(() => __setRouterParams({ grid: '410399001001-03', name: '城关社区第3网格' }));

  it('shows the weekly slots, refuses a slot that ends before it starts, and saves the catalogue whole', async () => {
    const county = catalog();
    const first = county.services[0]!;
    const slots = [{ weekday: 2, start: '09:00', end: '10:00', capacity: 3 }];
    const cloud = installFakeLocalcloud({
      catalog: () => ok(county),
      gridServices: () =>
        ok({
          gridCode: '410399001001-03',
          custom: true,
          mayEdit: true,
          services: [{ serviceCode: first.code, name: first.name, description: '', durationMinutes: 30, slots, upcoming: [] }],
        }),
      saveGridServices: (request) => ok(request),
    });
    render(<StaffGridServicesPage />);
    expect(await screen.findByText('周二 09:00–10:00，3 个名额')).toBeTruthy();
    fireEvent.click(screen.getByText('添加时段'));
    const [start, end] = Array.from(document.querySelectorAll(`#slot-form-${first.code} input`)) as HTMLInputElement[];
    fireEvent.change(start!, { target: { value: '15:00' } });
    fireEvent.change(end!, { target: { value: '14:00' } });
    fireEvent.click(screen.getByText('添加这个时段'));
    expect(screen.getByText(/请检查：时间写成 09:00 这样/)).toBeTruthy();
    fireEvent.change(end!, { target: { value: '16:00' } });
    fireEvent.click(screen.getByText('添加这个时段'));
    expect(screen.getByText('周一 15:00–16:00，3 个名额')).toBeTruthy();
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('已保存，居民马上就能按新的时段预约。')).toBeTruthy();
    expect(cloud.calls.saveGridServices).toEqual([
      {
        gridCode: '410399001001-03',
        services: [{ serviceCode: first.code, slots: [...slots, { weekday: 1, start: '15:00', end: '16:00', capacity: 3 }] }],
      },
    ]);
  });
});

describe('the staff home’s links to 居民点单', () => {
  const counts = { submitted: 0, handling: 0, resolved: 0, dueSoon: 0, overdue: 0 };

  it('gives a 网格长 each grid’s orders and its services and slots', async () => {
    installFakeLocalcloud({
      workbench: () =>
        ok({
          kind: 'gridLeader',
          grids: [{ code: '410399001001-03', name: '城关社区第3网格' }],
          counts,
          queues: { toAssign: 0, toVerify: 0 },
          supervisionUnanswered: 0,
          dueSoonHours: 4,
        }),
    });
    render(<StaffHome />);
    fireEvent.click(await screen.findByText('本网格的居民点单（网格下单）›'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: routes.staffGridOrders('410399001001-03', '城关社区第3网格') });
    fireEvent.click(screen.getByText('设置本网格的服务和时段 ›'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: routes.staffGridServices('410399001001-03', '城关社区第3网格') });
  });

  it('lists a community centre’s grids, read on request, each with its orders and services', async () => {
    const cloud = installFakeLocalcloud({
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
      inbox: () => ok({ items: [], nextCursor: null }),
      regionShapes: () =>
        ok({
          unit: { level: 'community', code: '410399001001', name: '城关社区' },
          children: [{ code: '410399001001-03', name: '城关社区第3网格', polygons: [] }],
        }),
    });
    render(<StaffHome />);
    fireEvent.click(await screen.findByText('各网格的居民点单和服务时段 ›'));
    fireEvent.click(await screen.findByText('城关社区第3网格：服务和时段 ›'));
    expect(cloud.calls.regionShapes).toEqual([{ level: 'community', code: '410399001001' }]);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: routes.staffGridServices('410399001001-03', '城关社区第3网格') });
  });
});
