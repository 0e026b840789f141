import { DEMO, draftKey, reportEvent, startFunctionsCloud, type FunctionsCloud } from '../helpers/functions-cloud';

/**
 * clockSweep, the scheduled sweep, run by its timer trigger in the local cloud at a virtual Time: it tells
 * staff of each light change once (已超时 to the case's own staff, 严重超时 to them and the centre above) and
 * delivers the messages a crash left owed. Built functions, the real SDK, the demo county.
 */
let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
}, 180_000);
afterAll(async () => cloud?.stop());

/** Grid 410399001001-03's case owners (网格长 陈志强, 网格员 赵丽 and 孙伟), and its community's centre (魏俊). */
const GRID_OWNERS = ['u-grid-leader-03', 'u-grid-worker-03', 'u-grid-worker-04'];
const COMMUNITY_CENTRE = ['u-centre-06'];
const MINUTE = 60_000;

type Stored = { deadlineAt: number; redAt: number; lightNoticeDueAt?: number; lightNoticed?: { deadlineAt?: number; redAt?: number } };
type Message = { _id: string; kind: string; recipientId: string; title: string; body: string; openReportId: string };
type Swept = { lightNotices: number; messages: number; owedDelivered: number; more: boolean };

async function submitted(): Promise<{ id: string; doc: Stored }> {
  const { report } = await cloud.data<{ report: { id: string } }>('submitReport', reportEvent(), DEMO.resident);
  const reportId = report.id;
  const doc = await cloud.get<Stored>('reports', reportId);
  if (!doc) throw new Error('no report');
  return { id: reportId, doc };
}

/** The timer fires at `at` (epoch ms), as the platform would: the function's envelope. */
async function fireAt(at: number): Promise<Swept> {
  const answer = (await cloud.testCloud.cloud.functions.fireTimer('clockSweep', new Date(at))) as { ok: boolean; data: Swept };
  if (!answer.ok) throw new Error(`clockSweep answered ${JSON.stringify(answer)}`);
  return answer.data;
}

const messagesOf = (reportId: string, kind?: string) => cloud.find<Message>('messages', { reportId, ...(kind && { kind }) });
const recipients = (messages: Message[]) => messages.map((m) => m.recipientId).sort();

it('is declared to run every minute on a timer trigger', () => {
  expect(cloud.testCloud.cloud.functions.timers()).toContainEqual({
    functionName: 'clockSweep',
    name: 'everyMinute',
    config: '0 * * * * * *',
  });
});

it('past a case’s deadline, tells its grid’s 网格员 and 网格长 once that it is 已超时; fired again, nothing more', async () => {
  const { id, doc } = await submitted();
  expect(doc.lightNoticeDueAt).toBe(doc.deadlineAt);
  await fireAt(doc.deadlineAt - MINUTE);
  expect(await messagesOf(id)).toEqual([]);

  await fireAt(doc.deadlineAt + MINUTE);
  const overdue = await messagesOf(id, 'overdue');
  expect(recipients(overdue)).toEqual(GRID_OWNERS);
  expect(overdue[0]).toMatchObject({ title: '案件已超时', openReportId: id });
  expect(overdue[0]?.body).toMatch(/「环境卫生」已超过受理时限（\d{4}年\d\d月\d\d日 \d\d:\d\d到期）/);
  expect(await cloud.get<Stored>('reports', id)).toMatchObject({
    lightNoticed: { deadlineAt: doc.deadlineAt },
    lightNoticeDueAt: doc.redAt,
  });

  await fireAt(doc.deadlineAt + 2 * MINUTE);
  await Promise.all([fireAt(doc.deadlineAt + 3 * MINUTE), fireAt(doc.deadlineAt + 3 * MINUTE)]);
  expect(await messagesOf(id)).toHaveLength(GRID_OWNERS.length);

  // Past red: 严重超时, once, to the grid's owners and to the centre of the community above.
  await fireAt(doc.redAt + MINUTE);
  const red = await messagesOf(id, 'red');
  expect(recipients(red)).toEqual([...GRID_OWNERS, ...COMMUNITY_CENTRE].sort());
  expect(red.find((m) => m.recipientId === 'u-centre-06')?.title).toBe('下级案件严重超时，请督办');
  expect(red.find((m) => m.recipientId === 'u-grid-worker-03')?.title).toBe('案件严重超时');
  await Promise.all([fireAt(doc.redAt + 2 * MINUTE), fireAt(doc.redAt + 2 * MINUTE)]);
  expect(await messagesOf(id)).toHaveLength(GRID_OWNERS.length * 2 + COMMUNITY_CENTRE.length);
  const after = await cloud.get<Stored>('reports', id);
  expect(after?.lightNoticeDueAt).toBeUndefined();
  // The staff read it in their 消息 list.
  const mine = await cloud.data<{ items: { kind: string; reportId: string }[] }>('myMessages', {}, DEMO.communityCentre);
  expect(mine.items).toContainEqual(expect.objectContaining({ kind: 'red', reportId: id }));
}, 120_000);

it('two sweeps racing over a case newly overdue tell each person once', async () => {
  const { id, doc } = await submitted();
  const runs = await Promise.all([fireAt(doc.deadlineAt + MINUTE), fireAt(doc.deadlineAt + MINUTE), fireAt(doc.deadlineAt + MINUTE)]);
  expect(recipients(await messagesOf(id))).toEqual(GRID_OWNERS);
  expect(runs.reduce((sum, run) => sum + run.messages, 0)).toBe(0 + (await messagesOf(id)).length);
}, 120_000);

it('reads only what is due, and the staff, on declared indexes: never a scan', async () => {
  const { id, doc } = await submitted();
  const stats = cloud.testCloud.cloud.database.stats;
  const before = new Set(stats.recentScans);
  await fireAt(doc.deadlineAt + MINUTE);
  const scans = stats.recentScans.filter((scan) => !before.has(scan) && ['reports', 'users'].includes(scan.collection));
  expect(scans.filter((scan) => scan.index === null)).toEqual([]);
  // The one report due is the one report read; the staff come from the grid's entries of grids_roles.
  expect(scans).toContainEqual(expect.objectContaining({ collection: 'reports', index: 'x:reports:light_notice_due', rowsRead: 1 }));
  expect(scans).toContainEqual(expect.objectContaining({ collection: 'users', index: 'x:users:grids_roles' }));
  expect(recipients(await messagesOf(id))).toEqual(GRID_OWNERS);
}, 120_000);

it('a green case goes silent once handled: 受理 moves the notice to the handling deadline, 办结 ends it', async () => {
  const { id, doc } = await submitted();
  await cloud.data('acceptReport', { reportId: id }, DEMO.gridWorker);
  const accepted = await cloud.get<Stored>('reports', id);
  expect(accepted?.deadlineAt).not.toBe(doc.deadlineAt);
  expect(accepted?.lightNoticeDueAt).toBe(accepted?.deadlineAt);
  await cloud.data('assignReport', { reportId: id, to: { kind: 'person', personId: 'u-grid-worker-03' } }, DEMO.gridWorker);
  await cloud.data('startReport', { reportId: id }, DEMO.gridWorker);
  await cloud.data('resolveReport', { reportId: id, note: '已清理', photos: [], uploadKey: draftKey() }, DEMO.gridWorker);
  const resolved = await cloud.get<Stored>('reports', id);
  expect(resolved?.lightNoticeDueAt).toBeUndefined();
  await fireAt((accepted?.redAt ?? 0) + 60 * MINUTE);
  expect((await messagesOf(id)).filter((m) => m.kind === 'overdue' || m.kind === 'red')).toEqual([]);
}, 120_000);

it('delivers a message a crash left owed, without waiting for another change', async () => {
  const { id } = await submitted();
  await cloud.data('acceptReport', { reportId: id }, DEMO.gridWorker);
  const [accepted] = await messagesOf(id, 'accepted');
  expect(accepted).toBeDefined();
  // As if the function had died after saving 受理 and before writing the message: the mark stays, no message.
  const acceptedAt = Date.now();
  await cloud
    .db()
    .collection('messages')
    .doc(accepted?._id ?? '')
    .remove();
  await cloud
    .db()
    .collection('reports')
    .doc(id)
    .update({ data: { notifyFrom: 1, notifyDueAt: acceptedAt } });
  const swept = await fireAt(acceptedAt + 2 * MINUTE);
  expect(swept.owedDelivered).toBeGreaterThanOrEqual(1);
  expect((await messagesOf(id, 'accepted')).map((m) => m._id)).toEqual([accepted?._id]);
  expect(await cloud.get('reports', id)).not.toHaveProperty('notifyFrom');
}, 120_000);

it('refuses every call that has a caller: a client never runs the sweep', async () => {
  const timer = { Type: 'timer', TriggerName: 'everyMinute', Time: '2030-01-01T00:00:00Z' };
  for (const openid of [DEMO.resident, DEMO.countyCentre, 'o-stranger-clock']) {
    const answer = await cloud.call('clockSweep', timer, openid);
    expect(answer).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  }
});
