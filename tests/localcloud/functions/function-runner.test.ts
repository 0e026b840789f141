import { join } from 'node:path';
import { startTestCloud, type TestCloud } from '../../helpers/local-cloud';
import { FunctionError } from '../../../localcloud/src/functions';

const functionsDir = join(__dirname, '../../fixtures/functions');

interface WhoAmI {
  wx: Record<string, unknown>;
  event: Record<string, unknown>;
  context: { request_id: string; function_name: string; time_limit_in_ms: number; memory_limit_in_mb: number; remaining: number };
  pid: number;
}

describe('function runner', () => {
  let t: TestCloud;
  const invoke = <T>(name: string, event: unknown, as?: { openid?: string; unionid?: string }) =>
    t.cloud.functions.invoke(name, event, as) as Promise<T>;
  const stats = (name: string) => t.cloud.functions.stats()[name];

  beforeAll(async () => {
    t = await startTestCloud({ functionsDir, poolSize: 2, functionTimeoutMs: 1500 });
  });
  afterAll(() => t.stop());

  it('gives each of 20 concurrent calls from 10 users its own OPENID, on at most poolSize instances', async () => {
    const openids = Array.from({ length: 10 }, (_, i) => `o-user-${i}`);
    const calls = Array.from({ length: 20 }, (_, i) => {
      const openid = openids[i % openids.length] ?? '';
      return invoke<WhoAmI>('whoami', { n: i, delayMs: 20 }, { openid }).then((r) => ({ openid, n: i, r }));
    });
    const results = await Promise.all(calls);
    for (const { openid, n, r } of results) {
      expect(r.wx.OPENID).toBe(openid);
      expect(r.event.n).toBe(n);
    }
    expect(new Set(results.map(({ r }) => r.pid)).size).toBeLessThanOrEqual(2);
    expect(stats('whoami')).toMatchObject({ coldStarts: 2, instances: 2, busy: 0, queued: 0 });
  });

  it('reports the WX context getWXContext() reads, and the platform context argument', async () => {
    const r = await invoke<WhoAmI>('whoami', { hello: 'world' }, { openid: 'o-ctx', unionid: 'u-ctx' });
    expect(r.wx).toEqual({ OPENID: 'o-ctx', UNIONID: 'u-ctx', APPID: 'wx-test-appid', ENV: 'test-env', SOURCE: 'wx_client' });
    expect(r.event).toEqual({ hello: 'world' });
    expect(r.context).toMatchObject({ function_name: 'whoami', time_limit_in_ms: 1500, memory_limit_in_mb: 256 });
    expect(r.context.request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.context.remaining).toBeGreaterThan(0);
    expect(r.context.remaining).toBeLessThanOrEqual(1500);
  });

  it('leaves no trace of the previous caller on a warm instance', async () => {
    await invoke<WhoAmI>('whoami', {}, { openid: 'o-before', unionid: 'u-before' });
    await invoke<WhoAmI>('whoami', {}, { openid: 'o-before', unionid: 'u-before' });
    const admin = await Promise.all([invoke<WhoAmI>('whoami', {}), invoke<WhoAmI>('whoami', {})]);
    for (const r of admin) {
      expect(r.wx.OPENID).toBeUndefined();
      expect(r.wx.UNIONID).toBeUndefined();
      expect(r.wx.APPID).toBeUndefined();
    }
  });

  it('keeps module state on a warm instance and counts cold and warm starts', async () => {
    const first = await invoke<{ calls: number; pid: number }>('counter', {});
    const second = await invoke<{ calls: number; pid: number }>('counter', {});
    const third = await invoke<{ calls: number; pid: number }>('counter', {});
    expect([first.calls, second.calls, third.calls]).toEqual([1, 2, 3]);
    expect(new Set([first.pid, second.pid, third.pid]).size).toBe(1);
    expect(stats('counter')).toMatchObject({ coldStarts: 1, warmStarts: 2, instances: 1 });
    expect(stats('counter')?.lastColdStartMs).toEqual(expect.any(Number));
  });

  it('starts cold with fresh module state after recycle()', async () => {
    await invoke('counter', {});
    t.cloud.functions.recycle('counter');
    const after = await invoke<{ calls: number }>('counter', {});
    expect(after.calls).toBe(1);
    expect(stats('counter')?.coldStarts).toBe(2);
  });

  it('lets a busy instance finish its call when recycled, then retires it', async () => {
    const busy = invoke<WhoAmI>('whoami', { delayMs: 100 }, { openid: 'o-busy' });
    t.cloud.functions.recycle('whoami');
    const finished = await busy;
    expect(finished.wx.OPENID).toBe('o-busy');
    const next = await invoke<WhoAmI>('whoami', {});
    expect(next.pid).not.toBe(finished.pid);
  });

  it('returns an exception thrown by main as FUNCTIONS_EXECUTE_FAIL with its message, and stays warm', async () => {
    const failure = invoke('boom', { reason: 'bad input' });
    await expect(failure).rejects.toBeInstanceOf(FunctionError);
    await expect(failure).rejects.toMatchObject({ code: 'FUNCTIONS_EXECUTE_FAIL', errCode: -504002 });
    await expect(failure).rejects.toThrow(/boom: bad input/);
    await expect(invoke('boom', { reason: 'again' })).rejects.toThrow(/boom: again/);
    expect(stats('boom')).toMatchObject({ coldStarts: 1, warmStarts: 1, crashes: 0, failures: 2 });
  });

  it('recycles an instance that crashes, fails that call, and serves the next call from a new one', async () => {
    const before = await invoke<{ pid: number }>('crashy', {});
    await expect(invoke('crashy', { crash: true })).rejects.toMatchObject({
      code: 'FUNCTIONS_EXECUTE_FAIL',
      message: expect.stringMatching(/crashed/),
    });
    const after = await invoke<{ ok: boolean; pid: number }>('crashy', {});
    expect(after.ok).toBe(true);
    expect(after.pid).not.toBe(before.pid);
    expect(stats('crashy')).toMatchObject({ crashes: 1, coldStarts: 2, instances: 1 });
  });

  it('kills a call over the time limit with the platform timeout error, then serves the next call', async () => {
    const late = invoke('slow', { ms: 60_000 });
    await expect(late).rejects.toMatchObject({ code: 'FUNCTIONS_TIME_LIMIT_EXCEEDED', errCode: -504003 });
    await expect(late).rejects.toThrow('Invoking task timed out after 1.5 seconds');
    expect(stats('slow')).toMatchObject({ timeouts: 1, instances: 0, crashes: 0 });
    await expect(invoke('slow', { ms: 1 })).resolves.toMatchObject({ sleptMs: 1 });
  });

  it('fails a function whose index.js exports no main', async () => {
    await expect(invoke('nomain', {})).rejects.toMatchObject({
      code: 'FUNCTIONS_EXECUTE_FAIL',
      message: expect.stringMatching(/does not export main/),
    });
  });

  it('does not find functions that do not exist or names that are paths', async () => {
    await expect(invoke('missing', {})).rejects.toMatchObject({ code: 'FUNCTION_NOT_FOUND' });
    await expect(invoke('../functions/whoami', {})).rejects.toMatchObject({ code: 'FUNCTION_NOT_FOUND' });
  });
});
