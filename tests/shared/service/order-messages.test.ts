import {
  applyOrderTransition,
  claimantAt,
  newOrder,
  orderMessagesFor,
  orderMessageTargets,
  orderTemplateValuesOf,
  SUBSCRIBE_KINDS,
  templateData,
  type Actor,
  type OrderAction,
  type OrderEvent,
  type OrderRecipient,
  type ServiceOrder,
} from '@pingan/shared';
import { DEMO_SUBSCRIBE_TEMPLATES } from '../../../tools/seed/demo-documents';

const GRID = '410399001001-03';
const T0 = Date.UTC(2026, 11, 1, 2, 0); // 10:00 Asia/Shanghai
const HOUR = 3_600_000;

const resident: Actor = { id: 'u-resident', roles: ['resident'], gridCodes: [GRID] };
const worker: Actor = { id: 'p-worker', roles: ['gridWorker'], gridCodes: [GRID] };
const volunteer: Actor = { id: 'u-volunteer', roles: ['volunteer'], gridCodes: [GRID] };
const other: Actor = { id: 'u-volunteer-2', roles: ['volunteer'], gridCodes: [GRID] };

const booked = newOrder(
  {
    id: 'o-1',
    gridCode: GRID,
    serviceCode: 'SMLF',
    title: '上门理发',
    requesterId: resident.id,
    address: '幸福路 3 号',
    slot: { key: '2026-12-02T09:00', startsAt: T0 + 23 * HOUR, endsAt: T0 + 24 * HOUR },
    terms: { minutes: 40, points: 5 },
  },
  T0,
);

/** The order after these moves, and the last move's event. */
function after(moves: readonly [OrderAction, Actor][]): { order: ServiceOrder; event: OrderEvent } {
  let order = booked;
  let event = booked.events[0] as OrderEvent;
  for (const [action, actor] of moves) {
    const outcome = applyOrderTransition(order, action, actor, T0 + HOUR);
    if (!outcome.ok) throw new Error(`${action.type}: ${outcome.code}`);
    ({ order, event } = outcome);
  }
  return { order, event };
}

const CLAIMED: [OrderAction, Actor][] = [
  [{ type: 'dispatch' }, worker],
  [{ type: 'claim' }, volunteer],
];
const COMPLETED: [OrderAction, Actor][] = [...CLAIMED, [{ type: 'complete', note: '已理发', photos: ['cloud://x/1.jpg'] }, volunteer]];
const DISPUTED: [OrderAction, Actor][] = [...COMPLETED, [{ type: 'dispute', note: '没有来' }, resident]];

const everyone: OrderRecipient[] = [
  { personId: resident.id, openid: 'o-resident', as: 'requester' },
  { personId: volunteer.id, openid: 'o-volunteer', as: 'claimant' },
  { personId: worker.id, openid: 'o-worker', as: 'gridStaff' },
];
const subject = (order: ServiceOrder) => ({
  orderId: order.id,
  title: order.title,
  slotStartsAt: order.slot.startsAt,
  claimantName: '王建国',
});

describe('who is told of an order’s move', () => {
  it('tells the requester who is coming when a volunteer claims it, and when the grid worker serves it herself', () => {
    const claimed = after(CLAIMED);
    expect(orderMessageTargets(claimed.order, claimed.event)).toEqual([{ kind: 'person', personId: resident.id, as: 'requester' }]);
    const [message] = orderMessagesFor(subject(claimed.order), claimed.event, everyone.slice(0, 1));
    expect(message).toMatchObject({
      _id: 'o-1:3:u-resident',
      kind: 'orderClaimed',
      orderId: 'o-1',
      recipientOpenid: 'o-resident',
      read: false,
    });
    expect(message?.body).toContain('志愿者王建国接单');
    expect(message?.body).toContain('2026年12月02日 09:00');
    const served = after([[{ type: 'serve' }, worker]]);
    expect(orderMessagesFor(subject(served.order), served.event, everyone.slice(0, 1))[0]?.body).toContain('网格员王建国接单');
  });

  it('tells the staff member who posted a task (its requester) that someone will come', () => {
    const claimed = after(CLAIMED);
    const [message] = orderMessagesFor({ ...subject(claimed.order), kind: 'task' }, claimed.event, everyone.slice(0, 1));
    expect(message?.title).toBe('您发布的任务已有人接单');
    expect(message?.body).toContain('09:00 到场');
  });

  it('asks the requester to confirm once it is completed', () => {
    const { order, event } = after(COMPLETED);
    expect(orderMessageTargets(order, event)).toEqual([{ kind: 'person', personId: resident.id, as: 'requester' }]);
    expect(orderMessagesFor(subject(order), event, everyone.slice(0, 1))[0]).toMatchObject({
      kind: 'orderCompleted',
      title: '服务已完成，请确认',
    });
  });

  it('tells the volunteer of a confirm with the minutes and points credited', () => {
    const { order, event } = after([...COMPLETED, [{ type: 'confirm' }, resident]]);
    expect(orderMessageTargets(order, event)).toEqual([{ kind: 'person', personId: volunteer.id, as: 'claimant' }]);
    const messages = orderMessagesFor(subject(order), event, everyone.slice(1, 2));
    expect(messages.map((m) => [m.recipientId, m.kind])).toEqual([[volunteer.id, 'orderConfirmed']]);
    expect(messages[0]?.body).toContain('记服务时长 40 分钟、积分 5 分');
  });

  it('tells the volunteer and the grid’s staff of a dispute, each in their words, never the requester who made it', () => {
    const { order, event } = after(DISPUTED);
    expect(orderMessageTargets(order, event)).toEqual([{ kind: 'person', personId: volunteer.id, as: 'claimant' }, { kind: 'gridStaff' }]);
    const messages = orderMessagesFor(subject(order), event, everyone);
    expect(messages.map((m) => [m.recipientId, m.title])).toEqual([
      [volunteer.id, '居民对服务有异议'],
      [worker.id, '居民对服务有异议，请裁定'],
    ]);
    expect(messages[1]?.body).toContain('说明：没有来');
  });

  it('tells the requester and the volunteer sent away of a settle 未完成, though the order no longer names them', () => {
    const { order, event } = after([...DISPUTED, [{ type: 'settle', decision: 'notDone', note: '核实未上门' }, worker]]);
    expect(order.claimant).toBeUndefined();
    expect(claimantAt(order, event.seq)).toEqual({ personId: volunteer.id, as: 'volunteer' });
    const messages = orderMessagesFor(subject(order), event, everyone);
    expect(messages.map((m) => [m.recipientId, m.kind])).toEqual([
      [resident.id, 'orderSettled'],
      [volunteer.id, 'orderSettled'],
    ]);
    expect(messages[0]?.title).toBe('异议已裁定：服务未完成');
  });

  it('names who held it at each step: the one withdrawing at the withdrawal, the next claimant after a new claim', () => {
    const withdrawn = after([...CLAIMED, [{ type: 'withdraw' }, volunteer]]);
    expect(claimantAt(withdrawn.order, withdrawn.event.seq)).toEqual({ personId: volunteer.id, as: 'volunteer' });
    expect(claimantAt(withdrawn.order, 1)).toBeUndefined();
    const reclaimed = after([...CLAIMED, [{ type: 'withdraw' }, volunteer], [{ type: 'claim' }, other]]);
    expect(claimantAt(reclaimed.order, reclaimed.event.seq)).toEqual({ personId: other.id, as: 'volunteer' });
  });

  it('tells nobody of a booking, a dispatch, a cancel or a rating', () => {
    const dispatched = after([[{ type: 'dispatch' }, worker]]);
    expect(orderMessageTargets(dispatched.order, dispatched.event)).toEqual([]);
    expect(orderMessagesFor(subject(dispatched.order), dispatched.event, everyone)).toEqual([]);
    const rated = after([...COMPLETED, [{ type: 'confirm' }, resident], [{ type: 'rate', satisfaction: 5 }, resident]]);
    expect(orderMessageTargets(rated.order, rated.event)).toEqual([]);
  });

  it('gives the same ids to the same messages, and each person one message', () => {
    const { order, event } = after(DISPUTED);
    const twice = [...everyone, { personId: volunteer.id, openid: 'o-volunteer', as: 'gridStaff' as const }];
    const first = orderMessagesFor(subject(order), event, twice);
    expect(first.map((m) => m._id)).toEqual(['o-1:5:u-volunteer', 'o-1:5:p-worker']);
    expect(orderMessagesFor(subject(order), event, twice)).toEqual(first);
  });
});

describe('what an order’s WeChat subscribe message shows', () => {
  it('fills 接单 with the service, the slot, who is coming and a status word', () => {
    const { order, event } = after(CLAIMED);
    const [message] = orderMessagesFor(subject(order), event, everyone.slice(0, 1));
    expect(orderTemplateValuesOf(message!, subject(order), event, 'requester')).toEqual({
      service: '上门理发',
      slot: '2026年12月02日 09:00',
      person: '王建国',
      status: '已接单',
      time: '2026年12月01日 11:00',
      hint: '点击查看是谁来服务',
      note: '',
    });
  });

  it('asks the requester to confirm at 完成, with the volunteer’s note', () => {
    const { order, event } = after(COMPLETED);
    const [message] = orderMessagesFor(subject(order), event, everyone.slice(0, 1));
    expect(orderTemplateValuesOf(message!, subject(order), event, 'requester')).toMatchObject({
      status: '待确认',
      hint: '请点击确认完成或提出异议',
      note: '已理发',
    });
  });

  it('asks the grid’s staff, and only them, to settle a dispute', () => {
    const { order, event } = after(DISPUTED);
    const messages = orderMessagesFor(subject(order), event, everyone);
    const [toVolunteer, toStaff] = messages.map((m, i) =>
      orderTemplateValuesOf(m, subject(order), event, i === 0 ? 'claimant' : 'gridStaff'),
    );
    expect(toStaff).toMatchObject({ status: '有异议', hint: '请点击核实并裁定', note: '没有来' });
    expect(toVolunteer).toMatchObject({ status: '有异议', hint: '网格员将核实裁定' });
  });

  it('says a settle’s decision in its status: 已完成, or 重新派单 back to the hall', () => {
    const done = after([...DISPUTED, [{ type: 'settle', decision: 'done', note: '已核实' }, worker]]);
    const notDone = after([...DISPUTED, [{ type: 'settle', decision: 'notDone', note: '未上门' }, worker]]);
    const statusOf = ({ order, event }: { order: ServiceOrder; event: OrderEvent }) => {
      const [message] = orderMessagesFor(subject(order), event, everyone.slice(0, 1));
      return orderTemplateValuesOf(message!, subject(order), event, 'requester').status;
    };
    expect([statusOf(done), statusOf(notDone)]).toEqual(['已完成', '重新派单']);
  });

  it('fits every order kind’s demo template: each field a value within WeChat’s limit, only a missing note showing 无', () => {
    const cases = {
      orderClaimed: after(CLAIMED),
      orderCompleted: after(COMPLETED),
      orderConfirmed: after([...COMPLETED, [{ type: 'confirm' }, resident]]),
      orderDisputed: after(DISPUTED),
      orderSettled: after([...DISPUTED, [{ type: 'settle', decision: 'done', note: '已核实' }, worker]]),
    } as const;
    for (const [kind, { order, event }] of Object.entries(cases)) {
      expect(SUBSCRIBE_KINDS).toContain(kind);
      const template = DEMO_SUBSCRIBE_TEMPLATES.templates[kind as keyof typeof cases]!;
      const [message] = orderMessagesFor(subject(order), event, everyone);
      expect(message?.kind).toBe(kind);
      const data = templateData(template, orderTemplateValuesOf(message!, subject(order), event, 'requester'));
      for (const [key, { value }] of Object.entries(data)) {
        if (template.fields[key] !== 'note') expect([key, value]).not.toEqual([key, '无']);
        expect(value).not.toContain('…');
      }
    }
  });
});
