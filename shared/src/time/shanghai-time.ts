/**
 * Asia/Shanghai calendar keys from epoch milliseconds. China has kept UTC+08:00 all year since 1991 (no
 * DST), so a fixed offset gives the same answer as the tz database for every timestamp this app will see,
 * and it keeps dayjs and its timezone plugin (with Intl) out of the mini-program bundle.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The Asia/Shanghai calendar day of an instant, `YYYY-MM-DD`. */
export function shanghaiDayKey(epochMs: number): string {
  return new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Asia/Shanghai calendar month of an instant, `YYYY-MM`. */
export function shanghaiMonthKey(epochMs: number): string {
  return shanghaiDayKey(epochMs).slice(0, 7);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant the Asia/Shanghai day holding `epochMs` began (its 00:00 +08:00). */
export function shanghaiDayStart(epochMs: number): number {
  return Math.floor((epochMs + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
}

/** `HH:mm` of an instant in Asia/Shanghai, for telling someone when they may try again. */
export function shanghaiClock(epochMs: number): string {
  return new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16);
}

/** `2026年12月01日 14:30`, Asia/Shanghai: the form WeChat's `time` template fields take, and messages' times. */
export function shanghaiDateTime(epochMs: number): string {
  const [year, month, day] = shanghaiDayKey(epochMs).split('-');
  return `${year}年${month}月${day}日 ${shanghaiClock(epochMs)}`;
}

/** The instant the Asia/Shanghai week holding `epochMs` began: Monday 00:00 +08:00 (weeks start on Monday in China). */
export function shanghaiWeekStart(epochMs: number): number {
  const dayStart = shanghaiDayStart(epochMs);
  const weekday = new Date(dayStart + SHANGHAI_OFFSET_MS).getUTCDay(); // 0 = Sunday
  return dayStart - ((weekday + 6) % 7) * DAY_MS;
}

/** The instant the Asia/Shanghai calendar year began: 1 January 00:00 +08:00. */
export function shanghaiYearStart(year: number): number {
  return Date.UTC(year, 0, 1) - SHANGHAI_OFFSET_MS;
}

/** The Asia/Shanghai calendar year of an instant. */
export function shanghaiYear(epochMs: number): number {
  return Number(shanghaiDayKey(epochMs).slice(0, 4));
}
