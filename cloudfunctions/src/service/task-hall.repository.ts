import { TASK_MINUTES_MAX, type HallScope } from '@pingan/shared';
import type { Page, PageRead } from '../platform/page-cursor';
import { readKeysetPage } from '../platform/page-cursor';
import { db } from '../platform/sdk';
import type { OrderDoc } from './order-document';

/**
 * One page of a task hall: the orders and tasks waiting in the scope's grids (`posted`) whose slot has not
 * ended, asking for a skill the volunteer has or none (staff: any), the soonest first, on `grid_status_slot`
 * (one ordered stream per grid, merged; a task whose skills do not suit is read and passed over).
 */
export function hallPage(scope: HallScope, now: number, page: PageRead): Promise<Page<OrderDoc>> {
  const _ = db().command;
  const gridCode = scope.gridCodes.length === 1 ? scope.gridCodes[0] : _.in([...scope.gridCodes]);
  // Slots last at most TASK_MINUTES_MAX: none starting earlier can still be running.
  const open = { gridCode, status: 'posted', 'slot.startsAt': _.gt(now - TASK_MINUTES_MAX * 60_000), 'slot.endsAt': _.gt(now) };
  const suited = scope.skills === 'any' ? [] : [_.or([{ skills: _.in([...scope.skills]) }, { skills: _.exists(false) }])];
  return readKeysetPage<OrderDoc>(
    { collection: 'serviceOrders', where: suited.length > 0 ? _.and([open, ...suited]) : open, orderBy: 'slot.startsAt', direction: 'asc' },
    page,
  );
}
