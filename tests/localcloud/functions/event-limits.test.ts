import { join } from 'node:path';
import { FunctionError, PLATFORM_LIMITS } from '../../../localcloud/src';
import { startTestCloud, type TestCloud } from '../../helpers/local-cloud';
import { callFromBrowser, invokeAction, nested, nestedJson, signIn } from './http-calls';

const functionsDir = join(__dirname, '../../fixtures/functions');
const MB = 1024 * 1024;

/** What each entrance answers for an event over the platform's limits, and for results over them. */
describe('event and result limits of a function call', () => {
  let t: TestCloud;
  let token: string;

  beforeAll(async () => {
    t = await startTestCloud({ functionsDir, poolSize: 2 });
    token = await signIn(t.cloud.url, 'o-limits');
  });
  afterAll(() => t.stop());

  describe('POST /functions/<name> (the browser build)', () => {
    it('refuses an event nested deeper than 100 levels with INVALID_PARAM, before any instance runs', async () => {
      const before = t.cloud.functions.stats().misbehave?.invocations ?? 0;
      for (const levels of [101, 4200, 200_000]) {
        const reply = await callFromBrowser(t.cloud.url, token, 'misbehave', nestedJson(levels));
        expect(reply.status).toBe(400);
        expect(reply.body).toEqual({ code: 'INVALID_PARAM', errCode: -501007, message: 'the event is nested deeper than 100 levels' });
      }
      expect(t.cloud.functions.stats().misbehave?.invocations ?? 0).toBe(before);
    });

    it('runs an event nested exactly 100 levels deep', async () => {
      const reply = await callFromBrowser(t.cloud.url, token, 'misbehave', nestedJson(100));
      expect(reply.status).toBe(200);
      expect(reply.body.result).toMatchObject({ pid: expect.any(Number) });
    });

    it('refuses a body over 6 MB with 413 EXCEED_MAX_PAYLOAD_SIZE, unread', async () => {
      const body = JSON.stringify({ text: 'x'.repeat(6 * MB) });
      const reply = await callFromBrowser(t.cloud.url, token, 'misbehave', body);
      expect(reply.status).toBe(413);
      expect(reply.body).toMatchObject({
        code: 'EXCEED_MAX_PAYLOAD_SIZE',
        errCode: -501007,
        message: expect.stringMatching(/6291456-byte limit/),
      });
    });

    it('runs an event just under 6 MB', async () => {
      const reply = await callFromBrowser(t.cloud.url, token, 'misbehave', JSON.stringify({ text: 'x'.repeat(6 * MB - 200) }));
      expect(reply.status).toBe(200);
      expect((reply.body.result as { eventBytes: number }).eventBytes).toBeGreaterThan(6 * MB - 200);
    });

    it('refuses a result over 1 MB with EXCEED_MAX_RESPONSE_SIZE and the errCode the mini-program sees', async () => {
      const reply = await callFromBrowser(t.cloud.url, token, 'misbehave', JSON.stringify({ do: 'big-result', bytes: MB }));
      expect(reply.status).toBe(500);
      expect(reply.body).toMatchObject({
        code: 'EXCEED_MAX_RESPONSE_SIZE',
        errCode: -604001,
        message: expect.stringMatching(/1048578 bytes/),
      });
      const fits = await callFromBrowser(t.cloud.url, token, 'misbehave', JSON.stringify({ do: 'big-result', bytes: MB - 2 }));
      expect(fits.status).toBe(200);
      expect((fits.body.result as string).length).toBe(MB - 2);
    });

    it('reports a result JSON cannot carry as FUNCTIONS_EXECUTE_FAIL', async () => {
      for (const what of ['cyclic', 'bigint']) {
        const reply = await callFromBrowser(t.cloud.url, token, 'misbehave', JSON.stringify({ do: what }));
        expect(reply.status).toBe(500);
        expect(reply.body).toMatchObject({ code: 'FUNCTIONS_EXECUTE_FAIL', errCode: -504002, message: expect.stringMatching(/TypeError/) });
      }
    });
  });

  describe('functions.invokeFunction (cloud.callFunction)', () => {
    const callFunction = (name: string, data: Record<string, unknown>) => t.sdk().callFunction({ name, data });

    it('rejects data nested deeper than 100 levels with the code INVALID_PARAM', async () => {
      await expect(callFunction('misbehave', nested(101))).rejects.toMatchObject({
        code: 'INVALID_PARAM',
        errMsg: expect.stringMatching(/nested deeper than 100 levels/),
      });
      await expect(callFunction('misbehave', nested(100))).resolves.toMatchObject({ result: { pid: expect.any(Number) } });
    });

    it('refuses request_data of 4,200 levels sent by hand as the SDK would send it, with INVALID_PARAM', async () => {
      const reply = await invokeAction(t.cloud.url, 'misbehave', nestedJson(4200));
      expect(reply.body).toMatchObject({ code: 'INVALID_PARAM', message: 'the event is nested deeper than 100 levels' });
    });

    it('rejects data over 6 MB with EXCEED_MAX_PAYLOAD_SIZE', async () => {
      await expect(callFunction('misbehave', { text: 'x'.repeat(6 * MB) })).rejects.toMatchObject({
        code: 'EXCEED_MAX_PAYLOAD_SIZE',
        errMsg: expect.stringMatching(/6291456-byte limit/),
      });
    });

    it('rejects a result over 1 MB with EXCEED_MAX_RESPONSE_SIZE', async () => {
      await expect(callFunction('misbehave', { do: 'big-result', bytes: 2 * MB })).rejects.toMatchObject({
        code: 'EXCEED_MAX_RESPONSE_SIZE',
        errMsg: expect.stringMatching(/2097154 bytes, over the 1048576-byte limit/),
      });
    });

    it('refuses request_data that is not JSON with INVALID_PARAM', async () => {
      const reply = await invokeAction(t.cloud.url, 'misbehave', '{"a":');
      expect(reply.body).toMatchObject({ code: 'INVALID_PARAM', message: 'request_data must be JSON' });
    });
  });

  describe('functions.invoke() (tests and scripts in-process)', () => {
    const invoke = (event: unknown) => t.cloud.functions.invoke('misbehave', event, { openid: 'o-limits' });

    it('refuses what JSON cannot carry, too deep a value and too large a one, each with a 4xx FunctionError', async () => {
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      const cases: [unknown, string, RegExp][] = [
        [cyclic, 'INVALID_PARAM', /the event must be JSON: Converting circular structure/],
        [{ n: 1n }, 'INVALID_PARAM', /the event must be JSON: .*BigInt/],
        [nested(101), 'INVALID_PARAM', /nested deeper than 100 levels/],
        [nested(100_000), 'INVALID_PARAM', /nested deeper than 100 levels/],
        [{ text: 'x'.repeat(PLATFORM_LIMITS.maxEventBytes) }, 'EXCEED_MAX_PAYLOAD_SIZE', /6291456-byte limit/],
      ];
      for (const [event, code, message] of cases) {
        const error = await invoke(event).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(FunctionError);
        expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
        expect((error as FunctionError).httpStatus).toBeGreaterThanOrEqual(400);
        expect((error as FunctionError).httpStatus).toBeLessThan(500);
      }
    });

    it('passes a missing event as {} and drops what JSON drops, as the platform does', async () => {
      await expect(invoke(undefined)).resolves.toMatchObject({ eventBytes: 2 });
      await expect(invoke({ keep: 1, gone: undefined, fn: () => 1 })).resolves.toMatchObject({ eventBytes: '{"keep":1}'.length });
    });
  });
});
