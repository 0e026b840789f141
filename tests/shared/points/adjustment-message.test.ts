import { adjustmentEntry, adjustmentMessage } from '@pingan/shared/points';

const AT = Date.parse('2026-12-02T10:00:00+08:00');
const to = { personId: 'u-informant-01', openid: 'o-demo-informant-01' };

describe('adjustmentMessage', () => {
  it('tells the person the money with its sign in yuan, the month it counts in and the reason, under the entry’s id', () => {
    const entry = adjustmentEntry(
      {
        personId: 'u-informant-01',
        unit: 'fen',
        amount: -50,
        reason: '重复发放，扣回',
        by: 'u-centre-01',
        key: 'k-00000001',
        monthKey: '2026-12',
      },
      AT,
    );
    expect(adjustmentMessage(entry, to)).toEqual({
      _id: 'adjustment:u-informant-01:k-00000001',
      recipientId: 'u-informant-01',
      recipientOpenid: 'o-demo-informant-01',
      kind: 'pointsAdjusted',
      title: '您的以奖代补金额有调整',
      body: '综治中心调整：-0.50 元，计入2026年12月结算。原因：重复发放，扣回',
      at: AT,
      rateRequested: false,
      read: false,
    });
  });

  it('speaks of 爱心积分 for points, with a plus for an addition', () => {
    const entry = adjustmentEntry(
      { personId: 'u-r', unit: 'point', amount: 20, reason: '补记志愿服务', by: 'u-centre-06', key: 'k-00000002', monthKey: '2026-12' },
      AT,
    );
    expect(adjustmentMessage(entry, to)).toMatchObject({
      title: '您的爱心积分有调整',
      body: '综治中心调整：+20 爱心积分。原因：补记志愿服务',
    });
  });
});
