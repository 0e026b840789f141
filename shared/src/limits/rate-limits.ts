import * as z from 'zod/mini';
import { isStaffRole, type Role } from '../people/role';
import { shanghaiDayKey, shanghaiDayStart } from '../time/shanghai-time';

/**
 * How many reports one person may file: at most `perWindow` in any fixed window of `windowMinutes`, and
 * `perDay` per Asia/Shanghai calendar day. A burst from one phone (a stuck button, a script) must not fill a
 * grid worker's inbox, while a real resident never meets the limit.
 */
export const rateLimitSchema = z.object({
  windowMinutes: z.int().check(z.gte(1), z.lte(24 * 60)),
  perWindow: z.int().check(z.gte(1)),
  perDay: z.int().check(z.gte(1)),
});
export type RateLimit = z.infer<typeof rateLimitSchema>;

/** Who is limited how: informants report for a living and staff file on others' behalf, so both get more. */
export const RATE_CLASSES = ['resident', 'informant', 'staff'] as const;
export type RateClass = (typeof RATE_CLASSES)[number];

/** The `settings/reportRateLimits` document (the seed writes these defaults; an admin may change them). */
export const reportRateLimitsSchema = z.object({
  resident: rateLimitSchema,
  informant: rateLimitSchema,
  staff: rateLimitSchema,
});
export type ReportRateLimits = z.infer<typeof reportRateLimitsSchema>;

export const DEFAULT_REPORT_RATE_LIMITS: ReportRateLimits = {
  resident: { windowMinutes: 10, perWindow: 5, perDay: 20 },
  informant: { windowMinutes: 10, perWindow: 15, perDay: 60 },
  staff: { windowMinutes: 10, perWindow: 30, perDay: 200 },
};

/** The class a person's roles put them in: staff above informant above resident. */
export function rateClassOf(roles: readonly Role[]): RateClass {
  if (roles.some(isStaffRole)) return 'staff';
  return roles.includes('informant') ? 'informant' : 'resident';
}

/** One counter a call must get a place in: its document id, its ceiling and when it starts over. */
export type RateBucket = {
  readonly id: string;
  readonly kind: 'window' | 'day';
  readonly limit: number;
  /** Epoch ms when the bucket's period ends. */
  readonly resetsAt: number;
};

/**
 * The two buckets a call of `action` by `personId` at `now` counts against. Windows are fixed (aligned to
 * the epoch, so every instance agrees on the id without talking to the others); the day is Shanghai's.
 */
export function rateBucketsOf(action: string, personId: string, limit: RateLimit, now: number): readonly [RateBucket, RateBucket] {
  const windowMs = limit.windowMinutes * 60 * 1000;
  const windowStart = Math.floor(now / windowMs) * windowMs;
  const nextDay = shanghaiDayStart(now) + 24 * 60 * 60 * 1000;
  return [
    {
      id: `${action}:${personId}:w${limit.windowMinutes}:${windowStart}`,
      kind: 'window',
      limit: limit.perWindow,
      resetsAt: windowStart + windowMs,
    },
    { id: `${action}:${personId}:d:${shanghaiDayKey(now)}`, kind: 'day', limit: limit.perDay, resetsAt: nextDay },
  ];
}
