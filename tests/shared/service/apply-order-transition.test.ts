import {
  applyOrderTransition,
  isOrderTerminal,
  isUnclaimed,
  newOrder,
  newTask,
  ORDER_STATUSES,
  ORDER_TRANSITIONS,
  type Actor,
  type OrderAction,
  type OrderAuthority,
  type OrderStatus,
  type ServiceOrder,
} from '@pingan/shared';

const GRID = '410399001001-03';
const OTHER_GRID = '410399001001-04';
const T0 = Date.UTC(2026, 11, 1, 2, 0); // 10:00 Asia/Shanghai
const HOUR = 3_600_000;

const resident: Actor = { id: 'u-resident', roles: ['resident'], gridCodes: [GRID] };
const neighbour: Actor = { id: 'u-neighbour', roles: ['resident'], gridCodes: [GRID] };
const worker: Actor = { id: 'p-worker', roles: ['gridWorker'], gridCodes: [GRID] };
const leader: Actor = { id: 'p-leader', roles: ['gridLeader'], gridCodes: [GRID] };
const otherWorker: Actor = { id: 'p-other', roles: ['gridWorker'], gridCodes: [OTHER_GRID] };
const volunteer: Actor = { id: 'u-volunteer', roles: ['resident', 'volunteer'], gridCodes: [GRID] };
const secondVolunteer: Actor = { id: 'u-volunteer-2', roles: ['volunteer'], gridCodes: [GRID] };
const otherVolunteer: Actor = { id: 'u-volunteer-9', roles: ['volunteer'], gridCodes: [OTHER_GRID] };
const police: Actor = { id: 'p-police', roles: ['police'], gridCodes: [GRID] };
const centre: Actor = { id: 'p-centre', roles: ['centre'], gridCodes: [], centre: { level: 'community', regionCode: '410399001001' } };

const booked = newOrder(
  {
    id: 'o-1',
    gridCode: GRID,
    serviceCode: 'SMLF',
    title: '上门理发',
    requesterId: resident.id,
    address: '城关镇幸福路 3 号 2 单元 401',
    note: '老人腿脚不便',
    slot: { key: '2026-12-02T09:00', startsAt: T0 + 23 * HOUR, endsAt: T0 + 24 * HOUR },
    terms: { minutes: 40, points: 5 },
  },
  T0,
);

/** The order walked to a status by the table's own moves, as the right people make them. */
function at(status: OrderStatus, claimant: Actor = volunteer): ServiceOrder {
  const steps: Record<OrderStatus, readonly [OrderAction, Actor][]> = {
    booked: [],
    cancelled: [[{ type: 'cancel' }, resident]],
    posted: [[{ type: 'dispatch' }, worker]],
    claimed: [
      [{ type: 'dispatch' }, worker],
      [{ type: 'claim' }, claimant],
    ],
    completed: [
      [{ type: 'dispatch' }, worker],
      [{ type: 'claim' }, claimant],
      [{ type: 'complete', note: '已理发', photos: ['cloud://env/uploads/proof/a/1.jpg'] }, claimant],
    ],
    confirmed: [],
    disputed: [],
    rated: [],
  };
  steps.confirmed = [...steps.completed, [{ type: 'confirm' }, resident]];
  steps.disputed = [...steps.completed, [{ type: 'dispute', note: '没有来' }, resident]];
  steps.rated = [...steps.confirmed, [{ type: 'rate', satisfaction: 5 }, resident]];
  return steps[status].reduce((order, [action, actor]) => {
    const outcome = applyOrderTransition(order, action, actor, T0 + HOUR);
    if (!outcome.ok) throw new Error(`fixture step ${action.type} refused: ${outcome.code}`);
    return outcome.order;
  }, booked);
}

/** A valid action of each move (settle both ways). */
const ACTIONS: readonly OrderAction[] = [
  { type: 'cancel' },
  { type: 'dispatch' },
  { type: 'serve' },
  { type: 'claim' },
  { type: 'withdraw' },
  { type: 'complete', note: '已完成', photos: ['cloud://env/uploads/proof/a/1.jpg'] },
  { type: 'confirm' },
  { type: 'dispute', note: '没有来' },
  { type: 'settle', decision: 'done', note: '核实已服务' },
  { type: 'settle', decision: 'notDone', note: '核实未服务' },
  { type: 'rate', satisfaction: 4 },
];

/** Someone who holds each authority on the fixture orders (the claimant is the volunteer who claimed). */
const HOLDER: Record<OrderAuthority, Actor> = { requester: resident, gridStaff: worker, gridVolunteer: volunteer, claimant: volunteer };
const EVERYONE = [resident, neighbour, worker, leader, otherWorker, volunteer, secondVolunteer, otherVolunteer, police, centre];
const holds: Record<OrderAuthority, readonly Actor[]> = {
  requester: [resident],
  gridStaff: [worker, leader],
  gridVolunteer: [volunteer, secondVolunteer],
  claimant: [volunteer],
};

const rowOf = (action: OrderAction, status: OrderStatus) =>
  ORDER_TRANSITIONS.find(
    (row) => row.move === action.type && row.from === status && row.decision === (action.type === 'settle' ? action.decision : undefined),
  );
const label = (action: OrderAction) => (action.type === 'settle' ? `settle(${action.decision})` : action.type);

describe('every move from every state', () => {
  for (const status of ORDER_STATUSES) {
    for (const action of ACTIONS) {
      const row = rowOf(action, status);
      if (!row) {
        it(`refuses ${label(action)} from ${status} with ORDER.INVALID_TRANSITION, whoever asks`, () => {
          for (const actor of EVERYONE) {
            expect(applyOrderTransition(at(status), action, actor, T0 + 2 * HOUR)).toEqual({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
          }
        });
        continue;
      }
      it(`lets the ${row.who} ${label(action)} from ${status} to ${row.to}, and refuses everyone else with ORDER.FORBIDDEN`, () => {
        const order = at(status);
        const outcome = applyOrderTransition(order, action, HOLDER[row.who], T0 + 2 * HOUR);
        expect(outcome).toMatchObject({ ok: true, order: { status: row.to }, event: { type: row.event, seq: order.events.length + 1 } });
        for (const actor of EVERYONE.filter((someone) => !holds[row.who].includes(someone))) {
          expect([actor.id, applyOrderTransition(order, action, actor, T0 + 2 * HOUR)]).toEqual([
            actor.id,
            { ok: false, code: 'ORDER.FORBIDDEN' },
          ]);
        }
      });
    }
  }
});

describe('the states', () => {
  it('starts a booking as booked and a task as posted, each with its first event', () => {
    expect(booked).toMatchObject({ status: 'booked', kind: 'order', events: [{ seq: 1, type: 'booked', actorId: resident.id }] });
    const task = newTask(
      {
        id: 't-1',
        gridCode: GRID,
        taskKind: 'sanitation',
        title: '环境卫生整治',
        requesterId: worker.id,
        address: '幸福路',
        slot: booked.slot,
        terms: { minutes: 120, points: 10 },
      },
      T0,
    );
    expect(task).toMatchObject({ status: 'posted', kind: 'task', events: [{ seq: 1, type: 'posted', actorId: worker.id }] });
  });

  it('counts booked and posted as unclaimed, and nothing else', () => {
    expect(ORDER_STATUSES.filter(isUnclaimed)).toEqual(['booked', 'posted']);
  });

  it('has cancelled and rated as the only ends', () => {
    expect(ORDER_STATUSES.filter(isOrderTerminal)).toEqual(['cancelled', 'rated']);
  });
});

describe('claims and withdrawals', () => {
  it('lets the second volunteer claim nothing once the first holds it', () => {
    expect(applyOrderTransition(at('claimed'), { type: 'claim' }, secondVolunteer, T0 + 2 * HOUR)).toEqual({
      ok: false,
      code: 'ORDER.INVALID_TRANSITION',
    });
  });

  it('refuses a claim to a volunteer of another grid and to a resident without the role', () => {
    for (const actor of [otherVolunteer, neighbour]) {
      expect(applyOrderTransition(at('posted'), { type: 'claim' }, actor, T0).ok).toBe(false);
    }
  });

  it('records the claimant, and a grid worker serving it herself as staff', () => {
    expect(applyOrderTransition(at('posted'), { type: 'claim' }, volunteer, T0)).toMatchObject({
      order: { claimant: { personId: volunteer.id, as: 'volunteer' } },
    });
    expect(applyOrderTransition(booked, { type: 'serve' }, worker, T0)).toMatchObject({
      order: { status: 'claimed', claimant: { personId: worker.id, as: 'staff' } },
    });
  });

  it('lets the claimant withdraw before the slot starts, back to the hall without a claimant', () => {
    const outcome = applyOrderTransition(at('claimed'), { type: 'withdraw', note: '临时有事' }, volunteer, booked.slot.startsAt - 1);
    expect(outcome).toMatchObject({ ok: true, order: { status: 'posted' }, event: { note: '临时有事' } });
    expect(outcome.ok && outcome.order.claimant).toBeUndefined();
  });

  it('refuses a withdrawal once the slot has started (ORDER.TOO_LATE)', () => {
    expect(applyOrderTransition(at('claimed'), { type: 'withdraw' }, volunteer, booked.slot.startsAt)).toEqual({
      ok: false,
      code: 'ORDER.TOO_LATE',
    });
  });
});

describe('completing, confirming and disputing', () => {
  it('asks a completion for both photos and a note (ORDER.PROOF_REQUIRED)', () => {
    const order = at('claimed');
    for (const action of [
      { type: 'complete', note: '已完成', photos: [] },
      { type: 'complete', note: ' \u200b ', photos: ['cloud://env/p.jpg'] },
    ] as const) {
      expect(applyOrderTransition(order, action, volunteer, T0 + 2 * HOUR)).toEqual({ ok: false, code: 'ORDER.PROOF_REQUIRED' });
    }
  });

  it('records on confirmation what the volunteer is owed: the order’s minutes and points, once', () => {
    const outcome = applyOrderTransition(at('completed'), { type: 'confirm' }, resident, T0 + 30 * HOUR);
    const credit = { personId: volunteer.id, minutes: 40, points: 5 };
    expect(outcome).toMatchObject({ ok: true, order: { status: 'confirmed', credit }, event: { type: 'confirmed', credit } });
    expect(outcome.ok && applyOrderTransition(outcome.order, { type: 'confirm' }, resident, T0 + 31 * HOUR)).toEqual({
      ok: false,
      code: 'ORDER.INVALID_TRANSITION',
    });
  });

  it('owes nothing when the grid worker served it herself', () => {
    const served = applyOrderTransition(booked, { type: 'serve' }, worker, T0);
    const done =
      served.ok && applyOrderTransition(served.order, { type: 'complete', note: '已办', photos: ['cloud://e/p.jpg'] }, worker, T0);
    const confirmed = done && done.ok && applyOrderTransition(done.order, { type: 'confirm' }, resident, T0);
    expect(confirmed).toMatchObject({ ok: true, order: { status: 'confirmed' } });
    expect(confirmed && confirmed.ok && confirmed.event.credit).toBeUndefined();
  });

  it('asks a dispute and a settlement for a note (ORDER.NOTE_REQUIRED)', () => {
    expect(applyOrderTransition(at('completed'), { type: 'dispute', note: '' }, resident, T0)).toEqual({
      ok: false,
      code: 'ORDER.NOTE_REQUIRED',
    });
    expect(applyOrderTransition(at('disputed'), { type: 'settle', decision: 'done', note: ' ' }, leader, T0)).toEqual({
      ok: false,
      code: 'ORDER.NOTE_REQUIRED',
    });
  });

  it('credits the volunteer when the grid worker finds it done, and sends it back to the hall unclaimed when not', () => {
    const done = applyOrderTransition(at('disputed'), { type: 'settle', decision: 'done', note: '核实已服务' }, leader, T0);
    expect(done).toMatchObject({ order: { status: 'confirmed', credit: { personId: volunteer.id } }, event: { decision: 'done' } });
    const notDone = applyOrderTransition(at('disputed'), { type: 'settle', decision: 'notDone', note: '未服务' }, worker, T0);
    expect(notDone).toMatchObject({ order: { status: 'posted' }, event: { decision: 'notDone' } });
    expect(notDone.ok && (notDone.order.claimant ?? notDone.order.credit)).toBeUndefined();
  });

  it('takes a rating of 1 to 5 whole stars only (ORDER.INVALID_RATING)', () => {
    for (const satisfaction of [0, 6, 3.5]) {
      expect(applyOrderTransition(at('confirmed'), { type: 'rate', satisfaction }, resident, T0)).toEqual({
        ok: false,
        code: 'ORDER.INVALID_RATING',
      });
    }
    expect(applyOrderTransition(at('confirmed'), { type: 'rate', satisfaction: 5, comment: '很好' }, resident, T0)).toMatchObject({
      order: { status: 'rated', rating: { satisfaction: 5, comment: '很好' } },
    });
  });

  it('lets the requester cancel a posted order still waiting in the hall', () => {
    expect(applyOrderTransition(at('posted'), { type: 'cancel' }, resident, T0)).toMatchObject({
      ok: true,
      order: { status: 'cancelled' },
    });
  });
});
