import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { GridServiceOffer, OrderDetail, OrderView } from '@pingan/shared/contracts';
import BookPage from '../../../client/src/orders/pages/book';
import MyOrdersPage from '../../../client/src/orders/pages/my-orders';
import OrderPage from '../../../client/src/orders/pages/order';
import ServicesPage, { slotsByDay } from '../../../client/src/orders/pages/services';
import { BOOKING_STORAGE_KEY, LAST_ADDRESS_KEY } from '../../../client/src/orders/booking-draft';
import { slotText } from '../../../client/src/labels/order-labels';
import Taro, { __setRouterParams, __storage } from '../stand-ins/taro';
import { fail, installFakeLocalcloud, ok } from '../helpers/fake-localcloud';

// Thursday 2026-12-03 09:00 and 14:00 and Saturday 12-05 09:00, Asia/Shanghai.
const THU_9 = Date.UTC(2026, 11, 3, 1);
const slot = (key: string, startsAt: number, left: number, start = '09:00', end = '10:00') => ({
  key,
  date: key.slice(0, 10),
  start,
  end,
  startsAt,
  capacity: 3,
  left,
});
const haircut: GridServiceOffer = {
  serviceCode: 'SMLF',
  name: '上门理发',
  description: '为行动不便的老人上门理发。',
  durationMinutes: 30,
  slots: [],
  upcoming: [
    slot('2026-12-03T09:00', THU_9, 0),
    slot('2026-12-03T14:00', THU_9 + 5 * 3_600_000, 2, '14:00', '15:00'),
    slot('2026-12-05T09:00', THU_9 + 48 * 3_600_000, 3),
  ],
};
const offers = { gridCode: '410399001001-03', custom: false, mayEdit: false, services: [haircut] };

/** The order as orderDetail answers its requester: its steps by name. */
function detailOf(view: OrderView, more: OrderDetail['steps'] = []): OrderDetail {
  const steps = view.events
    .slice(0, 1)
    .map((event) => ({ seq: 1, type: event.type, at: event.at, status: event.status, actorName: '张秀兰' }));
  return { ...view, steps: [...steps, ...more], viewerIs: ['requester'] };
}

function order(overrides: Partial<OrderView> = {}): OrderView {
  return {
    id: 'o-1',
    kind: 'order',
    gridCode: '410399001001-03',
    serviceCode: 'SMLF',
    title: '上门理发',
    status: 'booked',
    address: '幸福路 3 号',
    slot: { key: '2026-12-03T14:00', startsAt: THU_9 + 5 * 3_600_000, endsAt: THU_9 + 6 * 3_600_000 },
    createdAt: THU_9 - 86_400_000,
    events: [{ type: 'booked', at: THU_9 - 86_400_000, status: 'booked' }],
    ...overrides,
  };
}

describe('预约服务 (the grid’s services)', () => {
  it('shows each service with its duration; opened, its slots by day, a full one said 已约满 and not offered', async () => {
    installFakeLocalcloud({ gridServices: () => ok(offers) });
    render(<ServicesPage />);
    expect(await screen.findByText('上门理发')).toBeTruthy();
    expect(screen.getByText('约 30 分钟')).toBeTruthy();
    fireEvent.click(screen.getByText('选择时间'));
    expect(screen.getByText('12月3日 周四')).toBeTruthy();
    expect(screen.getByText('12月5日 周六')).toBeTruthy();
    expect(screen.getByText('已约满')).toBeTruthy();
    fireEvent.click(screen.getByText('已约满'));
    expect(Taro.navigateTo).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('还剩 2 个名额'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/orders/pages/book/index?service=SMLF&slot=2026-12-03T14%3A00' });
  });

  it('asks a resident who has joined no grid to scan in first', async () => {
    installFakeLocalcloud({ gridServices: () => fail('GRID.NOT_JOINED') });
    render(<ServicesPage />);
    fireEvent.click(await screen.findByText('扫码入格'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/scan/index' });
  });

  it('groups a week’s slots by their day', () => {
    expect(slotsByDay(haircut.upcoming).map((day) => [day.label, day.slots.length])).toEqual([
      ['12月3日 周四', 2],
      ['12月5日 周六', 1],
    ]);
  });
});

describe('填写预约 (the booking form)', () => {
  beforeEach(() => __setRouterParams({ service: 'SMLF', slot: '2026-12-03T14:00' }));

  it('starts from the address used last, and a retry after a lost reply books under the same key', async () => {
    __storage().set(LAST_ADDRESS_KEY, '幸福路 3 号 2 单元 401');
    const cloud = installFakeLocalcloud({ gridServices: () => ok(offers), bookService: () => ok({ order: order(), replayed: false }) });
    render(<BookPage />);
    const address = (await screen.findByPlaceholderText('楼栋和门牌号')) as HTMLInputElement;
    expect(address.value).toBe('幸福路 3 号 2 单元 401');
    expect(screen.getByText('12月3日 周四 14:00–15:00')).toBeTruthy();
    fireEvent.change(screen.getByPlaceholderText('如：到了请先打电话'), { target: { value: '请先打电话' } });
    cloud.dropNext();
    fireEvent.click(screen.getByText('确认预约'));
    expect(await screen.findByRole('alert')).toBeTruthy();
    fireEvent.click(screen.getByText('确认预约'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/orders/pages/order/index?id=o-1' }));
    const sent = cloud.calls.bookService!;
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      serviceCode: 'SMLF',
      slotKey: '2026-12-03T14:00',
      address: '幸福路 3 号 2 单元 401',
      note: '请先打电话',
    });
    // The dropped request carried the same key: the saved draft had it before the first tap.
    expect(__storage().has(BOOKING_STORAGE_KEY)).toBe(false);
  });

  it('keeps the draft’s key across leaving the page and coming back', async () => {
    const cloud = installFakeLocalcloud({ gridServices: () => ok(offers), bookService: () => fail('INTERNAL.ERROR') });
    const first = render(<BookPage />);
    fireEvent.change(await screen.findByPlaceholderText('楼栋和门牌号'), { target: { value: '东大街 12 号' } });
    fireEvent.click(screen.getByText('确认预约'));
    await screen.findByRole('alert');
    first.unmount();
    render(<BookPage />);
    expect(((await screen.findByPlaceholderText('楼栋和门牌号')) as HTMLInputElement).value).toBe('东大街 12 号');
    fireEvent.click(screen.getByText('确认预约'));
    await waitFor(() => expect(cloud.calls.bookService).toHaveLength(2));
    expect(cloud.calls.bookService![1]!.idempotencyKey).toBe(cloud.calls.bookService![0]!.idempotencyKey);
  });

  it('says what is missing or wrong for 代办 before sending anything', async () => {
    const cloud = installFakeLocalcloud({ gridServices: () => ok(offers) });
    render(<BookPage />);
    fireEvent.change(await screen.findByPlaceholderText('楼栋和门牌号'), { target: { value: '幸福路 3 号' } });
    fireEvent.click(screen.getByText('代邻居老人预约'));
    fireEvent.click(screen.getByText('确认预约'));
    expect(screen.getByText('请填写邻居的称呼')).toBeTruthy();
    fireEvent.change(screen.getByPlaceholderText('如：王奶奶'), { target: { value: '王奶奶' } });
    fireEvent.change(screen.getByPlaceholderText('手机或座机'), { target: { value: '12345' } });
    expect(screen.getByText('电话号码不对：手机号 11 位，座机可加区号')).toBeTruthy();
    expect(cloud.calls.bookService).toBeUndefined();
  });

  it('offers another time when the slot filled up meanwhile', async () => {
    installFakeLocalcloud({ gridServices: () => ok(offers), bookService: () => fail('SERVICE.SLOT_FULL') });
    render(<BookPage />);
    fireEvent.change(await screen.findByPlaceholderText('楼栋和门牌号'), { target: { value: '幸福路 3 号' } });
    fireEvent.click(screen.getByText('确认预约'));
    expect((await screen.findByRole('alert')).textContent).toBe('这个时段已经约满了，请换一个时段。');
    fireEvent.click(screen.getByText('换一个时间'));
    expect(Taro.reLaunch).toHaveBeenCalled();
  });
});

describe('我的点单 and an order', () => {
  it('lists my orders with their status and opens one', async () => {
    installFakeLocalcloud({ myOrders: () => ok({ items: [order(), order({ id: 'o-2', status: 'cancelled' })], nextCursor: null }) });
    render(<MyOrdersPage />);
    expect(await screen.findByText('待派单')).toBeTruthy();
    expect(screen.getByText('已取消')).toBeTruthy();
    fireEvent.click(screen.getAllByText('上门理发')[0]!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/orders/pages/order/index?id=o-1' });
  });

  it('shows the status in words, the slot, address and steps by name, and cancels after asking', async () => {
    __setRouterParams({ id: 'o-1' });
    let current = detailOf(order());
    const cloud = installFakeLocalcloud({
      orderDetail: () => ok({ order: current }),
      cancelOrder: () => {
        current = detailOf(order({ status: 'cancelled' }), [
          { seq: 2, type: 'cancelled', at: THU_9, status: 'cancelled', actorName: '张秀兰' },
        ]);
        return ok({ order: order({ status: 'cancelled' }) });
      },
    });
    render(<OrderPage />);
    expect(await screen.findByText('已预约，等网格员安排')).toBeTruthy();
    expect(cloud.calls.orderDetail).toEqual([{ orderId: 'o-1' }]);
    expect(screen.getByText(slotText(order().slot))).toBeTruthy();
    expect(screen.getByText('幸福路 3 号')).toBeTruthy();
    expect(screen.getByText('提交预约')).toBeTruthy();
    fireEvent.click(await screen.findByText('取消预约'));
    fireEvent.click(screen.getByText('确认取消'));
    expect(await screen.findByText('已取消')).toBeTruthy();
    expect(cloud.calls.cancelOrder).toEqual([{ orderId: 'o-1' }]);
    expect(screen.getAllByText(/张秀兰$/)).toHaveLength(2);
    expect(document.querySelector('#cancel-order')).toBeNull();
  });

  it('says who is coming and offers no 取消预约 once someone has taken the order on', async () => {
    __setRouterParams({ id: 'o-1' });
    installFakeLocalcloud({
      orderDetail: () => ok({ order: { ...detailOf(order({ status: 'claimed' })), claimant: { name: '赵丽', as: 'staff' } } }),
    });
    render(<OrderPage />);
    expect(await screen.findByText('上门服务：赵丽（网格员）')).toBeTruthy();
    expect(screen.getByText('已安排人员上门服务')).toBeTruthy();
    expect(document.querySelector('#cancel-order')).toBeNull();
  });

  it('confirms a completed order after asking, and then rates it', async () => {
    __setRouterParams({ id: 'o-1' });
    let current = detailOf(order({ status: 'completed' }));
    const cloud = installFakeLocalcloud({
      orderDetail: () => ok({ order: current }),
      confirmOrder: () => {
        current = detailOf(order({ status: 'confirmed' }));
        return ok({ order: order({ status: 'confirmed' }) });
      },
      rateOrder: () => {
        current = detailOf(order({ status: 'rated' }));
        return ok({ order: order({ status: 'rated' }) });
      },
    });
    render(<OrderPage />);
    expect(await screen.findByText('服务没做好（有异议）')).toBeTruthy();
    fireEvent.click(screen.getByText('服务已完成，确认'));
    fireEvent.click(screen.getByText('确认完成'));
    expect(await screen.findByText('给这次服务打个分')).toBeTruthy();
    expect(cloud.calls.confirmOrder).toEqual([{ orderId: 'o-1' }]);
    fireEvent.click(screen.getByText('5 星 满意'));
    fireEvent.click(screen.getByText('提交评价'));
    expect(await screen.findByText('已评价')).toBeTruthy();
    expect(cloud.calls.rateOrder).toEqual([{ orderId: 'o-1', satisfaction: 5 }]);
  });

  it('sends 有异议 only with a word of what was not done', async () => {
    __setRouterParams({ id: 'o-1' });
    const cloud = installFakeLocalcloud({
      orderDetail: () => ok({ order: detailOf(order({ status: 'completed' })) }),
      disputeOrder: () => ok({ order: order({ status: 'disputed' }) }),
    });
    render(<OrderPage />);
    fireEvent.click(await screen.findByText('服务没做好（有异议）'));
    fireEvent.click(screen.getByText('提交异议'));
    expect(cloud.calls.disputeOrder).toBeUndefined();
    fireEvent.change(screen.getByPlaceholderText('写一句，网格员会来核实'), { target: { value: '头发没剪完' } });
    fireEvent.click(screen.getByText('提交异议'));
    await waitFor(() => expect(cloud.calls.disputeOrder).toEqual([{ orderId: 'o-1', note: '头发没剪完' }]));
  });
});
