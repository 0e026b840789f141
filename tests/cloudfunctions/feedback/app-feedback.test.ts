import { DEMO, startFunctionsCloud, type FunctionsCloud } from '../helpers/functions-cloud';

/**
 * 投诉建议 about the app through the real SDK (docs/DESIGN.md, "投诉建议 (feedback about the app)"): anyone writes feedback and gets a
 * number; a retry under the same key is the same feedback; risky text is refused; the rate limit holds; the
 * county centre alone lists it, unanswered first, and answers once, the writer told in 消息 in the same
 * transaction.
 */
type Feedback = { id: string; reference: string; kind: string; text: string; status: string; reply?: string; phone?: string };
type Page = { items: Feedback[]; nextCursor: string | null };
type Scan = { collection: string; index: string | null; rowsRead: number };

let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
}, 180_000);
afterAll(async () => cloud?.stop());

let people = 0;
let keys = 0;
const newcomer = () => `o-fb-${process.pid}-${++people}`;
const key = () => `fb-key-${process.pid}-${++keys}`;
const event = (extra: Record<string, unknown> = {}) => ({
  kind: 'suggestion',
  text: '希望消息能按类型筛选',
  idempotencyKey: key(),
  ...extra,
});
const submit = (openid: string, extra: Record<string, unknown> = {}) =>
  cloud.call<{ feedback: Feedback; replayed: boolean }>('submitAppFeedback', event(extra), openid);
async function written(openid: string, extra: Record<string, unknown> = {}): Promise<Feedback> {
  const answer = await submit(openid, extra);
  if (!answer.ok) throw new Error(`submitAppFeedback: ${answer.code}`);
  return answer.data.feedback;
}
async function allListed(openid: string): Promise<Feedback[]> {
  const items: Feedback[] = [];
  let cursor: string | undefined;
  do {
    const page = await cloud.data<Page>('appFeedbackList', { limit: 50, ...(cursor && { cursor }) }, openid);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

describe('submitAppFeedback', () => {
  it('stores the feedback with a number, and a retry under the same key answers the same one', async () => {
    const openid = newcomer();
    const request = event({ kind: 'complaint', text: '上传照片一直转圈，等了两分钟', phone: '13912345678' });
    const first = await cloud.data<{ feedback: Feedback; replayed: boolean }>('submitAppFeedback', request, openid);
    expect(first.replayed).toBe(false);
    expect(first.feedback).toMatchObject({ kind: 'complaint', status: 'open', phone: '13912345678' });
    expect(first.feedback.reference).toMatch(/^JY\d{8}-[0-9A-F]{6}$/);
    const again = await cloud.data<{ feedback: Feedback; replayed: boolean }>('submitAppFeedback', request, openid);
    expect(again).toEqual({ feedback: first.feedback, replayed: true });
    expect(await cloud.find('appFeedback', { openid })).toHaveLength(1);
    const other = await cloud.call('submitAppFeedback', { ...request, text: '另外一件事情要说' }, openid);
    expect(other).toMatchObject({ ok: false, code: 'FEEDBACK.IDEMPOTENCY_CONFLICT' });
  });

  it('refuses text shorter than 5 characters, and risky text, storing nothing', async () => {
    const openid = newcomer();
    expect(await submit(openid, { text: '不好用' })).toMatchObject({ ok: false, code: 'INPUT.INVALID' });
    expect(await submit(openid, { text: '这里有违禁词测试的内容' })).toMatchObject({ ok: false, code: 'CONTENT.RISKY' });
    expect(await cloud.find('appFeedback', { openid })).toHaveLength(0);
  });

  it('takes 3 an hour from one person, then RATE.LIMITED', async () => {
    const openid = newcomer();
    for (let i = 0; i < 3; i += 1) expect((await submit(openid)).ok).toBe(true);
    const fourth = await submit(openid);
    expect(fourth).toMatchObject({ ok: false, code: 'RATE.LIMITED' });
    expect(await cloud.find('appFeedback', { openid })).toHaveLength(3);
  });

  it('shows the writer their own feedback only, the latest first', async () => {
    const writer = newcomer();
    const older = await written(writer, { text: '第一条：字太小了' });
    const newer = await written(writer, { text: '第二条：希望有语音输入' });
    await written(newcomer(), { text: '别人的一条建议内容' });
    const mine = await cloud.data<Page>('myAppFeedback', {}, writer);
    expect(mine.items.map((item) => item.id)).toEqual([newer.id, older.id]);
  });
});

describe('appFeedbackList and replyAppFeedback', () => {
  it('lists for the county centre alone, unanswered first on desk_list, paged', async () => {
    const answeredOne = await written(newcomer(), { text: '已经回复的那一条' });
    await cloud.data('replyAppFeedback', { feedbackId: answeredOne.id, reply: '谢谢，已处理' }, DEMO.countyCentre);
    const waiting = await written(newcomer(), { text: '还在等回复的一条' });
    for (const openid of [DEMO.communityCentre, DEMO.gridWorker, DEMO.resident]) {
      expect(await cloud.call('appFeedbackList', {}, openid)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
    const stats = cloud.testCloud.cloud.database.stats as { recentScans: Scan[] };
    const before = new Set(stats.recentScans);
    const items = await allListed(DEMO.countyCentre);
    const ids = items.map((item) => item.id);
    expect(ids.indexOf(waiting.id)).toBeLessThan(ids.indexOf(answeredOne.id));
    const firstAnswered = items.findIndex((item) => item.status === 'answered');
    expect(items.slice(firstAnswered).every((item) => item.status === 'answered')).toBe(true);
    const scans = stats.recentScans.filter((scan) => !before.has(scan) && scan.collection === 'appFeedback');
    expect(scans.length).toBeGreaterThan(0);
    expect(scans.every((scan) => /:desk_list$/.test(scan.index ?? ''))).toBe(true);
    const small = await cloud.data<Page>('appFeedbackList', { limit: 1 }, DEMO.countyCentre);
    expect(small.items).toHaveLength(1);
    expect(small.nextCursor).not.toBeNull();
  });

  it('answers once, and tells the writer in 消息 with the number', async () => {
    const writer = newcomer();
    const feedback = await written(writer, { kind: 'usage', text: '消息页面打不开，一直转圈' });
    expect(await cloud.call('replyAppFeedback', { feedbackId: feedback.id, reply: '已修复' }, DEMO.communityCentre)).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    });
    const answer = await cloud.data<{ feedback: Feedback }>(
      'replyAppFeedback',
      { feedbackId: feedback.id, reply: '已修复，请更新后再试' },
      DEMO.countyCentre,
    );
    expect(answer.feedback).toMatchObject({ id: feedback.id, status: 'answered', reply: '已修复，请更新后再试' });
    const again = await cloud.call('replyAppFeedback', { feedbackId: feedback.id, reply: '再说一遍' }, DEMO.countyCentre);
    expect(again).toMatchObject({ ok: false, code: 'FEEDBACK.ALREADY_ANSWERED' });
    const messages = await cloud.data<{ items: Array<{ kind: string; title: string; body: string }> }>('myMessages', {}, writer);
    expect(messages.items).toEqual([
      expect.objectContaining({
        kind: 'appFeedbackReplied',
        title: '您的使用问题有了回复',
        body: `编号 ${feedback.reference}：已修复，请更新后再试`,
      }),
    ]);
    const mine = await cloud.data<Page>('myAppFeedback', {}, writer);
    expect(mine.items[0]).toMatchObject({ status: 'answered', reply: '已修复，请更新后再试' });
    expect(
      await cloud.call('replyAppFeedback', { feedbackId: 'fnotthere000000000000000000', reply: '好的好的' }, DEMO.countyCentre),
    ).toMatchObject({ ok: false, code: 'FEEDBACK.NOT_FOUND' });
  });

  it('of 5 racing answers exactly one lands, with one message', async () => {
    const writer = newcomer();
    const feedback = await written(writer);
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        cloud.call('replyAppFeedback', { feedbackId: feedback.id, reply: `第 ${i + 1} 个回复` }, DEMO.countyCentre),
      ),
    );
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    for (const refused of answers.filter((answer) => !answer.ok))
      expect(['FEEDBACK.ALREADY_ANSWERED', 'FEEDBACK.BUSY']).toContain((refused as { code: string }).code);
    expect(await cloud.find('messages', { recipientOpenid: writer })).toHaveLength(1);
  });
});
