import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cron } from 'croner';

/**
 * Timer triggers as CloudBase declares them: a function folder's `config.json` holds
 * `"triggers": [{ "name", "type": "timer", "config": "<second minute hour day month weekday year>" }]`,
 * at most one per function, read in Asia/Shanghai (UTC+8), day and weekday joined by OR when both are set.
 */
export interface TimerTrigger {
  functionName: string;
  /** The trigger's name, which the event carries as TriggerName. */
  name: string;
  /** The 7-field cron expression, as written. */
  config: string;
}

/** The event a timer call hands `main`, as the platform builds it: no caller, the scheduled instant. */
export interface TimerEvent {
  Type: 'timer';
  TriggerName: string;
  /** The scheduled instant, ISO 8601 in UTC to the second (2019-02-21T11:49:00Z). */
  Time: string;
}

/** A trigger name as the platform allows it: a letter, then up to 59 letters, digits, - and _. */
const TRIGGER_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;
/** What a CloudBase cron field may hold: numbers, month and weekday names (JAN, MON), `*`, joined by `, - /` (no L, W, # or ?). */
const CRON_FIELD = /^(\*|\d+|[A-Za-z]{3})([,/-](\*|\d+|[A-Za-z]{3}))*$/;
/** The platform's year range. */
const YEARS = { min: 1970, max: 2099 };

/** The timer triggers of every function folder under `functionsDir`; a malformed one throws, naming the file and why. */
export function readTimerTriggers(functionsDir: string | undefined): TimerTrigger[] {
  if (!functionsDir || !existsSync(functionsDir)) return [];
  const triggers: TimerTrigger[] = [];
  for (const entry of readdirSync(functionsDir, { withFileTypes: true })) {
    const file = join(functionsDir, entry.name, 'config.json');
    if (!entry.isDirectory() || !existsSync(file)) continue;
    triggers.push(...triggersOfConfig(entry.name, readFileSync(file, 'utf8'), file));
  }
  return triggers;
}

/** The triggers one function's config.json declares (none when it declares none). */
export function triggersOfConfig(functionName: string, text: string, file = `${functionName}/config.json`): TimerTrigger[] {
  const fail = (why: string): never => {
    throw new Error(`${file}: ${why}`);
  };
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch {
    return fail('not JSON');
  }
  const triggers = (config as { triggers?: unknown } | null)?.triggers;
  if (triggers === undefined) return [];
  if (!Array.isArray(triggers)) return fail('"triggers" must be an array');
  if (triggers.length > 1) return fail('a function has at most one trigger');
  return triggers.map((trigger: unknown) => {
    const { name, type, config: cron } = (trigger ?? {}) as Record<string, unknown>;
    if (typeof name !== 'string' || !TRIGGER_NAME.test(name)) return fail(`trigger name ${JSON.stringify(name)} is not allowed`);
    if (type !== 'timer') return fail(`trigger ${name}: type must be "timer"`);
    if (typeof cron !== 'string') return fail(`trigger ${name}: config must be a cron string`);
    const problem = cronProblem(cron);
    if (problem) return fail(`trigger ${name}: ${problem}`);
    return { functionName, name, config: cron };
  });
}

/** Why a cron expression is not one CloudBase takes, or undefined when it is. */
export function cronProblem(config: string): string | undefined {
  const fields = config.trim().split(/\s+/);
  if (fields.length !== 7) return `"${config}" has ${fields.length} fields; CloudBase wants 7 (second minute hour day month weekday year)`;
  const bad = fields.find((field) => !CRON_FIELD.test(field));
  if (bad !== undefined) return `"${bad}" uses a character CloudBase does not take (only digits, names and , - * /)`;
  const year = fields[6] ?? '*';
  const years = year.match(/\d+/g)?.map(Number) ?? [];
  if (years.some((y) => y < YEARS.min || y > YEARS.max) && !year.includes('/')) return `year ${year} is outside 1970–2099`;
  try {
    scheduleOf(config);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * The parsed schedule. croner reads the 7-field form (second … year) natively, in a named time zone,
 * with day-of-month and weekday ORed as CloudBase documents (0 = Sunday).
 */
function scheduleOf(config: string): Cron {
  return new Cron(config.trim(), { mode: '7-part', timezone: 'Asia/Shanghai', paused: true });
}

/** The first scheduled instant strictly after `after`, or undefined when the schedule has no more. */
export function nextFireAfter(config: string, after: Date): Date | undefined {
  return scheduleOf(config).nextRun(after) ?? undefined;
}

/** The event of one timer call at `time` (its milliseconds dropped, as the platform's Time has none). */
export function timerEvent(trigger: Pick<TimerTrigger, 'name'>, time: Date): TimerEvent {
  return { Type: 'timer', TriggerName: trigger.name, Time: time.toISOString().replace(/\.\d{3}Z$/, 'Z') };
}
