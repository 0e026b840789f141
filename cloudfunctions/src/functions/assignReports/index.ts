import { assignReportsContract, type ReportAction } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { assignEach } from '../../reports/bulk-assignment';
import { findCaller } from '../../users/caller';

/**
 * `assignReports` (批量派单): up to 20 cases to one assignee, each by `assignReport`'s rule on its own, each
 * answered. Round trips: the caller, the cases (one query), then per case the assignee check (a person:
 * one read) and one conditional update (more only when someone changed the case meanwhile).
 */
export const main = defineFunction(assignReportsContract, async (request, { caller, now }) => {
  const me = await findCaller(caller);
  // Someone without a record may see no case: each answers as assignReport would, not found.
  if (!me) return { results: request.reportIds.map((reportId) => ({ reportId, ok: false, code: 'REPORT.NOT_FOUND' as const })) };
  const action: Extract<ReportAction, { type: 'assign' }> = {
    type: 'assign',
    to: request.to,
    ...(request.note !== undefined && { note: request.note }),
  };
  return { results: await assignEach(request.reportIds, action, me, now.getTime()) };
});
