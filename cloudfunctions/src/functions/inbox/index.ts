import { inboxContract, inboxPlacesOf, mayOverseeUnit, type Actor } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { pageReadOf } from '../../platform/page-cursor';
import { casesPage, type CaseScope } from '../../reports/case-queries.repository';
import { caseItemsOf } from '../../reports/case-items';
import { inboxFilterOf } from '../../reports/inbox-filter';
import { findRegion } from '../../routing/regions.repository';
import { findCaller } from '../../users/caller';

/**
 * `inbox`: the cases owned by the grids a 网格员/网格长 works (or a centre's region) — one grid of them if
 * asked — or, for a centre asking for its area, every case lying in its region; open ones unless a status
 * is asked for, filtered by light, category and assignee, nearest deadline first or most followed first,
 * a page at a time with the assignees' names. A centre may ask for one grid of its region (the centre
 * dashboard's case list at grid level: the cases that grid owns). Round trips: the caller, (a centre asking
 * for a grid) the grid's place, the page (one indexed query), the assignees' names.
 */
export const main = defineFunction(inboxContract, async (request, { caller, now }) => {
  const me = await findCaller(caller);
  const places = me ? inboxPlacesOf(me.actor) : [];
  if (!me || places.length === 0) throw new AppError('AUTH.FORBIDDEN', '只有网格员、网格长和综治中心有待办');
  if (request.gridCode !== undefined && !places.includes(request.gridCode) && !(await centreOverGrid(me.actor, request.gridCode)))
    throw new AppError('AUTH.FORBIDDEN', '只能查看自己网格的待办');
  const at = now.getTime();
  const filter = inboxFilterOf(request, scopeOf(me.actor, request, places), me.user._id, at);
  if (!filter) return { items: [], nextCursor: null };
  const found = await casesPage(filter, request.sort ?? 'urgency', pageReadOf(request));
  return { items: await caseItemsOf(found.items, at), nextCursor: found.nextCursor };
});

/** A centre's area when asked for (its region's cases wherever they are owned), else the places asked or owned. */
function scopeOf(actor: Actor, request: { scope?: 'owned' | 'area'; gridCode?: string }, places: string[]): CaseScope {
  const centre = actor.centre;
  if (request.scope === 'area' && request.gridCode === undefined && centre) {
    return { by: 'region', level: centre.level, code: centre.regionCode };
  }
  return { by: 'owner', codes: request.gridCode !== undefined ? [request.gridCode] : places };
}

/** Whether a centre's region holds this grid (read by `_id`): it may list the cases the grid owns. */
async function centreOverGrid(actor: Actor, gridCode: string): Promise<boolean> {
  if (!actor.centre) return false;
  const grid = await findRegion(gridCode);
  return grid?.level === 'grid' && mayOverseeUnit(actor, { level: 'grid', code: gridCode, regionPath: grid.regionPath });
}
