import type { HallItem, ServiceOrder } from '@pingan/shared';
import { orderViewOf } from './order-document';

/** An order or task as the task hall shows it: its view, and what it asks and is worth to a volunteer. */
export function hallItemOf(order: ServiceOrder): HallItem {
  return {
    ...orderViewOf(order),
    ...(order.taskKind !== undefined && { taskKind: order.taskKind }),
    skills: [...(order.skills ?? [])],
    minutes: order.terms.minutes,
    points: order.terms.points,
  };
}
