import { LEDGER_KINDS, serviceCreditEntry, serviceEntryId } from '@pingan/shared';

describe('a volunteer’s service credit in the ledger', () => {
  it('is one `service` entry per order, in community points, carrying the minutes beside the points', () => {
    const at = Date.UTC(2026, 11, 1, 17, 30); // 01:30 on 2 December, Asia/Shanghai
    expect(serviceCreditEntry('o-1', { personId: 'u-volunteer', minutes: 40, points: 5 }, at)).toEqual({
      id: 'service:o-1',
      personId: 'u-volunteer',
      kind: 'service',
      unit: 'point',
      amount: 5,
      at,
      dayKey: '2026-12-02',
      orderId: 'o-1',
      minutes: 40,
    });
    expect(LEDGER_KINDS).toContain('service');
  });

  it('has an id of the order alone, so a second credit of one order collides whoever writes it', () => {
    const a = serviceCreditEntry('o-1', { personId: 'u-a', minutes: 40, points: 5 }, 1);
    const b = serviceCreditEntry('o-1', { personId: 'u-b', minutes: 60, points: 8 }, 2);
    expect(a.id).toBe(b.id);
    expect(a.id).toBe(serviceEntryId('o-1'));
  });

  it('records a service worth no points too: its minutes still count', () => {
    expect(serviceCreditEntry('o-2', { personId: 'u-a', minutes: 30, points: 0 }, 1)).toMatchObject({ amount: 0, minutes: 30 });
  });
});
