import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestCloud, type TestCloud } from '../../helpers/local-cloud';
import { createFunctionsModule } from '../../../localcloud/src/functions';
import { startHttpServer, type RunningServer } from '../../../localcloud/src/server/http-server';

const functionsDir = join(__dirname, '../../fixtures/functions');

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

async function request(base: string, method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<Reply> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function signIn(base: string, openid: string): Promise<string> {
  const reply = await request(base, 'POST', '/auth/signin', { body: { openid } });
  expect(reply.status).toBe(200);
  return String(reply.body.token);
}

/** Changes one character of the token's payload part (before the dot), keeping it valid base64url. */
function tamperPayload(token: string): string {
  const at = 3;
  const swapped = token[at] === 'A' ? 'B' : 'A';
  return `${token.slice(0, at)}${swapped}${token.slice(at + 1)}`;
}

describe('browser sign-in and POST /functions/<name>, with a users file', () => {
  let t: TestCloud;
  let base: string;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'signin-users-'));
    const usersFile = join(dir, 'users.json');
    writeFileSync(
      usersFile,
      JSON.stringify([
        { openid: 'o-alice', name: '张三', label: '居民' },
        { openid: 'o-bob', name: '李四' },
      ]),
    );
    t = await startTestCloud({ functionsDir, usersFile });
    base = t.cloud.url;
  });
  afterAll(async () => {
    await t.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the users the picker offers', async () => {
    const reply = await request(base, 'GET', '/auth/users');
    expect(reply.body).toEqual({
      users: [
        { openid: 'o-alice', name: '张三', label: '居民' },
        { openid: 'o-bob', name: '李四' },
      ],
      anyOpenid: false,
    });
  });

  it('signs a listed user in and runs the function as that user', async () => {
    const signin = await request(base, 'POST', '/auth/signin', { body: { openid: 'o-alice' } });
    expect(signin.body.user).toEqual({ openid: 'o-alice', name: '张三', label: '居民' });
    const reply = await request(base, 'POST', '/functions/whoami', { token: String(signin.body.token), body: { page: 1 } });
    expect(reply.status).toBe(200);
    expect(reply.body.result).toMatchObject({
      wx: { OPENID: 'o-alice', APPID: 'wx-test-appid', SOURCE: 'wx_client' },
      event: { page: 1, userInfo: { appId: 'wx-test-appid', openId: 'o-alice' } },
    });
  });

  it('takes identity from the token, never from a body that claims someone else', async () => {
    const token = await signIn(base, 'o-alice');
    const forged = { OPENID: 'o-bob', openid: 'o-bob', userInfo: { openId: 'o-bob', appId: 'wx-other' } };
    const reply = await request(base, 'POST', '/functions/whoami', { token, body: forged });
    const result = reply.body.result as { wx: { OPENID: string }; event: { userInfo: unknown } };
    expect(result.wx.OPENID).toBe('o-alice');
    expect(result.event.userInfo).toEqual({ appId: 'wx-test-appid', openId: 'o-alice' });
  });

  it('refuses a user who is not in the users file', async () => {
    const reply = await request(base, 'POST', '/auth/signin', { body: { openid: 'o-mallory' } });
    expect(reply.status).toBe(403);
    expect(reply.body.code).toBe('AUTH.UNKNOWN_USER');
  });

  it('answers 401 AUTH.INVALID_TOKEN to a missing, malformed or tampered token', async () => {
    const token = await signIn(base, 'o-alice');
    const [payload, signature] = token.split('.');
    const claimsBob = Buffer.from(JSON.stringify({ openid: 'o-bob', exp: Date.now() + 3600_000 })).toString('base64url');
    for (const bad of [undefined, '', 'not-a-token', tamperPayload(token), `${claimsBob}.${signature}`, `${payload}.${signature}x`]) {
      const reply = await request(base, 'POST', '/functions/whoami', { token: bad, body: {} });
      expect(reply.status).toBe(401);
      expect(reply.body.code).toBe('AUTH.INVALID_TOKEN');
    }
  });

  it('reports a failing function with its code and the errCode the mini-program would see', async () => {
    const token = await signIn(base, 'o-bob');
    const boom = await request(base, 'POST', '/functions/boom', { token, body: { reason: 'from the browser' } });
    expect(boom.status).toBe(500);
    expect(boom.body).toMatchObject({
      code: 'FUNCTIONS_EXECUTE_FAIL',
      errCode: -504002,
      message: expect.stringMatching(/boom: from the browser/),
    });
    const missing = await request(base, 'POST', '/functions/nothing-here', { token, body: {} });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('FUNCTION_NOT_FOUND');
  });

  it('refuses a body that is not a JSON object', async () => {
    const token = await signIn(base, 'o-bob');
    const reply = await request(base, 'POST', '/functions/whoami', { token, body: [1, 2] });
    expect(reply.status).toBe(400);
  });

  it('shows cold and warm counts at /__local/functions/stats', async () => {
    const token = await signIn(base, 'o-bob');
    await request(base, 'POST', '/functions/counter', { token, body: {} });
    await request(base, 'POST', '/functions/counter', { token, body: {} });
    const reply = await request(base, 'GET', '/__local/functions/stats');
    expect(reply.body.counter).toMatchObject({ coldStarts: 1, warmStarts: 1 });
  });
});

describe('browser sign-in without a users file', () => {
  let t: TestCloud;

  beforeAll(async () => {
    t = await startTestCloud({ functionsDir });
  });
  afterAll(() => t.stop());

  it('lets any non-empty openid sign in', async () => {
    const token = await signIn(t.cloud.url, 'o-anyone');
    const reply = await request(t.cloud.url, 'POST', '/functions/whoami', { token, body: {} });
    expect((reply.body.result as { wx: { OPENID: string } }).wx.OPENID).toBe('o-anyone');
    expect((await request(t.cloud.url, 'GET', '/auth/users')).body).toEqual({ users: [], anyOpenid: true });
  });

  it('refuses an empty openid', async () => {
    const reply = await request(t.cloud.url, 'POST', '/auth/signin', { body: { openid: '  ' } });
    expect(reply.status).toBe(400);
  });

  it('keeps the signing secret in a file only its owner can read', () => {
    expect(statSync(join(t.dataDir, 'signin-secret')).mode & 0o777).toBe(0o600);
  });
});

describe('sign-in tokens over time', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'signin-clock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function serve(now: () => number): Promise<RunningServer & { stopAll(): Promise<void> }> {
    const functions = createFunctionsModule({
      functionsDir,
      poolSize: 1,
      envId: 'test-env',
      appId: 'wx-test-appid',
      secretFile: join(dir, 'signin-secret'),
      cloudUrl: () => server.url,
      signinTtlMs: 60_000,
      now,
    });
    const server = await startHttpServer({ host: '127.0.0.1', port: 0, envId: 'test-env', modules: [functions] });
    const stopAll = async () => {
      await server.close();
      await functions.close?.();
    };
    return { ...server, stopAll };
  }

  it('refuses a token once it has expired', async () => {
    let clock = 1_000_000;
    const server = await serve(() => clock);
    try {
      const token = await signIn(server.url, 'o-alice');
      clock += 59_000;
      expect((await request(server.url, 'POST', '/functions/counter', { token, body: {} })).status).toBe(200);
      clock += 2_000;
      const late = await request(server.url, 'POST', '/functions/counter', { token, body: {} });
      expect(late.status).toBe(401);
      expect(late.body.code).toBe('AUTH.INVALID_TOKEN');
    } finally {
      await server.stopAll();
    }
  });

  it('honours a token after a restart, since the secret is kept', async () => {
    const first = await serve(Date.now);
    const token = await signIn(first.url, 'o-alice');
    await first.stopAll();
    const second = await serve(Date.now);
    try {
      expect((await request(second.url, 'POST', '/functions/counter', { token, body: {} })).status).toBe(200);
    } finally {
      await second.stopAll();
    }
  });
});
