import type { InboxItem } from '@pingan/shared';
import { assignedPeople, assigneeNameOf, namesOfPeople } from './case-names.repository';
import { inboxItemOf } from './report-views';
import type { ReportListDoc } from './reports.repository';

/**
 * A page of cases as the inbox lists them, with the assignees' names (one read for the page) and each
 * case's grid name: from `gridNames` when the caller has them, else the owner's name while a grid owns it.
 */
export async function caseItemsOf(
  docs: readonly ReportListDoc[],
  now: number,
  gridNames: ReadonlyMap<string, string> = new Map(),
): Promise<InboxItem[]> {
  const people = await namesOfPeople(assignedPeople(docs));
  return docs.map((doc) => {
    const assigneeName = assigneeNameOf(doc.assignee, people);
    const grid = doc.regionPath.grid;
    const ownName = doc.ownerLevel === 'grid' && doc.ownerCode === grid ? doc.ownerName : undefined;
    const gridName = grid === undefined ? undefined : (gridNames.get(grid) ?? ownName);
    return { ...inboxItemOf(doc, now), ...(assigneeName !== undefined && { assigneeName }), ...(gridName !== undefined && { gridName }) };
  });
}
