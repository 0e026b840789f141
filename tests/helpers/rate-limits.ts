import type { ReportRateLimits } from '@pingan/shared';

/** Limits no test or bench of other behaviour reaches, so that submitting hundreds of reports measures what it says. */
const ROOMY = { windowMinutes: 10, perWindow: 1_000_000, perDay: 1_000_000 };
export const ROOMY_RATE_LIMITS: ReportRateLimits = { resident: ROOMY, informant: ROOMY, staff: ROOMY };

type Database = { collection(name: string): { doc(id: string): { set(options: { data: object }): Promise<unknown> } } };

/** Puts these report rate limits in force (settings/reportRateLimits, read on every submit). */
export async function setReportRateLimits(db: Database, limits: ReportRateLimits = ROOMY_RATE_LIMITS): Promise<void> {
  await db.collection('settings').doc('reportRateLimits').set({ data: limits });
}
