// Formatting for people: Asia/Shanghai wall-clock time (a fixed +08:00, as shared/src/time assumes) and
// money from integer fen, never through floating point.

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** `5月3日 14:05` for an instant, in Asia/Shanghai. */
export function formatDateTime(epochMs: number): string {
  const d = new Date(epochMs + SHANGHAI_OFFSET_MS)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** `1.50` yuan for 150 fen; negative amounts keep their sign. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(Math.trunc(fen))
  return `${sign}${Math.floor(abs / 100)}.${pad(abs % 100)}`
}

/** A length of time as people say it: minutes under an hour, hours under a day, then days and hours (`1天2小时`). */
export function formatSpan(ms: number): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000))
  if (minutes < 60) return `${minutes}分钟`
  const hours = Math.floor(minutes / 60)
  return hours < 24 ? `${hours}小时` : `${Math.floor(hours / 24)}天${hours % 24 ? `${hours % 24}小时` : ''}`
}

/** How long until (or since) a deadline: `3小时后到期`, `已超时 2小时`, `已超时 29天`. */
export function formatDeadline(deadline: number, now: number): string {
  const diff = deadline - now
  const span = formatSpan(diff)
  return diff >= 0 ? `${span}后到期` : `已超时 ${span}`
}
