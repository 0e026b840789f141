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
