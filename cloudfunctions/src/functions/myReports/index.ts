import { myReportsContract } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { pageReadOf } from '../../platform/page-cursor';
import { summaryOf } from '../../reports/report-views';
import { reportsOfReporter } from '../../reports/reports.repository';

/** `myReports`: the caller's own reports, newest first, a page at a time. */
export const main = defineFunction(myReportsContract, async (request, { caller, now }) => {
  const page = await reportsOfReporter(caller.openid, pageReadOf(request));
  return { items: page.items.map((row) => summaryOf(row, now.getTime())), nextCursor: page.nextCursor };
});
