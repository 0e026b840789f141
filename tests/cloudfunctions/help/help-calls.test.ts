import { DEMO, PLACES, draftKey, startFunctionsCloud, type FunctionsCloud } from '../helpers/functions-cloud';

/**
 * 一键求助 through the real SDK against the local cloud, with the built functions and the demo county:
 * routed to the grid at the location and told to its 网格长, 网格员 and 网格警 at once; one open call per
 * person; escalated by clockSweep's timer, fired at a virtual Time, when nobody acknowledges in time, and
 * not when someone does; 收到 raced, 已处置 and 取消; the rate limit; no points; the trace kept.
 */
let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
}, 180_000);
afterAll(async () => cloud?.stop());

const MINUTE = 60_000;
/** Grid 410399001001-03's 网格长 陈志强, 网格员 赵丽 and 孙伟, and its 网格警 郑俊 (not its 网格医). */
const GRID_ANSWERERS = ['u-grid-leader-03', 'u-grid-worker-03', 'u-grid-worker-04', 'u-police-01'];

type Step = { seq: number; type: string; level: string; actorName?: string; note?: string };
type CallView = {
  id: string;
  status: string;
  level: string;
  ackDueAt?: number;
  raisedAt: number;
  placeName: string;
  profile?: { tags: string[]; note?: string; phone?: string };
  responder?: { name: string; role: string; phone?: string };
  contacts: { role: string; name: string; phone: string }[];
  steps: Step[];
  viewerIs: string;
};
type Raised = { call: CallView; alreadyOpen: boolean };
type Message = { _id: string; kind: string; recipientId: string; title: string; body: string; helpCallId: string };

let people = 0;
/** A resident nobody has seen: made on their first call, with no joined grid (the location routes them). */
function stranger(): string {
  people += 1;
  return `o-help-test-${process.pid}-${people}`;
}

function raise(openid: string, extra: Record<string, unknown> = {}) {
  return cloud.call<Raised>('raiseHelp', { idempotencyKey: draftKey(), location: PLACES.demoGrid, ...extra }, openid);
}
async function raised(openid: string, extra: Record<string, unknown> = {}): Promise<CallView> {
  const answer = await raise(openid, extra);
  if (!answer.ok) throw new Error(`raiseHelp answered ${answer.code}`);
  return answer.data.call;
}
async function fireAt(at: number): Promise<{ helpEscalated: number }> {
  const answer = (await cloud.testCloud.cloud.functions.fireTimer('clockSweep', new Date(at))) as {
    ok: boolean;
    data: { helpEscalated: number };
  };
  if (!answer.ok) throw new Error(`clockSweep answered ${JSON.stringify(answer)}`);
  return answer.data;
}
const messagesOf = (helpCallId: string, kind?: string) => cloud.find<Message>('messages', { helpCallId, ...(kind && { kind }) });
const recipients = (messages: Message[]) => messages.map((m) => m.recipientId).sort();
const detail = async (callId: string, openid: string) => (await cloud.data<{ call: CallView }>('helpCallDetail', { callId }, openid)).call;

it('routes a call to the grid at the location and tells its 网格长, 网格员 and 网格警 at once, earning nothing', async () => {
  const me = stranger();
  const answer = await raise(me, { address: '城关社区3号楼2单元' });
  expect(answer).toMatchObject({
    ok: true,
    data: { alreadyOpen: false, call: { status: 'raised', level: 'grid', viewerIs: 'requester' } },
  });
  if (!answer.ok) return;
  const { call } = answer.data;
  expect(call.placeName).toBe('城关社区第3网格');
  expect(call.ackDueAt).toBe(call.raisedAt + 5 * MINUTE);
  // The numbers the resident may call as well: the grid's published staff.
  expect(call.contacts).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'gridWorker', name: '赵丽' })]));
  const told = await messagesOf(call.id, 'helpRaised');
  expect(recipients(told)).toEqual(GRID_ANSWERERS);
  expect(told[0]?.title).toBe('一键求助：微信用户');
  expect(told[0]?.body).toContain('城关社区3号楼2单元');
  expect(told[0]?.body).toContain('5 分钟内无人响应将自动上报社区综治中心');
  // It reaches 赵丽's 消息 list as a help message that opens the call.
  const mine = await cloud.data<{ items: { kind: string; helpCallId?: string }[] }>('myMessages', {}, DEMO.gridWorker);
  expect(mine.items).toContainEqual(expect.objectContaining({ kind: 'helpRaised', helpCallId: call.id }));
  // Not a report, and no points for anyone.
  const stored = await cloud.get<{ requesterId: string }>('helpCalls', call.id);
  expect(await cloud.count('pointsLedger', { personId: stored?.requesterId })).toBe(0);
  expect(await cloud.count('reports', { reporterOpenid: me })).toBe(0);
}, 120_000);

it('keeps one open call a person: pressing again answers it, and a retry under the same key answers its first', async () => {
  const me = stranger();
  const key = draftKey();
  const first = await cloud.data<Raised>('raiseHelp', { idempotencyKey: key, location: PLACES.demoGrid }, me);
  const retried = await cloud.data<Raised>('raiseHelp', { idempotencyKey: key, location: PLACES.demoGrid }, me);
  const again = await cloud.data<Raised>('raiseHelp', { idempotencyKey: draftKey() }, me);
  expect(retried.call.id).toBe(first.call.id);
  expect(again).toMatchObject({ alreadyOpen: true, call: { id: first.call.id } });
  // Presses racing under different keys make one call.
  const other = stranger();
  const racing = await Promise.all(Array.from({ length: 6 }, () => raise(other)));
  const ids = new Set(racing.map((answer) => (answer.ok ? answer.data.call.id : answer.code)));
  expect(ids.size).toBe(1);
  expect(await cloud.count('helpCalls', { requesterOpenid: other })).toBe(1);
  expect(await messagesOf(first.call.id, 'helpRaised')).toHaveLength(GRID_ANSWERERS.length);
}, 120_000);

it('carries the 求助资料 the resident chose to share, and puts the call at the top of its answerers’ lists only', async () => {
  await cloud.data('saveHelpProfile', { tags: ['高龄', '独居'], note: '心脏不好，药在床头柜', phone: '13900001111' }, DEMO.otherResident);
  const call = await raised(DEMO.otherResident, { location: undefined });
  expect(call.profile).toEqual({ tags: ['高龄', '独居'], note: '心脏不好，药在床头柜', phone: '13900001111' });
  const [message] = await messagesOf(call.id, 'helpRaised');
  expect(message?.title).toBe('一键求助：王桂英（高龄·独居）');
  const listed = await cloud.data<{ items: CallView[] }>('openHelpCalls', {}, DEMO.police);
  expect(listed.items.map((item) => item.id)).toContain(call.id);
  expect(listed.items.find((item) => item.id === call.id)).toMatchObject({ viewerIs: 'responder', profile: { phone: '13900001111' } });
  expect((await cloud.data<{ items: CallView[] }>('openHelpCalls', {}, DEMO.gridWorkerElsewhere)).items.map((i) => i.id)).not.toContain(
    call.id,
  );
  // The community's centre sees it once it has reached them, not before.
  expect((await cloud.data<{ items: CallView[] }>('openHelpCalls', {}, DEMO.communityCentre)).items.map((i) => i.id)).not.toContain(
    call.id,
  );
  expect(await cloud.call('openHelpCalls', {}, DEMO.resident)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  expect(await cloud.call('helpCallDetail', { callId: call.id }, DEMO.gridWorkerElsewhere)).toMatchObject({
    ok: false,
    code: 'HELP.NOT_FOUND',
  });
  expect(await cloud.call('cancelHelp', { callId: call.id }, DEMO.resident)).toMatchObject({ ok: false, code: 'HELP.NOT_FOUND' });
  await cloud.data('cancelHelp', { callId: call.id, note: '误触' }, DEMO.otherResident);
  await cloud.data('saveHelpProfile', { tags: [] }, DEMO.otherResident);
}, 120_000);

it('unanswered, goes up a level by itself each time its minutes run out, once however many sweeps race, up to the county', async () => {
  const call = await raised(stranger());
  // The timer's Time is to the second: the first whole second past the deadline.
  const due = Math.ceil((call.ackDueAt ?? 0) / 1000) * 1000;
  expect((await fireAt(due - MINUTE)).helpEscalated).toBe(0);
  expect((await detail(call.id, DEMO.gridWorker)).level).toBe('grid');

  await Promise.all([fireAt(due), fireAt(due), fireAt(due)]);
  const community = await detail(call.id, DEMO.communityCentre);
  expect(community).toMatchObject({ status: 'raised', level: 'community', ackDueAt: due + 5 * MINUTE });
  expect(community.steps.map((step) => step.type)).toEqual(['raised', 'escalated']);
  const up = await messagesOf(call.id, 'helpEscalated');
  expect(recipients(up)).toEqual(['u-centre-06']);
  expect(up[0]?.title).toMatch(/^一键求助无人响应：/);
  expect((await cloud.data<{ items: CallView[] }>('openHelpCalls', {}, DEMO.communityCentre)).items.map((i) => i.id)).toContain(call.id);
  // The grid's own staff still have it on top, and still answer it.
  expect((await cloud.data<{ items: CallView[] }>('openHelpCalls', {}, DEMO.gridWorker)).items.map((i) => i.id)).toContain(call.id);

  await fireAt(due + 5 * MINUTE);
  await fireAt(due + 10 * MINUTE);
  const top = await detail(call.id, DEMO.countyCentre);
  expect(top.steps.map((step) => step.level)).toEqual(['grid', 'community', 'street', 'county']);
  expect(recipients(await messagesOf(call.id, 'helpEscalated'))).toEqual([
    'u-centre-01',
    'u-centre-02',
    'u-centre-03',
    'u-centre-04',
    'u-centre-06',
  ]);
  await fireAt(due + 15 * MINUTE);
  const stays = await detail(call.id, DEMO.countyCentre);
  expect(stays).toMatchObject({ status: 'raised', level: 'county' });
  expect(stays.ackDueAt).toBeUndefined();
  expect(stays.steps).toHaveLength(4);
}, 180_000);

it('answered in time, does not go up; the requester is told who is coming, with a number to call', async () => {
  const me = stranger();
  const call = await raised(me);
  const ack = await cloud.data<{ call: CallView }>('acknowledgeHelp', { callId: call.id, note: '我5分钟到' }, DEMO.gridWorker);
  expect(ack.call).toMatchObject({ status: 'acknowledged', responder: { name: '赵丽', role: 'gridWorker' } });
  expect(ack.call.ackDueAt).toBeUndefined();
  await fireAt((call.ackDueAt ?? 0) + 10 * MINUTE);
  const mine = await cloud.data<{ open?: CallView }>('myHelp', {}, me);
  expect(mine.open).toMatchObject({
    status: 'acknowledged',
    level: 'grid',
    responder: { name: '赵丽', phone: expect.stringMatching(/^1\d{10}$/) },
  });
  expect(mine.open?.steps.map((step) => step.type)).toEqual(['raised', 'acknowledged']);
  const told = await messagesOf(call.id, 'helpAcknowledged');
  expect(told).toHaveLength(1);
  expect(told[0]?.body).toContain('赵丽已收到您的求助');
  expect(await messagesOf(call.id, 'helpEscalated')).toEqual([]);
}, 120_000);

it('of two staff pressing 收到 at once, one answers and the other is told it was answered', async () => {
  const call = await raised(stranger());
  const answers = await Promise.all([
    cloud.call('acknowledgeHelp', { callId: call.id }, DEMO.gridWorker),
    cloud.call('acknowledgeHelp', { callId: call.id }, DEMO.police),
    cloud.call('acknowledgeHelp', { callId: call.id }, DEMO.gridLeader),
  ]);
  expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
  expect(answers.filter((answer) => !answer.ok).map((answer) => (answer.ok ? '' : answer.code))).toEqual([
    'HELP.ALREADY_ANSWERED',
    'HELP.ALREADY_ANSWERED',
  ]);
  expect((await detail(call.id, DEMO.gridWorker)).steps.filter((step) => step.type === 'acknowledged')).toHaveLength(1);
  // Someone else's grid: not theirs to answer.
  expect(await cloud.call('acknowledgeHelp', { callId: call.id }, DEMO.gridWorkerElsewhere)).toMatchObject({
    ok: false,
    code: 'HELP.NOT_FOUND',
  });
}, 120_000);

it('closes with what was done (a note required), tells the requester and lets them call again; a cancel tells the staff', async () => {
  const me = stranger();
  const call = await raised(me);
  expect(await cloud.call('closeHelp', { callId: call.id }, DEMO.gridLeader)).toMatchObject({ ok: false, code: 'HELP.NOTE_REQUIRED' });
  await cloud.data('closeHelp', { callId: call.id, note: '已送医，家属已到' }, DEMO.gridLeader);
  expect(await cloud.call('acknowledgeHelp', { callId: call.id }, DEMO.gridWorker)).toMatchObject({ ok: false, code: 'HELP.ENDED' });
  const closed = await messagesOf(call.id, 'helpClosed');
  expect(closed.map((m) => m.body)).toEqual(['陈志强：已送医，家属已到']);
  const next = await raised(me);
  expect(next.id).not.toBe(call.id);
  await cloud.data('cancelHelp', { callId: next.id, note: '已经没事了' }, me);
  expect(recipients(await messagesOf(next.id, 'helpCancelled'))).toEqual(GRID_ANSWERERS);
  const trace = await detail(next.id, me);
  expect(trace).toMatchObject({ status: 'cancelled', viewerIs: 'requester' });
  expect(trace.steps.map((step) => [step.type, step.note])).toEqual([
    ['raised', undefined],
    ['cancelled', '已经没事了'],
  ]);
}, 120_000);

it('limits new calls to 3 an hour a person, and then says to dial 110', async () => {
  const me = stranger();
  for (let i = 0; i < 3; i += 1) {
    const call = await raised(me);
    await cloud.data('cancelHelp', { callId: call.id }, me);
  }
  const limited = await raise(me);
  expect(limited).toMatchObject({ ok: false, code: 'RATE.LIMITED' });
  expect(limited.ok ? '' : limited.message).toContain('110');
}, 120_000);

it('refuses a call that can reach nobody: no location and no joined grid', async () => {
  expect(await cloud.call('raiseHelp', { idempotencyKey: draftKey() }, stranger())).toMatchObject({ ok: false, code: 'GRID.NOT_JOINED' });
}, 60_000);
