import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { createOpenApiModule } from '../../localcloud/src/openapi';
import { judgeText, loadSecCheckRules } from '../../localcloud/src/openapi/sec-check-rules';
import { createJsonlLog } from '../../localcloud/src/openapi/jsonl-log';
import { createSubscribeConsents, sendSubscribeMessage, type SentSubscribeMessage } from '../../localcloud/src/openapi/subscribe-message';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const OPENID = 'o-resident-1';

let testCloud: TestCloud;
beforeAll(async () => {
  testCloud = await startTestCloud();
});
afterAll(async () => {
  await testCloud.stop();
});

/** The SDK's openapi namespace is a Proxy typed loosely; this names the calls the tests make. */
type OpenApiCall = (params: Record<string, unknown>) => Promise<Record<string, unknown>>;
function openapi(api: string): OpenApiCall {
  const [group, name] = api.split('.') as [string, string];
  const namespace = testCloud.sdk().openapi as unknown as Record<string, Record<string, OpenApiCall>>;
  return (params) => namespace[group]![name]!(params);
}

const secCheck = (content: string, extra: Record<string, unknown> = {}) =>
  openapi('security.msgSecCheck')({ content, version: 2, scene: 2, openid: OPENID, ...extra });

describe('security.msgSecCheck (v2)', () => {
  it('passes clean text, in the shape WeChat documents (camel-cased by the SDK)', async () => {
    const reply = await secCheck('楼道灯坏了，请物业修一下');
    expect(reply).toMatchObject({ errCode: 0, errMsg: 'openapi.security.msgSecCheck:ok', result: { suggest: 'pass', label: 100 } });
    expect(reply.traceId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
    expect(reply.detail).toEqual([
      { strategy: 'content_model', errcode: 0, suggest: 'pass', label: 100, prob: 90 },
      { strategy: 'keyword', errcode: 0 },
    ]);
  });

  it('answers risky for a risky word, naming the word in the keyword detail', async () => {
    const reply = await secCheck('这里有违禁词测试的内容');
    expect(reply.result).toEqual({ suggest: 'risky', label: 21000 });
    expect(reply.detail).toContainEqual(expect.objectContaining({ strategy: 'keyword', suggest: 'risky', keyword: '违禁词测试' }));
  });

  it('answers review for a review word', async () => {
    expect((await secCheck('一段待审词测试文字')).result).toEqual({ suggest: 'review', label: 21000 });
  });

  it('checks the title and nickname too', async () => {
    expect((await secCheck('正文', { nickname: '违禁词测试' })).result).toMatchObject({ suggest: 'risky' });
  });

  it('fails with 40003 without an openid', async () => {
    await expect(openapi('security.msgSecCheck')({ content: 'x', version: 2, scene: 2 })).rejects.toMatchObject({ errCode: 40003 });
  });

  it('fails with 40129 for a scene outside 1–4', async () => {
    await expect(secCheck('x', { scene: 9 })).rejects.toMatchObject({ errCode: 40129 });
  });

  it('accepts 2,500 characters and refuses 2,501', async () => {
    await expect(secCheck('字'.repeat(2500))).resolves.toMatchObject({ errCode: 0 });
    await expect(secCheck('字'.repeat(2501))).rejects.toMatchObject({ errCode: 47001 });
  });

  it('keeps version 1 behaviour: errcode 87014 for risky text', async () => {
    await expect(openapi('security.msgSecCheck')({ content: '违禁词测试' })).rejects.toMatchObject({ errCode: 87014 });
  });
});

describe('security.mediaCheckAsync', () => {
  it('answers a trace id and records the request with the verdict WeChat would push later', async () => {
    const reply = await openapi('security.mediaCheckAsync')({
      mediaUrl: 'https://x/违禁词测试.png',
      mediaType: 2,
      version: 2,
      scene: 3,
      openid: OPENID,
    });
    expect(reply).toMatchObject({ errCode: 0, traceId: expect.stringMatching(/^[0-9a-f-]{26}$/) });
    const record = testCloud.cloud.openApi.mediaChecks().find((c) => c.traceId === reply.traceId);
    expect(record).toMatchObject({ mediaUrl: 'https://x/违禁词测试.png', mediaType: 2, openid: OPENID, result: { suggest: 'risky' } });
  });
});

describe('wxacode.getUnlimited', () => {
  it('answers a PNG of the requested width encoding the scene and page', async () => {
    const reply = await openapi('wxacode.getUnlimited')({ scene: 'r=abc123', page: 'pages/report/detail', width: 300 });
    expect(reply.contentType).toBe('image/png');
    const png = reply.buffer as Buffer;
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([300, 300]); // IHDR width, height
    const expected = await QRCode.toBuffer('https://localhost/?scene=r%3Dabc123&page=pages%2Freport%2Fdetail', {
      type: 'png',
      width: 300,
      margin: 2,
      color: { dark: '#000000ff', light: '#ffffffff' },
    });
    expect(png.equals(expected)).toBe(true);
  });

  it('fails with 40169 for a scene over 32 characters', async () => {
    await expect(openapi('wxacode.getUnlimited')({ scene: 'x'.repeat(33) })).rejects.toMatchObject({ errCode: 40169 });
  });

  it('fails with 41030 for a page with a leading slash', async () => {
    await expect(openapi('wxacode.getUnlimited')({ scene: 'a', page: '/pages/index/index' })).rejects.toMatchObject({ errCode: 41030 });
  });
});

describe('subscribeMessage.send', () => {
  const message = {
    touser: OPENID,
    templateId: 'tmpl-status-changed',
    page: 'pages/report/detail?id=r1',
    data: { thing1: { value: '楼道灯已修复' }, phrase2: { value: '已办结' } },
  };

  it('records the message, listed by the module and at /__local/subscribe-messages', async () => {
    await expect(openapi('subscribeMessage.send')(message)).resolves.toMatchObject({ errCode: 0 });
    const expected = { touser: OPENID, templateId: 'tmpl-status-changed', page: message.page, data: message.data };
    expect(testCloud.cloud.openApi.sentMessages()).toContainEqual(expect.objectContaining(expected));
    const listed = (await (await fetch(`${testCloud.cloud.url}/__local/subscribe-messages`)).json()) as unknown[];
    expect(listed).toContainEqual(expect.objectContaining(expected));
  });

  it('fails with 47003 and records nothing when a thing value is over 20 characters', async () => {
    const before = testCloud.cloud.openApi.sentMessages().length;
    const tooLong = { ...message, data: { thing1: { value: '一'.repeat(21) } } };
    await expect(openapi('subscribeMessage.send')(tooLong)).rejects.toMatchObject({ errCode: 47003 });
    expect(testCloud.cloud.openApi.sentMessages()).toHaveLength(before);
  });

  it('fails with 40037 without a template id', async () => {
    await expect(openapi('subscribeMessage.send')({ ...message, templateId: '' })).rejects.toMatchObject({ errCode: 40037 });
  });
});

describe('subscribe consent, when required (LOCALCLOUD_SUBSCRIBE_CONSENT=required)', () => {
  const params = { touser: OPENID, template_id: 'tmpl-a', data: { thing1: { value: '已受理' } } };
  const errcodeOf = (reply: unknown) => (reply as { body: { errcode: number } }).body.errcode;

  it('refuses a send without a consent with 43101, and uses one consent per send', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'consent-'));
    try {
      const log = createJsonlLog<SentSubscribeMessage>(join(dir, 'sent.jsonl'));
      const consents = createSubscribeConsents('required');
      const send = sendSubscribeMessage(log, consents);
      expect(errcodeOf(await send(params))).toBe(43101);
      consents.grant(OPENID, ['tmpl-a', 'tmpl-b']);
      expect(errcodeOf(await send({ ...params, touser: 'o-someone-else' }))).toBe(43101); // consent is the person's own
      expect(errcodeOf(await send(params))).toBe(0);
      expect(errcodeOf(await send(params))).toBe(43101); // one-time: used up
      expect(errcodeOf(await send({ ...params, template_id: 'tmpl-b' }))).toBe(0);
      expect(log.readAll().map((m) => m.templateId)).toEqual(['tmpl-a', 'tmpl-b']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the consent of a send refused for its content', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'consent-'));
    try {
      const consents = createSubscribeConsents('required');
      const send = sendSubscribeMessage(createJsonlLog<SentSubscribeMessage>(join(dir, 'sent.jsonl')), consents);
      consents.grant(OPENID, ['tmpl-a']);
      expect(errcodeOf(await send({ ...params, data: { thing1: { value: '一'.repeat(21) } } }))).toBe(47003);
      expect(errcodeOf(await send(params))).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is assumed by default: the shared cloud above sends without any', () => {
    expect(createSubscribeConsents('assumed').take(OPENID, 'anything')).toBe(true);
  });
});

describe('an open API without a stand-in', () => {
  it('fails with CloudBase\'s "API not found" code and names the API', async () => {
    const call = openapi('customerServiceMessage.send')({ touser: OPENID, msgtype: 'text' });
    await expect(call).rejects.toMatchObject({ errCode: -604100 });
    await expect(call).rejects.toThrow(/openapi\.customerServiceMessage\.send/);
  });
});

describe('configuration and persistence', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'openapi-unit-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads word lists from a file, with optional labels', () => {
    const file = join(dir, 'seccheck.json');
    writeFileSync(file, JSON.stringify({ risky: [{ word: 'Scam', label: 20008 }], review: ['maybe'] }));
    const rules = loadSecCheckRules(file);
    expect(judgeText(rules, 'a SCAM here')).toEqual({ suggest: 'risky', label: 20008, keyword: 'Scam' });
    expect(judgeText(rules, 'maybe so')).toMatchObject({ suggest: 'review' });
    expect(judgeText(rules, '违禁词测试')).toMatchObject({ suggest: 'pass' }); // the file replaces the defaults
  });

  it('refuses to start with a malformed word-list file rather than pass everything', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ risky: 'not a list' }));
    expect(() => createOpenApiModule({ dir, secCheckFile: file })).toThrow();
  });

  it('lists messages an earlier start recorded on disk, skipping a line a crash cut short', () => {
    const dataDir = join(dir, 'openapi');
    const log = join(dataDir, 'subscribe-messages.jsonl');
    const first = createOpenApiModule({ dir: dataDir });
    expect(first.sentMessages()).toEqual([]);
    writeFileSync(log, `${JSON.stringify({ touser: 'o', templateId: 't', data: {}, sentAt: 'x' })}\n{"torn`, { flag: 'a' });
    expect(createOpenApiModule({ dir: dataDir }).sentMessages()).toEqual([{ touser: 'o', templateId: 't', data: {}, sentAt: 'x' }]);
  });
});
