import { join } from 'node:path';
import { startTestCloud, type TestCloud } from '../../helpers/local-cloud';

const functionsDir = join(__dirname, '../../fixtures/functions');

interface CallResult<T> {
  result: T;
  errMsg: string;
}

interface WhoAmI {
  wx: Record<string, unknown>;
  event: Record<string, unknown>;
}

interface CallerResult {
  mine: Record<string, unknown>;
  callee?: WhoAmI;
  error?: { errCode: number; errMsg: string };
}

/** cloud.callFunction through the real wx-server-sdk, routed to the local cloud by configuration only. */
describe('functions.invokeFunction through wx-server-sdk', () => {
  let t: TestCloud;
  const callFunction = <T>(name: string, data: Record<string, unknown>) => t.sdk().callFunction({ name, data }) as Promise<CallResult<T>>;

  beforeAll(async () => {
    t = await startTestCloud({ functionsDir, poolSize: 2 });
  });
  afterAll(() => t.stop());

  it('runs a function for a script using the SDK directly, as an admin with no OPENID', async () => {
    const res = await callFunction<WhoAmI>('whoami', { q: 1 });
    expect(res.errMsg).toBe('callFunction:ok');
    expect(res.result.event).toEqual({ q: 1 });
    expect(res.result.wx.OPENID).toBeUndefined();
    expect(res.result.wx).toMatchObject({ ENV: 'test-env', SOURCE: 'scf' });
  });

  it('gives a function called by a function the original caller, with SOURCE wx_client,scf', async () => {
    const res = (await t.cloud.functions.invoke('caller', { data: { x: 1 } }, { openid: 'o-alice' })) as CallerResult;
    expect(res.mine).toMatchObject({ OPENID: 'o-alice', SOURCE: 'wx_client' });
    expect(res.callee?.wx).toMatchObject({ OPENID: 'o-alice', APPID: 'wx-test-appid', SOURCE: 'wx_client,scf' });
    expect(res.callee?.event).toEqual({ x: 1 });
  });

  it('keeps concurrent chains of different users apart', async () => {
    const users = ['o-a', 'o-b', 'o-c', 'o-d', 'o-e', 'o-f'];
    const results = await Promise.all(
      users.map((openid) => t.cloud.functions.invoke('caller', { data: { delayMs: 10 } }, { openid }) as Promise<CallerResult>),
    );
    expect(results.map((r) => r.callee?.wx.OPENID)).toEqual(users);
  });

  it('hands an exception in the callee to the calling function as a callFunction failure', async () => {
    const res = (await t.cloud.functions.invoke(
      'caller',
      { target: 'boom', data: { reason: 'nested' } },
      { openid: 'o-alice' },
    )) as CallerResult;
    expect(res.callee).toBeUndefined();
    expect(res.error?.errMsg).toMatch(/^callFunction:fail .*boom: nested/);
  });

  it('rejects callFunction with the CloudBase code when the function throws or does not exist', async () => {
    await expect(callFunction('boom', { reason: 'direct' })).rejects.toMatchObject({
      code: 'FUNCTIONS_EXECUTE_FAIL',
      errMsg: expect.stringMatching(/boom: direct/),
    });
    await expect(callFunction('no-such-function', {})).rejects.toMatchObject({
      code: 'FUNCTION_NOT_FOUND',
      errMsg: expect.stringMatching(/function not found: no-such-function/),
    });
  });

  it('lets a function write to the database as its caller', async () => {
    await t
      .sdk()
      .database()
      .createCollection('notes')
      .catch(() => undefined);
    const res = (await t.cloud.functions.invoke('dbwrite', { text: '路灯坏了' }, { openid: 'o-db' })) as {
      id: string;
      doc: { _id: string; text: string; owner: string };
    };
    expect(res.doc).toMatchObject({ _id: res.id, text: '路灯坏了', owner: 'o-db' });
  });
});
