import {
  HELP_ACK_MINUTES,
  answeringRoleOf,
  applyHelpAction,
  escalatedHelpCall,
  helpCallerText,
  helpMessageTargets,
  helpMessagesFor,
  helpPlacesOf,
  helpTemplateValuesOf,
  lngLat,
  mayAnswerHelp,
  newHelpCall,
  nextHelpLevel,
  type Actor,
  type HelpActor,
  type HelpCall,
} from '@pingan/shared';

const T0 = Date.UTC(2026, 11, 2, 2, 0); // 10:00 in Shanghai
const MINUTE = 60_000;
const GRID = '410399001001-03';
const PATH = { county: '410399', street: '410399001', community: '410399001001', grid: GRID };

function call(overrides: Partial<Parameters<typeof newHelpCall>[0]> = {}): HelpCall {
  return newHelpCall(
    { id: 'h1', requesterId: 'u-res', requesterName: '张秀兰', placeCode: GRID, placeLevel: 'grid', regionPath: PATH, ...overrides },
    T0,
  );
}
const actor = (over: Partial<Actor>): Actor => ({ id: 'x', roles: ['resident'], gridCodes: [], ...over });
const WORKER = actor({ id: 'u-w', roles: ['gridWorker'], gridCodes: [GRID] });
const POLICE = actor({ id: 'u-p', roles: ['police'], gridCodes: ['410399001001-01', GRID] });
const DOCTOR = actor({ id: 'u-d', roles: ['doctor'], gridCodes: [GRID] });
const ELSEWHERE = actor({ id: 'u-e', roles: ['gridWorker'], gridCodes: ['410399001001-09'] });
const COMMUNITY = actor({ id: 'u-c', roles: ['centre'], centre: { level: 'community', regionCode: '410399001001' } });
const REQUESTER = actor({ id: 'u-res', roles: ['resident'], gridCodes: [GRID] });
const by = (who: Actor, name = '赵丽'): HelpActor => ({
  actor: who,
  name,
  role: answeringRoleOf(who, call()) ?? 'resident',
  phone: '13800000033',
});

describe('a new call', () => {
  it('alerts its place, due to be answered in HELP_ACK_MINUTES, with one raised step', () => {
    const raised = call({ location: lngLat(111.5875, 33.7969), address: '3号楼' });
    expect(raised).toMatchObject({ status: 'raised', level: 'grid', alertedCodes: [GRID], ackDueAt: T0 + HELP_ACK_MINUTES * MINUTE });
    expect(raised.events).toEqual([{ seq: 1, type: 'raised', at: T0, status: 'raised', level: 'grid', actorId: 'u-res' }]);
  });
});

describe('escalation', () => {
  it('is not due before the deadline, nor once answered', () => {
    expect(escalatedHelpCall(call(), T0 + 5 * MINUTE - 1)).toBeUndefined();
    const answered = applyHelpAction(call(), { type: 'acknowledge' }, by(WORKER), T0 + MINUTE);
    if (!answered.ok) throw new Error(answered.code);
    expect(escalatedHelpCall(answered.call, T0 + 60 * MINUTE)).toBeUndefined();
  });

  it('goes up the path a level at a time, at the deadline exactly, each with a new deadline', () => {
    const community = escalatedHelpCall(call(), T0 + 5 * MINUTE);
    expect(community).toMatchObject({ level: 'community', alertedCodes: [GRID, '410399001001'], ackDueAt: T0 + 10 * MINUTE });
    expect(community?.events.at(-1)).toEqual({ seq: 2, type: 'escalated', at: T0 + 5 * MINUTE, status: 'raised', level: 'community' });
    const street = community && escalatedHelpCall(community, T0 + 10 * MINUTE);
    const county = street && escalatedHelpCall(street, T0 + 15 * MINUTE);
    expect(county).toMatchObject({ level: 'county', alertedCodes: [GRID, '410399001001', '410399001', '410399'] });
    // At the top: the deadline goes, no step is added, and nothing is due again.
    const top = county && escalatedHelpCall(county, T0 + 20 * MINUTE);
    expect(top?.ackDueAt).toBeUndefined();
    expect(top?.events).toHaveLength(4);
    expect(top && escalatedHelpCall(top, T0 + 99 * MINUTE)).toBeUndefined();
  });

  it('skips a level the path lacks (a call routed to a community goes to its street)', () => {
    const atCommunity = call({
      placeCode: '410399001001',
      placeLevel: 'community',
      regionPath: { county: '410399', street: '410399001', community: '410399001001' },
    });
    expect(nextHelpLevel(atCommunity)).toEqual({ level: 'street', code: '410399001' });
    expect(nextHelpLevel({ level: 'street', regionPath: { county: '410399' } })).toEqual({ level: 'county', code: '410399' });
  });
});

describe('who answers', () => {
  it('is the grid’s 网格长, 网格员 and 网格警, not its 网格医, nor another grid’s staff, nor the requester', () => {
    expect([WORKER, POLICE, DOCTOR, ELSEWHERE, REQUESTER].map((who) => mayAnswerHelp(who, call()))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('is a centre once the call has reached it', () => {
    expect(mayAnswerHelp(COMMUNITY, call())).toBe(false);
    const up = escalatedHelpCall(call(), T0 + 5 * MINUTE);
    expect(up && mayAnswerHelp(COMMUNITY, up)).toBe(true);
    expect(helpPlacesOf(COMMUNITY)).toEqual(['410399001001']);
    expect(helpPlacesOf(POLICE)).toEqual(['410399001001-01', GRID]);
    expect(helpPlacesOf(DOCTOR)).toEqual([]);
  });

  it('names the role they answer in: their grid role at its grid, else their centre', () => {
    expect(answeringRoleOf(POLICE, call())).toBe('police');
    expect(answeringRoleOf(COMMUNITY, call())).toBe('centre');
    expect(answeringRoleOf(ELSEWHERE, call())).toBeUndefined();
  });
});

describe('actions', () => {
  it('收到 names the responder, ends the deadline and keeps the note; a second 收到 is told it was answered', () => {
    const first = applyHelpAction(call(), { type: 'acknowledge', note: ' 马上到 ' }, by(WORKER), T0 + MINUTE);
    if (!first.ok) throw new Error(first.code);
    expect(first.call).toMatchObject({
      status: 'acknowledged',
      responder: { personId: 'u-w', name: '赵丽', role: 'gridWorker', phone: '13800000033' },
    });
    expect(first.call.ackDueAt).toBeUndefined();
    expect(first.event).toMatchObject({ seq: 2, type: 'acknowledged', note: '马上到', actorName: '赵丽', actorRole: 'gridWorker' });
    expect(applyHelpAction(first.call, { type: 'acknowledge' }, by(POLICE, '郑俊'), T0 + 2 * MINUTE)).toEqual({
      ok: false,
      code: 'HELP.ALREADY_ANSWERED',
    });
  });

  it('已处置 needs words, and ends the call from raised or acknowledged, keeping who answered', () => {
    expect(applyHelpAction(call(), { type: 'close', note: '  ' }, by(WORKER), T0)).toEqual({ ok: false, code: 'HELP.NOTE_REQUIRED' });
    const closed = applyHelpAction(call(), { type: 'close', note: '已送医' }, by(WORKER), T0 + MINUTE);
    expect(closed).toMatchObject({ ok: true, call: { status: 'closed' } });
    if (!closed.ok) return;
    expect(applyHelpAction(closed.call, { type: 'acknowledge' }, by(WORKER), T0 + 2 * MINUTE)).toEqual({ ok: false, code: 'HELP.ENDED' });
    expect(applyHelpAction(closed.call, { type: 'cancel' }, by(REQUESTER, '张秀兰'), T0 + 2 * MINUTE)).toEqual({
      ok: false,
      code: 'HELP.ENDED',
    });
  });

  it('a 网格员 who calls for help in her own grid is helped, not asked to answer herself', () => {
    const hers = call({ requesterId: 'u-w', requesterName: '赵丽' });
    expect(applyHelpAction(hers, { type: 'acknowledge' }, by(WORKER), T0)).toEqual({ ok: false, code: 'HELP.NOT_FOUND' });
    expect(applyHelpAction(hers, { type: 'close', note: '没事了' }, by(WORKER), T0)).toEqual({ ok: false, code: 'HELP.NOT_FOUND' });
    expect(applyHelpAction(hers, { type: 'acknowledge' }, by(POLICE, '郑俊'), T0)).toMatchObject({ ok: true });
  });

  it('取消 is the requester’s alone; to anyone else the call is not there', () => {
    expect(applyHelpAction(call(), { type: 'cancel' }, by(WORKER), T0)).toEqual({ ok: false, code: 'HELP.NOT_FOUND' });
    expect(applyHelpAction(call(), { type: 'acknowledge' }, by(REQUESTER, '张秀兰'), T0)).toEqual({ ok: false, code: 'HELP.NOT_FOUND' });
    expect(applyHelpAction(call(), { type: 'acknowledge' }, by(ELSEWHERE, '钱建华'), T0)).toEqual({ ok: false, code: 'HELP.NOT_FOUND' });
    expect(applyHelpAction(call(), { type: 'cancel', note: '误触' }, by(REQUESTER, '张秀兰'), T0)).toMatchObject({
      ok: true,
      call: { status: 'cancelled' },
      event: { type: 'cancelled', note: '误触' },
    });
  });
});

describe('messages', () => {
  it('tell the place alerted on a raise and an escalation, the requester on an answer, everyone alerted on a cancel', () => {
    const raised = call();
    const up = escalatedHelpCall(raised, T0 + 5 * MINUTE);
    if (!up) throw new Error('not escalated');
    expect(helpMessageTargets(up, raised.events[0]!)).toEqual({ requester: false, places: [GRID] });
    expect(helpMessageTargets(up, up.events[1]!)).toEqual({ requester: false, places: ['410399001001'] });
    const cancelled = applyHelpAction(up, { type: 'cancel' }, by(REQUESTER, '张秀兰'), T0 + 6 * MINUTE);
    if (!cancelled.ok) throw new Error(cancelled.code);
    expect(helpMessageTargets(cancelled.call, cancelled.event)).toEqual({ requester: false, places: [GRID, '410399001001'] });
    const answered = applyHelpAction(raised, { type: 'acknowledge' }, by(WORKER), T0 + MINUTE);
    if (!answered.ok) throw new Error(answered.code);
    expect(helpMessageTargets(answered.call, answered.event)).toEqual({ requester: true, places: [] });
  });

  it('say who calls with what they shared, and never go to the person who acted, each person once', () => {
    const raised = call({ profile: { tags: ['高龄', '独居'] }, address: '3号楼2单元' });
    expect(helpCallerText(raised)).toBe('张秀兰（高龄·独居）');
    const people = [
      { personId: 'u-w', openid: 'o-w' },
      { personId: 'u-w', openid: 'o-w' },
      { personId: 'u-res', openid: 'o-res' },
    ];
    const messages = helpMessagesFor(raised, raised.events[0]!, people);
    expect(messages.map((m) => m._id)).toEqual(['h1:1:u-w']);
    expect(messages[0]).toMatchObject({ kind: 'helpRaised', helpCallId: 'h1', title: '一键求助：张秀兰（高龄·独居）', read: false });
    expect(messages[0]?.body).toBe('10:00 发出求助。地点：3号楼2单元。请立即查看并点“收到”；5 分钟内无人响应将自动上报社区综治中心。');
  });
});

describe('subscribe message values', () => {
  it('tell staff who calls and where, and the caller who answered', () => {
    const raised = call({ profile: { tags: ['独居'] }, address: '3号楼' });
    const [toStaff] = helpMessagesFor(raised, raised.events[0]!, [{ personId: 'u-w', openid: 'o-w' }]);
    expect(helpTemplateValuesOf(toStaff!, raised, raised.events[0]!)).toEqual({
      person: '张秀兰（独居）',
      place: '3号楼',
      status: '紧急求助',
      time: '2026年12月02日 10:00',
      hint: '请立即点击查看并响应',
      note: '',
    });
    const answered = applyHelpAction(raised, { type: 'acknowledge', note: '马上到' }, by(WORKER), T0 + MINUTE);
    if (!answered.ok) throw new Error(answered.code);
    const [toCaller] = helpMessagesFor(answered.call, answered.event, [{ personId: 'u-res', openid: 'o-res' }]);
    expect(helpTemplateValuesOf(toCaller!, answered.call, answered.event)).toMatchObject({
      person: '赵丽',
      status: '已响应',
      note: '马上到',
    });
  });
});
