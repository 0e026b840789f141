import { meContract, submitReportContract } from '@pingan/shared/contracts';
import { call, CallError, CALL_TIMEOUT_MS, LOCALCLOUD_TOKEN_KEY } from '../../../client/src/transport';
import Taro, { __storage } from '../stand-ins/taro';
import { fail, installFakeLocalcloud, ok } from '../helpers/fake-localcloud';
import { me } from '../helpers/fixtures';

describe('call (browser build)', () => {
  it('posts the request to the local cloud with the sign-in token and resolves with the parsed data', async () => {
    __storage().set(LOCALCLOUD_TOKEN_KEY, 'tok-1');
    const cloud = installFakeLocalcloud({ me: () => ok(me()) });
    const data = await call(meContract, {});
    expect(data.joinedGrid?.name).toBe('城关社区第3网格');
    const [url, init] = cloud.fetch.mock.calls[0] as [string, { headers: Record<string, string> }];
    expect(url).toBe('/functions/me');
    expect(init.headers.authorization).toBe('Bearer tok-1');
  });

  it('turns an error code into the plain Chinese sentence for it', async () => {
    installFakeLocalcloud({ me: () => fail('GRID.NOT_FOUND', 'no such grid') });
    await expect(call(meContract, {})).rejects.toMatchObject({
      code: 'GRID.NOT_FOUND',
      message: '没有找到这个网格，请确认二维码是否正确。',
    });
  });

  it('reads a failure with a code this client does not know as a failure with a generic sentence', async () => {
    installFakeLocalcloud({ me: () => fail('FUTURE.THING') });
    await expect(call(meContract, {})).rejects.toMatchObject({ code: 'FUTURE.THING', message: '操作没有成功，请稍后再试。' });
  });

  it('reports a lost network as retryable', async () => {
    const cloud = installFakeLocalcloud({ me: () => ok(me()) });
    cloud.dropNext();
    const error = (await call(meContract, {}).catch((e: unknown) => e)) as CallError;
    expect(error.code).toBe('NETWORK');
    expect(error.retryable).toBe(true);
  });

  it('asks for a sign-in when the local cloud answers 401', async () => {
    global.fetch = jest.fn(async () => ({ ok: false, status: 401, text: async () => '{}' })) as unknown as typeof fetch;
    await expect(call(meContract, {})).rejects.toMatchObject({ code: 'SIGNIN_REQUIRED' });
  });

  it('refuses a response that does not match the contract', async () => {
    installFakeLocalcloud({ me: () => ok({ name: 42 }) });
    await expect(call(meContract, {})).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('checks the request against the contract before anything is sent', async () => {
    const cloud = installFakeLocalcloud({});
    const bad = { categoryCode: 'XFYH', text: '', photos: [], anonymous: false, idempotencyKey: 'short' };
    await expect(call(submitReportContract, bad)).rejects.toMatchObject({ code: 'INPUT.INVALID' });
    expect(cloud.fetch).not.toHaveBeenCalled();
  });

  it('gives up after the time limit with a retryable TIMEOUT', async () => {
    jest.useFakeTimers();
    try {
      global.fetch = jest.fn(() => new Promise(() => undefined)) as unknown as typeof fetch;
      const pending = call(meContract, {}).catch((e: unknown) => e);
      await jest.advanceTimersByTimeAsync(CALL_TIMEOUT_MS + 1);
      expect(await pending).toMatchObject({ code: 'TIMEOUT', retryable: true });
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('call (mini-program build)', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
  });

  it('calls wx.cloud after initialising it once, and never fetch', async () => {
    global.fetch = jest.fn() as unknown as typeof fetch;
    Taro.cloud.callFunction.mockResolvedValue({ result: ok(me()) });
    await call(meContract, {});
    await call(meContract, {});
    expect(Taro.cloud.callFunction).toHaveBeenCalledWith({ name: 'me', data: {} });
    expect(Taro.cloud.init).toHaveBeenCalledTimes(1);
    expect(global.fetch).not.toHaveBeenCalled();
  });

  it('reads a rejected wx.cloud call as a network failure', async () => {
    Taro.cloud.callFunction.mockRejectedValue({ errMsg: 'cloud.callFunction:fail -404011' });
    await expect(call(meContract, {})).rejects.toMatchObject({ code: 'NETWORK' });
  });
});
