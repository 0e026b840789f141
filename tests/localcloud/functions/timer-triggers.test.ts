import { join } from 'node:path';
import { TimerScheduler } from '../../../localcloud/src/functions/timer-scheduler';
import {
  cronProblem,
  nextFireAfter,
  timerEvent,
  triggersOfConfig,
  type TimerTrigger,
} from '../../../localcloud/src/functions/timer-triggers';
import { startTestCloud, type TestCloud } from '../../helpers/local-cloud';

const at = (iso: string) => new Date(iso);
const next = (config: string, after: string) => nextFireAfter(config, at(after))?.toISOString();

describe('the 7-field cron of a CloudBase timer (second minute hour day month weekday year, UTC+8)', () => {
  it('fires every 5 minutes on the minute', () => {
    expect(next('0 */5 * * * * *', '2026-12-01T11:02:30Z')).toBe('2026-12-01T11:05:00.000Z');
    expect(next('0 */5 * * * * *', '2026-12-01T11:05:00Z')).toBe('2026-12-01T11:10:00.000Z');
  });

  it('reads hours and days in Asia/Shanghai: 02:00 on the 1st is 18:00 UTC the day before', () => {
    expect(next('0 0 2 1 * * *', '2026-12-01T11:00:00Z')).toBe('2026-12-31T18:00:00.000Z');
  });

  it('takes weekday names, and a year', () => {
    // 2026-12-05 is a Saturday: the next weekday 10:15 in Shanghai is Monday the 7th, 02:15 UTC.
    expect(next('0 15 10 * * MON-FRI *', '2026-12-05T11:00:00Z')).toBe('2026-12-07T02:15:00.000Z');
    expect(next('0 0 0 1 1 * 2027', '2026-12-01T00:00:00Z')).toBe('2026-12-31T16:00:00.000Z');
    expect(next('0 0 0 1 1 * 2025', '2026-12-01T00:00:00Z')).toBeUndefined();
  });

  it('joins day and weekday by OR when both are set, as CloudBase documents', () => {
    // The 15th, or any Sunday (0): from Tuesday 2026-12-01, Sunday the 6th comes before the 15th.
    expect(next('0 0 12 15 * 0 *', '2026-12-01T00:00:00Z')).toBe('2026-12-06T04:00:00.000Z');
  });

  it('refuses what CloudBase refuses: other field counts, L/W/#/?, years outside 1970–2099', () => {
    expect(cronProblem('0 0 * * * *')).toMatch(/6 fields/);
    expect(cronProblem('0 0 * * * * * *')).toMatch(/8 fields/);
    expect(cronProblem('0 0 0 L * * *')).toMatch(/character/);
    expect(cronProblem('0 0 0 ? * MON *')).toMatch(/character/);
    expect(cronProblem('0 0 0 1 1 * 2100')).toMatch(/1970–2099/);
    expect(cronProblem('0 61 * * * * *')).toBeDefined();
    expect(cronProblem('0 */5 * * * * *')).toBeUndefined();
  });
});

describe('a function folder’s config.json triggers', () => {
  it('reads one timer trigger', () => {
    const text = JSON.stringify({ permissions: { openapi: [] }, triggers: [{ name: 'sweep', type: 'timer', config: '0 * * * * * *' }] });
    expect(triggersOfConfig('clockSweep', text)).toEqual([{ functionName: 'clockSweep', name: 'sweep', config: '0 * * * * * *' }]);
    expect(triggersOfConfig('plain', JSON.stringify({ permissions: { openapi: [] } }))).toEqual([]);
  });

  it('refuses, naming the file, what a deploy would refuse', () => {
    const timer = (over: object) => ({ name: 'sweep', type: 'timer', config: '0 * * * * * *', ...over });
    const config = (...triggers: object[]) => JSON.stringify({ triggers });
    expect(() => triggersOfConfig('f', config(timer({}), timer({ name: 'other' })))).toThrow(
      /f\/config.json: a function has at most one trigger/,
    );
    expect(() => triggersOfConfig('f', config(timer({ name: '1sweep' })))).toThrow(/name/);
    expect(() => triggersOfConfig('f', config(timer({ type: 'cos' })))).toThrow(/type must be "timer"/);
    expect(() => triggersOfConfig('f', config(timer({ config: '* * * * *' })))).toThrow(/5 fields/);
    expect(() => triggersOfConfig('f', '{ not json')).toThrow(/not JSON/);
  });

  it('makes the platform’s event: Type timer, the trigger’s name, the instant in UTC to the second', () => {
    expect(timerEvent({ name: 'sweep' }, at('2026-12-01T03:05:00.123Z'))).toEqual({
      Type: 'timer',
      TriggerName: 'sweep',
      Time: '2026-12-01T03:05:00Z',
    });
  });
});

describe('the scheduler', () => {
  const everySecond: TimerTrigger = { functionName: 'tick', name: 'everySecond', config: '* * * * * * *' };

  it('fires each scheduled instant once while started, with that instant as Time, and stops when stopped', async () => {
    const times: string[] = [];
    const scheduler = new TimerScheduler({
      triggers: [everySecond],
      call: async (_trigger, event) => {
        times.push(event.Time);
      },
      onError: () => undefined,
    });
    scheduler.start();
    while (times.length < 2) await new Promise((resolve) => setTimeout(resolve, 50));
    scheduler.stop();
    const seen = times.length;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(times.length).toBe(seen);
    expect(new Set(times).size).toBe(times.length);
    for (const time of times) expect(time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect([...times].sort()).toEqual(times);
  });

  it('fires nothing on its own unless started', async () => {
    const call = jest.fn(async () => undefined);
    const scheduler = new TimerScheduler({ triggers: [everySecond], call, onError: () => undefined });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(call).not.toHaveBeenCalled();
    await scheduler.fire('tick', at('2026-12-01T00:00:00Z'));
    expect(call).toHaveBeenCalledWith(everySecond, { Type: 'timer', TriggerName: 'everySecond', Time: '2026-12-01T00:00:00Z' });
    await expect(scheduler.fire('nope')).rejects.toThrow(/no timer trigger/);
  });
});

describe('firing a trigger in the local cloud', () => {
  let t: TestCloud;
  beforeAll(async () => {
    t = await startTestCloud({ functionsDir: join(__dirname, '../../fixtures/functions') });
  });
  afterAll(() => t.stop());

  type Ticked = { wx: Record<string, unknown>; event: Record<string, unknown> };

  it('reads the triggers of the functions folder', () => {
    expect(t.cloud.functions.timers()).toEqual([{ functionName: 'ticker', name: 'everyFiveMinutes', config: '0 */5 * * * * *' }]);
  });

  it('runs the function with no caller, SOURCE wx_trigger, and the event the platform sends, at a chosen Time', async () => {
    const ticked = (await t.cloud.functions.fireTimer('ticker', at('2027-01-01T00:00:00Z'))) as Ticked;
    expect(ticked.event).toEqual({ Type: 'timer', TriggerName: 'everyFiveMinutes', Time: '2027-01-01T00:00:00Z' });
    expect(ticked.wx.OPENID ?? '').toBe('');
    expect(ticked.wx.APPID ?? '').toBe('');
    expect(ticked.wx.SOURCE).toBe('wx_trigger');
  });

  it('fires over HTTP too, for tests outside the process: POST /__local/timers/<function>', async () => {
    const fire = (name: string, body: object) =>
      fetch(`${t.cloud.url}/__local/timers/${name}`, { method: 'POST', body: JSON.stringify(body) }).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as { result?: Ticked; code?: string },
      }));
    const fired = await fire('ticker', { time: Date.UTC(2027, 0, 1, 0, 5) });
    expect(fired.status).toBe(200);
    expect(fired.body.result?.event.Time).toBe('2027-01-01T00:05:00Z');
    expect((await fire('whoami', {})).status).toBe(404);
    expect((await fire('ticker', { time: 'yesterday' })).status).toBe(400);
  });
});
