import { request } from 'node:http';
import { DEMO, startFunctionsCloud, type FunctionsCloud } from '../helpers/functions-cloud';
import { watchWrites, type WriteWatch } from './write-watch';

/**
 * The browser route `POST /functions/<name>`, fed what no client sends: events nested past any parser's
 * comfort and bodies past the platform's payload limit. Each must get a clear 4xx error naming why —
 * never a 500, never a hung or poisoned instance — and afterwards the function answers as usual.
 */
let cloud: FunctionsCloud;
let watch: WriteWatch;
let token: string;
let otherToken: string;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
  watch = watchWrites(cloud.testCloud.dataDir);
  token = await signIn(DEMO.resident);
  otherToken = await signIn(DEMO.otherResident);
}, 120_000);
afterAll(async () => {
  watch?.close();
  await cloud?.stop();
});

type Reply = { status: number; body: string };

/** One raw request; a connection the server drops without an answer rejects (and fails the test). */
function post(path: string, body: string | Buffer, bearer?: string): Promise<Reply> {
  const url = new URL(path, cloud.testCloud.cloud.url);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', ...(bearer && { authorization: `Bearer ${bearer}` }) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    // A server that answers before reading the whole body may close while we still write: the answer counts.
    req.on('error', reject);
    req.end(body);
  });
}

async function signIn(openid: string): Promise<string> {
  const reply = await post('/auth/signin', JSON.stringify({ openid }));
  return (JSON.parse(reply.body) as { token: string }).token;
}

const nested = (open: string, inner: string, close: string, depth: number) => open.repeat(depth) + inner + close.repeat(depth);

const HOSTILE_BODIES: Array<[string, () => string]> = [
  ['arrays nested 5,000 deep in a field', () => `{"reportId":${nested('[', '0', ']', 5_000)}}`],
  ['objects nested 100,000 deep', () => nested('{"a":', '0', '}', 100_000)],
  ['__proto__ keys nested 5,000 deep', () => nested('{"__proto__":', '{}', '}', 5_000)],
  ['operators nested 4,200 deep', () => `{"reportId":${nested('{"$or":[', '{"$ne":null}', ']}', 4_200)}}`],
  ['a 7 MB string field (over the 6 MB payload limit)', () => JSON.stringify({ reportId: 'a'.repeat(7 * 1024 * 1024) })],
  ['a 7 MB array', () => `{"reportId":[${'0,'.repeat(3.5 * 1024 * 1024)}0]}`],
];

function expectClearRefusal(reply: Reply): void {
  expect(reply.status).toBeGreaterThanOrEqual(400);
  expect(reply.status).toBeLessThan(500);
  expect(JSON.parse(reply.body)).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
}

async function expectAnswersAsUsual(): Promise<void> {
  const reply = await post('/functions/me', '{}', otherToken);
  expect(reply.status).toBe(200);
  expect(JSON.parse(reply.body)).toMatchObject({ result: { ok: true, data: { id: 'u-resident-02' } } });
}

describe('POST /functions/<name> with hostile bodies', () => {
  it.each(HOSTILE_BODIES)(
    'refuses %s with a clear 4xx error, writes nothing, and the function answers as usual after',
    async (_what, body) => {
      const before = watch.snapshot();
      expectClearRefusal(await post('/functions/reportDetail', body(), token));
      expect(watch.changes(before, watch.snapshot())).toEqual([]);
      await expectAnswersAsUsual();
    },
  );

  it('answers a normal call from another user as usual after a few hundred malformed requests', async () => {
    const bodies = [
      nested('[', '0', ']', 5_000),
      `{"reportId":${nested('{"a":', '0', '}', 4_300)}}`,
      nested('{"__proto__":', '{}', '}', 4_500),
      '{"reportId": "r1"',
      '[]',
      'null',
    ];
    for (let batch = 0; batch < 30; batch += 1) {
      const replies = await Promise.all(
        bodies.flatMap((body) => [post('/functions/reportDetail', body, token), post('/functions/submitReport', body, token)]),
      );
      for (const reply of replies) expectClearRefusal(reply);
    }
    await expectAnswersAsUsual();
    for (const name of ['reportDetail', 'submitReport']) {
      const reply = await post(`/functions/${name}`, '{}', otherToken);
      expect(JSON.parse(reply.body)).toMatchObject({ result: { ok: false, code: 'INPUT.INVALID' } });
    }
  });
});
