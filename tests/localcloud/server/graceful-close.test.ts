import { request } from 'node:http';
import { join } from 'node:path';
import { startHttpServer, type RunningServer } from '../../../localcloud/src/server/http-server';
import { sendJson } from '../../../localcloud/src/server/http-util';
import { startTestCloud, type TestCloud } from '../../helpers/local-cloud';

const functionsDir = join(__dirname, '../../fixtures/functions');

/** A GET through Node's global agent: the status and connection header, or the error's code. */
function get(url: string): Promise<{ status?: number; connection?: string; error?: string }> {
  return new Promise((resolve) => {
    const req = request(url, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, connection: res.headers.connection }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code }));
    req.end();
  });
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('closing the HTTP server', () => {
  let server: RunningServer;
  let arrived = false;
  let answer: () => void = () => undefined;
  beforeEach(async () => {
    arrived = false;
    server = await startHttpServer({
      host: '127.0.0.1',
      port: 0,
      envId: 'test-env',
      modules: [
        {
          name: 'gate',
          routes: [
            { method: 'GET', path: /^\/ping$/, handle: (_req, res) => sendJson(res, 200, { pong: true }) },
            {
              method: 'GET',
              path: /^\/held$/,
              handle: async (_req, res) => {
                arrived = true;
                await new Promise<void>((resolve) => (answer = resolve));
                sendJson(res, 200, { answered: true });
              },
            },
          ],
        },
      ],
    });
  });
  afterEach(() => server.close());

  it('answers the request it is working on (with connection: close), then refuses new ones instead of resetting them', async () => {
    const held = get(`${server.url}/held`);
    await until(() => arrived);
    const closed = server.close();
    answer();
    expect(await held).toEqual({ status: 200, connection: 'close' });
    await closed;
    expect(await get(`${server.url}/ping`)).toEqual({ error: 'ECONNREFUSED' });
  });

  it('answers a request sent on an idle keep-alive connection as the close begins', async () => {
    expect(await get(`${server.url}/ping`)).toEqual({ status: 200, connection: 'keep-alive' });
    const sent = get(`${server.url}/ping`); // written now on the idle connection, read by the server later
    const closed = server.close();
    expect(await sent).toEqual({ status: 200, connection: 'close' });
    await closed;
  });
});

describe('closing the local cloud while the real SDK waits for a function', () => {
  let testCloud: TestCloud;
  let stopped = false;
  beforeAll(async () => {
    testCloud = await startTestCloud({ functionsDir, poolSize: 1 });
    await testCloud.sdk().callFunction({ name: 'slow', data: { ms: 0 } }); // warm: the call below needs no cold start
  });
  afterAll(async () => {
    if (!stopped) await testCloud?.stop();
  });

  it('hands the SDK the function’s result rather than a reset connection', async () => {
    const call = testCloud.sdk().callFunction({ name: 'slow', data: { ms: 200 } }) as Promise<{ result: unknown }>;
    await until(() => (testCloud.cloud.functions.stats().slow?.busy ?? 0) > 0);
    stopped = true;
    await testCloud.stop();
    expect((await call).result).toMatchObject({ sleptMs: 200 });
  });
});
