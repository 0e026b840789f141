import { myReportsContract } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { DEFAULT_PAGE_SIZE, decodeCursor, pageOf } from '../../platform/page-cursor';
import { summaryOf } from '../../reports/report-views';
import { reportsOfReporter } from '../../reports/reports.repository';

/** `myReports`: the caller's own reports, newest first, a page at a time. */
export const main = defineFunction(myReportsContract, async (request, { caller, now }) => {
  const limit = request.limit ?? DEFAULT_PAGE_SIZE;
  const after = decodeCursor(request.cursor);
  const rows = await reportsOfReporter(caller.openid, { limit, ...(after && { after }) });
  const page = pageOf(rows, limit, (row) => [row.submittedAt, row._id]);
  return { items: page.items.map((row) => summaryOf(row, now.getTime())), nextCursor: page.nextCursor };
});
