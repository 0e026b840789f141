import { DEMO_SUBSCRIBE_TEMPLATES } from '../../tools/seed/demo-documents';
import { DEMO, draftKey, reportEvent, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';

/**
 * Telling people (docs/DESIGN.md, "Telling people"): each change that matters leaves an in-app message
 * for the reporter and every follower, and goes out as a WeChat subscribe message where the person
 * consented. The local cloud here requires consent, as WeChat does (43101 without one).
 */
type Message = {
  id: string;
  kind: string;
  title: string;
  body: string;
  reportId: string;
  at: number;
  read: boolean;
  rateRequested: boolean;
};
type Messages = { items: Message[]; nextCursor: string | null; unread: number };
type Stored = { _id: string; notifyFrom?: number; notifyDueAt?: number; status: string; events: unknown[] };

const FOLLOWER = 'o-demo-resident-03';
const FOLLOWER_ID = 'u-resident-03';
const TEMPLATES = DEMO_SUBSCRIBE_TEMPLATES.templates;

let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud({ subscribeConsent: 'required' });
}, 120_000);
afterAll(async () => cloud?.stop());

const messagesOf = (openid: string) => cloud.data<Messages>('myMessages', { limit: 50 }, openid);
const aboutReport = async (openid: string, reportId: string) =>
  (await messagesOf(openid)).items.filter((m) => m.id.startsWith(`${reportId}:`));
const sentTo = (touser: string) => cloud.testCloud.cloud.openApi.sentMessages().filter((m) => m.touser === touser);
const submit = async (openid: string = DEMO.resident) =>
  (await cloud.data<{ report: { id: string } }>('submitReport', reportEvent(), openid)).report.id;

/** A case of DEMO.resident's moved to 办结 through the real functions by the grid's 网格员. */
async function resolvedCase(): Promise<string> {
  const id = await submit();
  await cloud.data('acceptReport', { reportId: id }, DEMO.gridWorker);
  await cloud.data('assignReport', { reportId: id, to: { kind: 'person', personId: 'u-grid-worker-03' } }, DEMO.gridWorker);
  await cloud.data('startReport', { reportId: id }, DEMO.gridWorker);
  await cloud.data('resolveReport', { reportId: id, note: '杂物已清理', photos: [], uploadKey: draftKey() }, DEMO.gridWorker);
  return id;
}

/** A follow as H1's reportFollows holds it (report-follows.repository.ts), written as a fixture. */
async function follow(reportId: string, personId = FOLLOWER_ID, openid = FOLLOWER): Promise<void> {
  await cloud
    .db()
    .collection('reportFollows')
    .add({ data: { _id: `${reportId}:${personId}`, reportId, personId, openid, at: Date.now(), via: 'follow' } });
}

describe('a change that matters reaches the reporter and every follower', () => {
  it('accepting a report leaves a message for the reporter and the follower, and sends where consent was given', async () => {
    const id = await submit();
    await follow(id);
    cloud.testCloud.cloud.openApi.grantSubscribeConsent(DEMO.resident, [TEMPLATES.accepted!.templateId]);
    const sentBefore = sentTo(DEMO.resident).length;

    expect(await cloud.data('acceptReport', { reportId: id }, DEMO.gridWorker)).toMatchObject({ report: { status: 'accepted' } });

    const [own] = await aboutReport(DEMO.resident, id);
    expect(own).toMatchObject({ kind: 'accepted', title: '您的上报已受理', reportId: id, read: false, rateRequested: false });
    expect(own?.body).toContain('「环境卫生」已受理');
    const [followed] = await aboutReport(FOLLOWER, id);
    expect(followed).toMatchObject({ kind: 'accepted', title: '您关注的上报已受理', reportId: id });
    const sent = sentTo(DEMO.resident).slice(sentBefore);
    expect(sent).toEqual([
      expect.objectContaining({
        templateId: TEMPLATES.accepted!.templateId,
        page: `pages/report/index?id=${id}`,
        data: expect.objectContaining({ thing1: { value: '环境卫生' }, phrase2: { value: '已受理' } }),
      }),
    ]);
    // The follower gave no consent: WeChat refused (43101), and the message is there all the same.
    expect(sentTo(FOLLOWER).filter((m) => m.page?.endsWith(id))).toEqual([]);
    // Delivered: the report's mark is cleared.
    const stored = (await cloud.get<Stored>('reports', id))!;
    expect(stored.notifyFrom).toBeUndefined();
    expect(stored.notifyDueAt).toBeUndefined();
  });

  it('a refused send fails neither the transition nor the in-app message', async () => {
    const id = await submit();
    // No consent at all: every send is refused with 43101.
    const answer = await cloud.call('rejectReport', { reportId: id, reason: 'out_of_scope', note: '请拨打12345' }, DEMO.gridWorker);
    expect(answer).toMatchObject({ ok: true, data: { report: { status: 'rejected' } } });
    expect((await cloud.get<Stored>('reports', id))?.status).toBe('rejected');
    const [message] = await aboutReport(DEMO.resident, id);
    expect(message).toMatchObject({ kind: 'rejected', title: '您的上报未予受理' });
    expect(message?.body).toContain('12345');
    expect(message?.body).toContain('说明：请拨打12345');
    expect(sentTo(DEMO.resident).filter((m) => m.page?.endsWith(id))).toEqual([]);
  });

  it('不予受理 as a duplicate names the original, and a tap opens it', async () => {
    const original = await submit(DEMO.otherResident);
    const id = await submit();
    await cloud.data('rejectReport', { reportId: id, reason: 'duplicate', duplicateOf: original }, DEMO.gridWorker);
    const [message] = await aboutReport(DEMO.resident, id);
    expect(message).toMatchObject({ kind: 'rejected', reportId: original });
    expect(message?.body).toContain('已并入原上报');
  });

  it('办结 and 结案 reach the reporter; 结案 asks the reporter, and only the reporter, to rate', async () => {
    const id = await resolvedCase();
    await follow(id);
    await cloud.data('verifyReport', { reportId: id, decision: 'close' }, DEMO.gridLeader);
    const own = await aboutReport(DEMO.resident, id);
    expect(own.map((m) => [m.kind, m.rateRequested])).toEqual([
      ['closed', true],
      ['resolved', false],
      ['accepted', false],
    ]);
    expect(own[0]?.title).toBe('您的上报已结案，请评价');
    const followed = await aboutReport(FOLLOWER, id);
    expect(followed.map((m) => [m.kind, m.rateRequested])).toEqual([['closed', false]]);
  });

  it('tells nobody of the steps inside the case (派单, 开始, 返工)', async () => {
    const id = await resolvedCase();
    await cloud.data('verifyReport', { reportId: id, decision: 'rework', note: '还没清理干净' }, DEMO.gridLeader);
    expect((await aboutReport(DEMO.resident, id)).map((m) => m.kind)).toEqual(['resolved', 'accepted']);
  });
});

describe('a crash between the change and its messages loses nothing', () => {
  it('delivers what a transition owed but never delivered at a later transition’s sweep', async () => {
    const id = await submit();
    await cloud.data('acceptReport', { reportId: id }, DEMO.gridWorker);
    // As if the function died after saving: the message gone, the mark (set by the save) still there, and old.
    const [message] = await aboutReport(DEMO.resident, id);
    await cloud.db().collection('messages').doc(message!.id).remove();
    await cloud
      .db()
      .collection('reports')
      .doc(id)
      .update({ data: { notifyFrom: 1, notifyDueAt: Date.now() - 120_000 } });
    expect(await aboutReport(DEMO.resident, id)).toEqual([]);

    await cloud.data('acceptReport', { reportId: await submit(DEMO.otherResident) }, DEMO.gridWorker);

    expect(await aboutReport(DEMO.resident, id)).toEqual([expect.objectContaining({ id: message!.id, kind: 'accepted' })]);
    expect((await cloud.get<Stored>('reports', id))?.notifyFrom).toBeUndefined();
  });

  it('writes each message once, read or not, however often its delivery runs', async () => {
    const id = await submit();
    await cloud.data('acceptReport', { reportId: id }, DEMO.gridWorker);
    const [message] = await aboutReport(DEMO.resident, id);
    await cloud.data('markMessagesRead', { ids: [message!.id] }, DEMO.resident);
    await cloud
      .db()
      .collection('reports')
      .doc(id)
      .update({ data: { notifyFrom: 1, notifyDueAt: Date.now() - 120_000 } });
    await cloud.data('acceptReport', { reportId: await submit(DEMO.otherResident) }, DEMO.gridWorker);
    expect(await aboutReport(DEMO.resident, id)).toEqual([expect.objectContaining({ id: message!.id, read: true })]);
    expect((await cloud.get<Stored>('reports', id))?.notifyFrom).toBeUndefined();
  });
});

describe('messages are the caller’s only', () => {
  it('lists the caller’s messages newest first, with an unread count, and never another’s', async () => {
    const mine = await submit();
    await cloud.data('acceptReport', { reportId: mine }, DEMO.gridWorker);
    const theirs = await submit(DEMO.otherResident);
    await cloud.data('acceptReport', { reportId: theirs }, DEMO.gridWorker);

    const listed = await messagesOf(DEMO.resident);
    expect(listed.items.some((m) => m.id.startsWith(`${mine}:`))).toBe(true);
    expect(listed.items.some((m) => m.id.startsWith(`${theirs}:`))).toBe(false);
    expect(listed.items.map((m) => m.at)).toEqual([...listed.items.map((m) => m.at)].sort((a, b) => b - a));
    expect(listed.unread).toBe(listed.items.filter((m) => !m.read).length);
    expect(JSON.stringify(listed)).not.toContain('o-demo-');
  });

  it('marks read only the caller’s own: another’s ids change nothing', async () => {
    const theirs = await submit(DEMO.otherResident);
    await cloud.data('acceptReport', { reportId: theirs }, DEMO.gridWorker);
    const [their] = await aboutReport(DEMO.otherResident, theirs);
    const unreadBefore = (await messagesOf(DEMO.otherResident)).unread;

    await cloud.data('markMessagesRead', { ids: [their!.id] }, DEMO.resident);
    await cloud.data('markMessagesRead', { all: true }, DEMO.resident);

    expect((await aboutReport(DEMO.otherResident, theirs))[0]).toMatchObject({ read: false });
    expect((await messagesOf(DEMO.otherResident)).unread).toBe(unreadBefore);
    expect((await messagesOf(DEMO.resident)).unread).toBe(0);
  });

  it('pages by a cursor, each message once', async () => {
    const all = await messagesOf(DEMO.resident);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page: Messages = await cloud.data<Messages>('myMessages', { limit: 2, ...(cursor && { cursor }) }, DEMO.resident);
      seen.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.items.map((m) => m.id));
    expect(seen.length).toBeGreaterThan(2);
  });

  it('gives the client the template of each kind set up to ask consent for, a report’s and a service order’s among them', async () => {
    const catalog = await cloud.data<{ subscribeTemplates: Record<string, string> }>('catalog', {}, DEMO.resident);
    expect(catalog.subscribeTemplates).toEqual(
      Object.fromEntries(Object.entries(TEMPLATES).map(([kind, template]) => [kind, template!.templateId])),
    );
    expect(catalog.subscribeTemplates).toMatchObject({
      accepted: TEMPLATES.accepted!.templateId,
      closed: TEMPLATES.closed!.templateId,
      orderClaimed: TEMPLATES.orderClaimed!.templateId,
      orderSettled: TEMPLATES.orderSettled!.templateId,
    });
  });
});
