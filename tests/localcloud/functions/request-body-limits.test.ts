import { join } from 'node:path';
import { DEFAULT_MAX_BODY_BYTES, startHttpServer, type RunningServer } from '../../../localcloud/src/server/http-server';
import { sendJson } from '../../../localcloud/src/server/http-util';
import type { CloudModule } from '../../../localcloud/src/server/module';
import { startTestCloud, type TestCloud } from '../../helpers/local-cloud';
import { callFromBrowser, post, signIn } from './http-calls';

const functionsDir = join(__dirname, '../../fixtures/functions');
const KB = 1024;
const MB = 1024 * KB;

/** A body of `total` bytes sent in 64 KB chunks with no content-length, made as it is sent. */
function streamedBody(total: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      const size = Math.min(64 * KB, total - sent);
      if (size <= 0) return controller.close();
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
}

async function postStream(url: string, total: number): Promise<{ status: number; body: Record<string, unknown> }> {
  const init = { method: 'POST', body: streamedBody(total), duplex: 'half' } as RequestInit;
  const res = await fetch(url, init);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('request bodies the HTTP server reads', () => {
  let server: RunningServer;
  const handled: number[] = [];

  beforeAll(async () => {
    const echo: CloudModule = {
      name: 'echo',
      routes: [
        {
          method: 'POST',
          path: /^\/echo$/,
          handle: (_req, res, _m, body) => (handled.push(body.length), sendJson(res, 200, { bytes: body.length })),
        },
        {
          method: 'POST',
          path: /^\/small$/,
          maxBodyBytes: 10,
          handle: (_req, res, _m, body) => sendJson(res, 200, { bytes: body.length }),
        },
      ],
    };
    server = await startHttpServer({ host: '127.0.0.1', port: 0, envId: 'test-env', modules: [echo] });
  });
  afterAll(() => server.close());

  it('refuses a streamed body past the 50 MB default with 413 EXCEED_MAX_PAYLOAD_SIZE, never handing it to the route', async () => {
    const reply = await postStream(`${server.url}/echo`, DEFAULT_MAX_BODY_BYTES + MB);
    expect(reply).toMatchObject({
      status: 413,
      body: { code: 'EXCEED_MAX_PAYLOAD_SIZE', message: `request body over ${DEFAULT_MAX_BODY_BYTES} bytes` },
    });
    expect(handled).toEqual([]);
  });

  it('takes a body up to the limit a route sets, and refuses one byte more whether declared or streamed', async () => {
    expect(await post(`${server.url}/small`, 'x'.repeat(10))).toEqual({ status: 200, body: { bytes: 10 } });
    expect((await post(`${server.url}/small`, 'x'.repeat(11))).status).toBe(413);
    expect((await postStream(`${server.url}/small`, 11)).status).toBe(413);
    expect(await post(`${server.url}/echo`, 'x'.repeat(11))).toEqual({ status: 200, body: { bytes: 11 } });
  });
});

describe('request bodies of the local cloud', () => {
  let t: TestCloud;

  beforeAll(async () => {
    t = await startTestCloud({ functionsDir, maxBodyBytes: 64 * KB });
  });
  afterAll(() => t.stop());

  it('answers an /admin body over LOCALCLOUD_MAX_BODY_BYTES with a code the SDK rejects with, then serves the next call', async () => {
    const callFunction = (data: Record<string, unknown>) => t.sdk().callFunction({ name: 'misbehave', data });
    await expect(callFunction({ text: 'x'.repeat(100 * KB) })).rejects.toMatchObject({
      code: 'EXCEED_MAX_PAYLOAD_SIZE',
      errMsg: expect.stringMatching(/request body over 65536 bytes/),
    });
    await expect(callFunction({ text: 'x' })).resolves.toMatchObject({ result: { eventBytes: 12 } });
  });

  it('holds a function call to the 6 MB event limit, not the server-wide one, even when streamed', async () => {
    const token = await signIn(t.cloud.url, 'o-body');
    expect((await callFromBrowser(t.cloud.url, token, 'misbehave', JSON.stringify({ text: 'x'.repeat(100 * KB) }))).status).toBe(200);
    const reply = await postStream(`${t.cloud.url}/functions/misbehave`, 6 * MB + 1);
    expect(reply).toMatchObject({ status: 413, body: { code: 'EXCEED_MAX_PAYLOAD_SIZE', errCode: -501007 } });
  });

  it('refuses a sign-in body over 16 KB', async () => {
    const reply = await post(`${t.cloud.url}/auth/signin`, JSON.stringify({ openid: 'o'.repeat(16 * KB) }));
    expect(reply).toMatchObject({ status: 413, body: { code: 'EXCEED_MAX_PAYLOAD_SIZE' } });
  });
});
