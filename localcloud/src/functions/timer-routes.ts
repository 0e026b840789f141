import { sendJson } from '../server/http-util';
import type { RawRoute } from '../server/module';
import type { TimerScheduler } from './timer-scheduler';

/**
 * The timers from outside the process (a browser test, a developer's curl): `GET /__local/timers` lists the
 * triggers, and `POST /__local/timers/<function>` with `{ "time": <ISO text or epoch ms> }` (optional) fires
 * one now as if scheduled then, answering `{ result }`, what main returned. Local only: the platform has no
 * such door, and nothing here asks who knocks, as with the other `/__local` routes.
 */
export function timerRoutes(scheduler: TimerScheduler): RawRoute[] {
  return [
    {
      method: 'GET',
      path: /^\/__local\/timers$/,
      handle: (_req, res) => sendJson(res, 200, { triggers: scheduler.triggers }),
    },
    {
      method: 'POST',
      path: /^\/__local\/timers\/([^/]+)$/,
      maxBodyBytes: 4096,
      handle: async (_req, res, match, body) => {
        const time = timeOf(body);
        if (time === 'invalid') {
          sendJson(res, 400, { code: 'INVALID_PARAM', message: 'time must be ISO 8601 text or epoch milliseconds' });
          return;
        }
        const name = match[1] ?? '';
        if (!scheduler.triggers.some((t) => t.functionName === name)) {
          sendJson(res, 404, { code: 'TRIGGER_NOT_FOUND', message: `${name} has no timer trigger` });
          return;
        }
        try {
          sendJson(res, 200, { result: await scheduler.fire(name, time) });
        } catch (error) {
          sendJson(res, 500, { code: 'FUNCTIONS_EXECUTE_FAIL', message: error instanceof Error ? error.message : String(error) });
        }
      },
    },
  ];
}

function timeOf(body: Buffer): Date | undefined | 'invalid' {
  if (body.length === 0) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return 'invalid';
  }
  const time = (parsed as { time?: unknown } | null)?.time;
  if (time === undefined) return undefined;
  const date = typeof time === 'string' || typeof time === 'number' ? new Date(time) : undefined;
  return date && Number.isFinite(date.getTime()) ? date : 'invalid';
}
