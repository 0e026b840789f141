import type { FunctionsCloud } from '../helpers/functions-cloud';
import { GRID_A, GRID_B, reportIn, type Grid } from './report-fixtures';

/** Each grid's 网格员 (openid and user id), who accepts, takes and works the cases `caseMovedTo` makes. */
export const GRID_WORKER: Record<Grid, { openid: string; id: string }> = {
  [GRID_A]: { openid: 'o-demo-grid-worker-03', id: 'u-grid-worker-03' },
  [GRID_B]: { openid: 'o-demo-grid-worker-10', id: 'u-grid-worker-10' },
};

export type HandlingStatus = 'accepted' | 'assigned' | 'in_progress';

/**
 * A report in the grid (as `reportIn` makes it) moved on through the real functions by the grid's 网格员:
 * accepted, taken by himself (assigned), started (in_progress) — the subjects of assign, start and resolve.
 */
export async function caseMovedTo(cloud: FunctionsCloud, grid: Grid, until: HandlingStatus, reporter?: string): Promise<string> {
  const reportId = await reportIn(cloud, grid, reporter);
  const worker = GRID_WORKER[grid];
  await cloud.data('acceptReport', { reportId }, worker.openid);
  if (until === 'accepted') return reportId;
  await cloud.data('assignReport', { reportId, to: { kind: 'person', personId: worker.id } }, worker.openid);
  if (until === 'assigned') return reportId;
  await cloud.data('startReport', { reportId }, worker.openid);
  return reportId;
}
