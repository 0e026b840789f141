import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { GridOrderItem, HallItem, OrderDetail, OrderView } from '@pingan/shared/contracts';
import { ORDER_MESSAGE_KINDS } from '@pingan/shared/service';
import * as subscribe from '../../../client/src/device/subscribe';
import { ORDER_CONSENT, templateIdsFor } from '../../../client/src/device/subscribe';
import BookPage from '../../../client/src/orders/pages/book';
import OrderPage from '../../../client/src/orders/pages/order';
import VolunteerHome from '../../../client/src/pages/home/volunteer-home';
import StaffGridOrdersPage from '../../../client/src/staff/pages/grid-orders';
import { __setRouterParams, __storage } from '../stand-ins/taro';
import { installFakeLocalcloud, ok } from '../helpers/fake-localcloud';
import { LAST_ADDRESS_KEY } from '../../../client/src/orders/booking-draft';

/**
 * WeChat's one-time consent for an order's subscribe messages, asked inside the tap that makes them due
 * (docs/DESIGN.md, "Telling people"): 确认预约 for 接单 and 完成; a volunteer's 接单 and the grid worker's
 * 我来服务 for 确认, 有异议 and 裁定; 有异议 for the 裁定. The ask itself (device/subscribe.ts) is a no-op
 * outside the mini-program, so here it is watched rather than answered.
 */
const GRID = '410399001001-03';
const THU_14 = Date.UTC(2026, 11, 3, 6);

let asked: jest.SpyInstance;
beforeEach(() => {
  asked = jest.spyOn(subscribe, 'askConsent').mockResolvedValue([]);
});
afterEach(() => asked.mockRestore());

function view(overrides: Partial<OrderView> = {}): OrderView {
  return {
    id: 'o-1',
    kind: 'order',
    gridCode: GRID,
    serviceCode: 'SMLF',
    title: '上门理发',
    status: 'booked',
    address: '幸福路 3 号',
    slot: { key: '2026-12-03T14:00', startsAt: THU_14, endsAt: THU_14 + 3_600_000 },
    createdAt: THU_14 - 86_400_000,
    events: [{ type: 'booked', at: THU_14 - 86_400_000, status: 'booked' }],
    ...overrides,
  };
}

describe('what each touchpoint asks for', () => {
  it('asks only for order kinds, at most 3 at a time (WeChat’s limit), each a kind the tapping person is told', () => {
    for (const kinds of Object.values(ORDER_CONSENT)) {
      expect(kinds.length).toBeLessThanOrEqual(3);
      for (const kind of kinds) expect(ORDER_MESSAGE_KINDS).toContain(kind);
    }
    expect(ORDER_CONSENT.booking).toEqual(['orderClaimed', 'orderCompleted']);
    expect(ORDER_CONSENT.takingOn).toEqual(['orderConfirmed', 'orderDisputed', 'orderSettled']);
    expect(ORDER_CONSENT.dispute).toEqual(['orderSettled']);
  });

  it('asks for the templates the catalog names for those kinds', () => {
    const templates = { accepted: 'tmpl-accepted', orderClaimed: 'tmpl-claimed', orderCompleted: 'tmpl-completed' };
    expect(templateIdsFor(ORDER_CONSENT.booking, templates)).toEqual(['tmpl-claimed', 'tmpl-completed']);
    expect(templateIdsFor(ORDER_CONSENT.takingOn, templates)).toEqual([]);
  });
});

describe('the taps that ask', () => {
  it('确认预约 asks for 接单 and 完成 in the tap that books, and not while the form still has problems', async () => {
    __setRouterParams({ service: 'SMLF', slot: '2026-12-03T14:00' });
    const slot = { key: '2026-12-03T14:00', date: '2026-12-03', start: '14:00', end: '15:00', startsAt: THU_14, capacity: 3, left: 2 };
    const haircut = { serviceCode: 'SMLF', name: '上门理发', description: '', durationMinutes: 30, slots: [], upcoming: [slot] };
    const cloud = installFakeLocalcloud({
      gridServices: () => ok({ gridCode: GRID, custom: false, mayEdit: false, services: [haircut] }),
      bookService: () => ok({ order: view(), replayed: false }),
    });
    render(<BookPage />);
    const address = await screen.findByPlaceholderText('楼栋和门牌号');
    fireEvent.change(address, { target: { value: '' } });
    fireEvent.click(screen.getByText('确认预约'));
    expect(asked).not.toHaveBeenCalled();
    fireEvent.change(address, { target: { value: '幸福路 3 号 2 单元 401' } });
    fireEvent.click(screen.getByText('确认预约'));
    expect(asked).toHaveBeenCalledWith(['orderClaimed', 'orderCompleted']);
    await waitFor(() => expect(cloud.calls.bookService).toHaveLength(1));
    __storage().delete(LAST_ADDRESS_KEY);
  });

  it('a volunteer’s 接单 asks for 确认, 有异议 and 裁定', async () => {
    const item: HallItem = {
      ...view({ id: 't-9', kind: 'task', title: '政策宣传', status: 'posted' }),
      taskKind: 'policyPromotion',
      skills: [],
      minutes: 120,
      points: 10,
    };
    const cloud = installFakeLocalcloud({
      myTasks: () => ok({ items: [], nextCursor: null }),
      myPoints: () => ok({ fenBalance: 0, pointBalance: 0, entries: [], nextCursor: null }),
      taskHall: () => ok({ items: [item], nextCursor: null }),
      claimOrder: () => ok({ order: { ...item, status: 'claimed' } }),
    });
    render(<VolunteerHome />);
    fireEvent.click(await screen.findByText('接单'));
    expect(asked).toHaveBeenCalledWith(['orderConfirmed', 'orderDisputed', 'orderSettled']);
    await waitFor(() => expect(cloud.calls.claimOrder).toEqual([{ orderId: 't-9' }]));
  });

  it('有异议 asks for the 裁定 as it sends', async () => {
    __setRouterParams({ id: 'o-1' });
    const completed = view({ status: 'completed' });
    const detail: OrderDetail = { ...completed, steps: [], viewerIs: ['requester'] };
    const cloud = installFakeLocalcloud({
      orderDetail: () => ok({ order: detail }),
      disputeOrder: () => ok({ order: view({ status: 'disputed' }) }),
    });
    render(<OrderPage />);
    fireEvent.click(await screen.findByText('服务没做好（有异议）'));
    fireEvent.change(screen.getByPlaceholderText('写一句，网格员会来核实'), { target: { value: '头发没剪完' } });
    expect(asked).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('提交异议'));
    expect(asked).toHaveBeenCalledWith(['orderSettled']);
    await waitFor(() => expect(cloud.calls.disputeOrder).toHaveLength(1));
  });

  it('the grid worker’s 我来服务 asks as a volunteer’s 接单 does; 网格下单 asks nothing', async () => {
    __setRouterParams({ grid: GRID, name: encodeURIComponent('城关社区第3网格') });
    const booked = (n: number): GridOrderItem => ({ ...view({ id: `o-${n}`, title: `上门理发 ${n}` }), requesterName: '张秀兰' });
    installFakeLocalcloud({
      gridOrders: () => ok({ items: [booked(1), booked(2)], nextCursor: null }),
      dispatchOrder: (request) => ok({ order: { ...booked(1), status: request.mode === 'self' ? 'claimed' : 'posted' } }),
    });
    render(<StaffGridOrdersPage />);
    await screen.findByText('上门理发 1');
    fireEvent.click(document.querySelector('#dispatch-o-1') as HTMLElement);
    fireEvent.click(screen.getByText('确定'));
    await screen.findByText('上门理发 1：已发到任务大厅');
    expect(asked).not.toHaveBeenCalled();
    fireEvent.click(document.querySelector('#serve-o-2') as HTMLElement);
    fireEvent.click(screen.getByText('确定'));
    expect(asked).toHaveBeenCalledWith(['orderConfirmed', 'orderDisputed', 'orderSettled']);
  });
});
