import { request } from 'node:http';
import { startHttpServer, type RunningServer } from '../../../localcloud/src/server/http-server';
import { sendJson } from '../../../localcloud/src/server/http-util';
import { startTestCloud, type TestCloud } from '../../helpers/local-cloud';
import { databaseOf } from '../db/sdk-database';

/**
 * A client keeps an idle keep-alive connection a few seconds (Node's agent 5 s, or 1 s under the server's
 * Keep-Alive hint; the SDK's own agent 4.8 s) and closes it on a timer. When its event loop stalls — a busy
 * machine, a long synchronous step — that timer has not run yet when the next request picks the socket, and
 * a server that closed the connection meanwhile answers the request with a reset. Node's default server
 * closes idle connections at 6 s (5 s announced, plus 1 s), so a stall longer than that is met with
 * ECONNRESET, deterministically: once the loop runs again, the server's overdue timer closes the socket
 * before the request on it is read. The local cloud keeps idle connections far longer than its clients do.
 */
const STALL_MS = 7_000;

/** Blocks this thread (the client's event loop, and the in-process server's) without spending CPU. */
function stallEventLoop(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

describe('an idle keep-alive connection the client reuses after its event loop stalled', () => {
  let testCloud: TestCloud;
  beforeAll(async () => {
    testCloud = await startTestCloud();
    await databaseOf(testCloud).createCollection('things');
  });
  afterAll(async () => testCloud?.stop());

  it(`is still open after ${STALL_MS / 1000} s: the real SDK's next call is answered, not reset`, async () => {
    const things = databaseOf(testCloud).collection('things');
    await things.add({ data: { n: 1 } });
    stallEventLoop(STALL_MS);
    const { data } = (await things.where({ n: 1 }).get()) as { data: unknown[] };
    expect(data).toHaveLength(1);
  }, 30_000);
});

describe('the HTTP server keeps idle keep-alive connections', () => {
  let server: RunningServer;
  let connections = 0;
  beforeAll(async () => {
    server = await startHttpServer({
      host: '127.0.0.1',
      port: 0,
      envId: 'test-env',
      modules: [{ name: 'pong', routes: [{ method: 'GET', path: /^\/ping$/, handle: (_req, res) => sendJson(res, 200, { pong: true }) }] }],
    });
    server.server.on('connection', () => (connections += 1));
  });
  afterAll(() => server.close());

  /** A GET through Node's global agent (keep-alive, as the SDK uses it in a cloud function). */
  function ping(): Promise<{ status: number | undefined; reusedSocket: boolean }> {
    return new Promise((resolve, reject) => {
      const req = request(`${server.url}/ping`, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, reusedSocket: req.reusedSocket }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it(`answers a request sent on the same socket after a ${STALL_MS / 1000} s stall`, async () => {
    expect(await ping()).toEqual({ status: 200, reusedSocket: false });
    stallEventLoop(STALL_MS);
    expect(await ping()).toEqual({ status: 200, reusedSocket: true });
    expect(connections).toBe(1);
  }, 30_000);
});
