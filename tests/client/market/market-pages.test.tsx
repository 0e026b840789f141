import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { MarketItemView, MyRedemptionView, StaffRedemptionView } from '@pingan/shared/contracts';
import MarketPage from '../../../client/src/market/pages/market';
import MyRedemptionsPage from '../../../client/src/market/pages/mine';
import StaffMarketPage from '../../../client/src/staff/pages/market';
import { routes } from '../../../client/src/routes';
import { fail, installFakeLocalcloud, ok } from '../helpers/fake-localcloud';

/** 爱心超市's pages against a scripted cloud: what a resident and staff see, and what each tap sends. */
const AT = Date.UTC(2026, 11, 2, 2);

function item(overrides: Partial<MarketItemView> = {}): MarketItemView {
  return {
    id: 'mi-rice',
    name: '东北大米 5 斤',
    description: '到社区服务站领取。',
    pricePoints: 30,
    stock: 20,
    perPersonLimit: 2,
    active: true,
    mine: 0,
    ...overrides,
  };
}
const page = (items: MarketItemView[], pointBalance: number, mayManage = false) =>
  ok({ communityCode: '410399001001', mayManage, mayHandOver: mayManage, pointBalance, items, nextCursor: null });

describe('爱心超市 (resident)', () => {
  it('shows my balance and each item with price and stock, and says why an item cannot be taken', async () => {
    installFakeLocalcloud({
      marketItems: () =>
        page(
          [
            item(),
            item({ id: 'mi-oil', name: '花生油', pricePoints: 80, perPersonLimit: undefined }),
            item({ id: 'mi-cut', name: '理发', stock: 0 }),
          ],
          50,
        ),
    });
    render(<MarketPage />);
    expect(await screen.findByText('50 分')).toBeTruthy();
    expect(screen.getByText('东北大米 5 斤')).toBeTruthy();
    expect(screen.getAllByText('30 分')).toHaveLength(2);
    expect(document.querySelector('#item-mi-rice')?.textContent).toMatch(/还剩 20 件\s每人限兑 2 件/);
    expect(screen.getByText('积分不够')).toBeTruthy();
    expect(screen.getByText('已兑完')).toBeTruthy();
  });

  it('asks once more, redeems with one key per confirm, and opens 我的兑换', async () => {
    const cloud = installFakeLocalcloud({
      marketItems: () => page([item()], 120),
      redeemItem: (request) =>
        ok({
          redemption: {
            id: 'm1',
            itemId: request.itemId,
            itemName: '东北大米 5 斤',
            points: 30,
            status: 'requested',
            code: '042917',
            requestedAt: AT,
          },
          pointBalance: 90,
          replayed: false,
        }),
    });
    render(<MarketPage />);
    fireEvent.click(await screen.findByText('兑换'));
    expect(screen.getByText('用 30 爱心积分兑换“东北大米 5 斤”？兑换后积分扣除，领取前可以取消。')).toBeTruthy();
    expect(cloud.calls.redeemItem).toBeUndefined();
    fireEvent.click(screen.getAllByText('兑换').at(-1)!);
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: routes.myRedemptions }));
    expect(cloud.calls.redeemItem).toEqual([{ itemId: 'mi-rice', idempotencyKey: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) }]);
  });

  it('says why a redemption was refused, in words', async () => {
    installFakeLocalcloud({ marketItems: () => page([item()], 120), redeemItem: () => fail('MARKET.OUT_OF_STOCK') });
    render(<MarketPage />);
    fireEvent.click(await screen.findByText('兑换'));
    fireEvent.click(screen.getAllByText('兑换').at(-1)!);
    expect(await screen.findByText('这件物品已经兑完了。')).toBeTruthy();
  });
});

describe('我的兑换', () => {
  const waiting: MyRedemptionView = {
    id: 'm1',
    itemId: 'mi-rice',
    itemName: '东北大米 5 斤',
    points: 30,
    status: 'requested',
    code: '042917',
    requestedAt: AT,
  };
  const refused: MyRedemptionView = { ...waiting, id: 'm2', status: 'refused', code: undefined, reason: '已停产', endedAt: AT + 1 };

  it('shows a waiting redemption’s code large, a refused one’s reason, and cancels after asking', async () => {
    const cloud = installFakeLocalcloud({
      myRedemptions: () => ok({ items: [waiting, refused], nextCursor: null }),
      cancelRedemption: () => ok({ redemptionId: 'm1', status: 'cancelled', pointBalance: 120 }),
    });
    render(<MyRedemptionsPage />);
    expect(await screen.findByText('042917')).toBeTruthy();
    expect(screen.getByText('待领取')).toBeTruthy();
    expect(screen.getByText('退回原因：已停产（积分已退还）')).toBeTruthy();
    fireEvent.click(screen.getByText('取消兑换'));
    expect(screen.getByText('取消“东北大米 5 斤”的兑换？30 爱心积分会退回给您。')).toBeTruthy();
    fireEvent.click(screen.getAllByText('取消兑换').at(-1)!);
    await waitFor(() => expect(cloud.calls.cancelRedemption).toEqual([{ redemptionId: 'm1' }]));
  });
});

describe('爱心超市 (staff)', () => {
  const waiting: StaffRedemptionView = {
    id: 'm1',
    personName: '张秀兰',
    itemName: '东北大米 5 斤',
    points: 30,
    status: 'requested',
    requestedAt: AT,
  };

  it('lists who redeemed what, hands over only with a six-digit code, and offers no item management to a 网格员', async () => {
    const cloud = installFakeLocalcloud({
      marketItems: () => page([], 0, false),
      marketRedemptions: () => ok({ communityCode: '410399001001', items: [waiting], nextCursor: null }),
      handOverRedemption: () => ok({ redemption: { ...waiting, status: 'handedOver', endedAt: AT + 1 }, changed: true }),
    });
    render(<StaffMarketPage />);
    expect(await screen.findByText('张秀兰 · 东北大米 5 斤')).toBeTruthy();
    expect(screen.queryByText('物品管理')).toBeNull();
    const confirm = screen.getByText('核对兑换码，确认领取').closest('button')!;
    expect(confirm.disabled).toBe(true);
    fireEvent.input(document.querySelector('#code-input-m1 input, input#code-input-m1')!, { target: { value: '042917' } });
    await waitFor(() => expect(screen.getByText('核对兑换码，确认领取').closest('button')!.disabled).toBe(false));
    fireEvent.click(screen.getByText('核对兑换码，确认领取'));
    expect(await screen.findByText('张秀兰：“东北大米 5 斤”已核销领取')).toBeTruthy();
    expect(cloud.calls.handOverRedemption).toEqual([{ redemptionId: 'm1', code: '042917' }]);
  });

  it('gives those who run it 物品管理, where an item is restocked by what is added', async () => {
    const cloud = installFakeLocalcloud({
      marketItems: () => page([item({ stock: 3 })], 0, true),
      marketRedemptions: () => ok({ communityCode: '410399001001', items: [], nextCursor: null }),
      saveMarketItem: (request) => ok({ item: item({ stock: 3 + Number(request.addStock) }) }),
    });
    render(<StaffMarketPage />);
    fireEvent.click(await screen.findByText('物品管理'));
    fireEvent.click(await screen.findByText('修改、补货或暂停 ›'));
    fireEvent.input(document.querySelector('#item-stock input, input#item-stock')!, { target: { value: '5' } });
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('“东北大米 5 斤”已保存，还剩 8 件')).toBeTruthy();
    expect(cloud.calls.saveMarketItem).toEqual([
      {
        itemId: 'mi-rice',
        name: '东北大米 5 斤',
        description: '到社区服务站领取。',
        pricePoints: 30,
        addStock: 5,
        perPersonLimit: 2,
        active: true,
      },
    ]);
  });
});
