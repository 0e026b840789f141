import { shanghaiDayStart, type ReportRateLimits } from '@pingan/shared';
import { draftKey, reportEvent, startFunctionsCloud, type Answer, type FunctionsCloud } from './helpers/functions-cloud';

/**
 * What one caller may put into a grid worker's inbox: per-caller limits that hold under a concurrent burst,
 * and text that has to say something. Limits are fixed windows, so each scenario runs inside one window:
 * should the clock cross a boundary while it runs (a slow machine near 08:00 or 00:00), it runs again with a
 * fresh caller instead of asserting across two windows.
 */
let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud({ rateLimits: 'seeded' });
});
afterAll(async () => cloud?.stop());

const DAY_MS = 24 * 60 * 60 * 1000;
/** A burst is sized, not timed: 200 calls may queue behind each other on a loaded machine, so allow seconds each. */
const BURST_TIMEOUT_MS = 30_000 + 200 * 1_000;
let callers = 0;
const freshCaller = (name: string) => `o-limits-${name}-${(callers += 1)}`;

/** A new person with these roles in the demo grid (staff and informants are made by staff, not by calling). */
async function freshPerson(name: string, roles: string[]): Promise<string> {
  const openid = freshCaller(name);
  await cloud
    .db()
    .collection('users')
    .add({ data: { _id: `p-${openid}`, openid, name, roles, gridCodes: ['410399001001-03'], createdAt: Date.now() } });
  return openid;
}

async function setLimits(limits: ReportRateLimits): Promise<void> {
  await cloud.db().collection('settings').doc('reportRateLimits').set({ data: limits });
}

/** Runs `scenario` until one run starts and ends in the same period (`periodStart` of both ends agrees). */
async function inOnePeriod<T>(periodStart: (ms: number) => number, scenario: (attempt: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const started = Date.now();
    const result = await scenario(attempt);
    if (periodStart(started) === periodStart(Date.now()) || attempt === 3) return result;
  }
}
const utcDayStart = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;

const roomy = { windowMinutes: 24 * 60, perWindow: 10_000, perDay: 10_000 };
const codesOf = (answers: Answer[]) => answers.map((answer) => (answer.ok ? 'ok' : answer.code));
const count = (codes: string[], code: string) => codes.filter((c) => c === code).length;

describe('report rate limits', () => {
  it(
    'lets exactly the window’s limit through a burst of 200 concurrent reports, and says when to try again',
    async () => {
      await setLimits({ resident: { windowMinutes: 24 * 60, perWindow: 5, perDay: 10_000 }, informant: roomy, staff: roomy });
      const { openid, codes, limited } = await inOnePeriod(utcDayStart, async () => {
        const openid = freshCaller('burst');
        const answers = await Promise.all(Array.from({ length: 200 }, () => cloud.call('submitReport', reportEvent(), openid)));
        return { openid, codes: codesOf(answers), limited: answers.find((answer) => !answer.ok) };
      });
      expect(count(codes, 'ok')).toBe(5);
      expect(count(codes, 'RATE.LIMITED')).toBe(195);
      expect(await cloud.count('reports', { reporterOpenid: openid })).toBe(5);
      expect(limited?.ok === false && limited.message).toMatch(/请在 \d\d:\d\d 以后再试/);
    },
    BURST_TIMEOUT_MS,
  );

  it(
    'holds the daily total under a burst, and tells the caller to come back tomorrow',
    async () => {
      await setLimits({ resident: { windowMinutes: 1, perWindow: 10_000, perDay: 7 }, informant: roomy, staff: roomy });
      const { openid, codes, limited } = await inOnePeriod(shanghaiDayStart, async () => {
        const openid = freshCaller('daily');
        const answers = await Promise.all(Array.from({ length: 40 }, () => cloud.call('submitReport', reportEvent(), openid)));
        return { openid, codes: codesOf(answers), limited: answers.find((answer) => !answer.ok) };
      });
      expect(count(codes, 'ok')).toBe(7);
      expect(await cloud.count('reports', { reporterOpenid: openid })).toBe(7);
      expect(limited?.ok === false && limited.message).toContain('明天');
    },
    BURST_TIMEOUT_MS,
  );

  it('gives informants and staff their own limits, read from settings', async () => {
    await setLimits({
      resident: { windowMinutes: 24 * 60, perWindow: 2, perDay: 100 },
      informant: { windowMinutes: 24 * 60, perWindow: 4, perDay: 100 },
      staff: { windowMinutes: 24 * 60, perWindow: 3, perDay: 100 },
    });
    const codesFor = async (openid: string, tries: number) => {
      const codes: string[] = [];
      for (let i = 0; i < tries; i += 1) codes.push(...codesOf([await cloud.call('submitReport', reportEvent(), openid)]));
      return codes;
    };
    const resident = await inOnePeriod(utcDayStart, () => codesFor(freshCaller('resident'), 3));
    const informant = await inOnePeriod(utcDayStart, async () => codesFor(await freshPerson('informant', ['resident', 'informant']), 5));
    const worker = await inOnePeriod(utcDayStart, async () => codesFor(await freshPerson('worker', ['gridWorker']), 4));
    expect(resident).toEqual(['ok', 'ok', 'RATE.LIMITED']);
    expect(informant).toEqual(['ok', 'ok', 'ok', 'ok', 'RATE.LIMITED']);
    expect(worker).toEqual(['ok', 'ok', 'ok', 'RATE.LIMITED']);
  });

  it('does not count a retried submit of a stored report against the limit', async () => {
    await setLimits({ resident: { windowMinutes: 24 * 60, perWindow: 1, perDay: 100 }, informant: roomy, staff: roomy });
    const codes = await inOnePeriod(utcDayStart, async () => {
      const openid = freshCaller('retry');
      const event = reportEvent({ idempotencyKey: draftKey() });
      const first = await cloud.call('submitReport', event, openid);
      const retries = await Promise.all(Array.from({ length: 5 }, () => cloud.call<{ replayed: boolean }>('submitReport', event, openid)));
      const another = await cloud.call('submitReport', reportEvent(), openid);
      return [
        ...codesOf([first]),
        ...retries.map((r) => (r.ok && r.data.replayed ? 'replayed' : r.ok ? 'ok' : r.code)),
        ...codesOf([another]),
      ];
    });
    expect(codes).toEqual(['ok', 'replayed', 'replayed', 'replayed', 'replayed', 'replayed', 'RATE.LIMITED']);
  });
});

describe('report text', () => {
  beforeAll(() => setLimits({ resident: roomy, informant: roomy, staff: roomy }));

  it.each([
    ['zero-width spaces and joiners', '\u200B\u200C\u200D\u2060'],
    ['control characters', '\u0000\u0007\u001F\u007F'],
    ['a byte-order mark and ideographic spaces', '\uFEFF\u3000\u3000'],
    ['invisible tag characters', '\uDB40\uDC41\uDB40\uDC7F'],
  ])('refuses a description made only of %s, with no photo, and stores nothing', async (_name, text) => {
    const openid = freshCaller('blank');
    const answer = await cloud.call('submitReport', reportEvent({ text, photos: [] }), openid);
    expect(answer).toMatchObject({ ok: false, code: 'INPUT.INVALID' });
    expect(await cloud.count('reports', { reporterOpenid: openid })).toBe(0);
  });

  it('refuses a lone surrogate and stores nothing', async () => {
    const openid = freshCaller('surrogate');
    const answer = await cloud.call('submitReport', reportEvent({ text: '路灯坏了\uD83D' }), openid);
    expect(answer).toMatchObject({ ok: false, code: 'INPUT.INVALID' });
    expect(await cloud.count('reports', { reporterOpenid: openid })).toBe(0);
  });

  it('stores the text in NFC without the invisible characters at its ends, keeping emoji sequences whole', async () => {
    const openid = freshCaller('nfc');
    const answer = await cloud.call<{ report: { id: string } }>(
      'submitReport',
      reportEvent({ text: '\u200B Cafe\u0301 门口 👨‍👩‍👧 \uFEFF\n' }),
      openid,
    );
    if (!answer.ok) throw new Error(answer.code);
    const stored = await cloud.get<{ text: string }>('reports', answer.data.report.id);
    expect(stored?.text).toBe('Café 门口 👨‍👩‍👧');
  });
});
