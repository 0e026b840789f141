import type { OrderStatus } from './order-status';

/**
 * The tasks staff post without an order (docs/DESIGN.md, "Service orders (居民点单)"): 环境卫生整治, 政策宣传,
 * and the 党员责任岗 of the seed documents (政策理论宣传, 社情民意收集, 矛盾纠纷调解; 环境卫生整治 is the first).
 */
export const TASK_KINDS = ['sanitation', 'policyPromotion', 'policyTheory', 'opinionGathering', 'mediation'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TASK_KIND_NAMES: Readonly<Record<TaskKind, string>> = {
  sanitation: '环境卫生整治',
  policyPromotion: '政策宣传',
  policyTheory: '政策理论宣传',
  opinionGathering: '社情民意收集',
  mediation: '矛盾纠纷调解',
};

export type OrderEventType =
  | 'booked'
  | 'posted'
  | 'cancelled'
  | 'dispatched'
  | 'served'
  | 'claimed'
  | 'withdrawn'
  | 'completed'
  | 'confirmed'
  | 'disputed'
  | 'settled'
  | 'rated';

/** Who holds the order: a volunteer who claimed it, or a grid worker serving it herself (staff earn nothing for it). */
export type OrderClaimant = { readonly personId: string; readonly as: 'volunteer' | 'staff' };

/** What confirming an order owes its volunteer: service minutes and points, credited once by the ledger (issue 12). */
export type OrderCredit = { readonly personId: string; readonly minutes: number; readonly points: number };

/** What the service is worth, copied onto the order when booked (a later catalogue edit changes no order). */
export type OrderTerms = { readonly minutes: number; readonly points: number };

/** The slot booked: its key in the grid's catalogue and when it starts and ends (epoch ms). */
export type OrderSlot = { readonly key: string; readonly startsAt: number; readonly endsAt: number };

export type OrderRating = { readonly satisfaction: number; readonly comment?: string };

export type OrderEvent = {
  readonly seq: number;
  readonly type: OrderEventType;
  readonly at: number;
  readonly actorId: string;
  readonly status: OrderStatus;
  readonly note?: string;
  readonly photos?: readonly string[];
  readonly decision?: 'done' | 'notDone';
  readonly claimant?: OrderClaimant;
  readonly credit?: OrderCredit;
  readonly rating?: OrderRating;
};

/** A service order (居民点单) or a task posted without one, with its timeline. */
export type ServiceOrder = {
  readonly id: string;
  readonly kind: 'order' | 'task';
  readonly gridCode: string;
  /** The service booked (an order) … */
  readonly serviceCode?: string;
  /** … or the kind of task posted. */
  readonly taskKind?: TaskKind;
  /** The skills it asks of a volunteer (the service's, or those a task is posted with); none: anyone of the grid. */
  readonly skills?: readonly string[];
  /** The service's or the task's name, as people read it. */
  readonly title: string;
  /** The resident who booked it; for a task, the staff member who posted it. */
  readonly requesterId: string;
  /** 代办: booked for an elderly neighbour, who is served instead of the requester. */
  readonly forNeighbour?: { readonly name: string; readonly phone?: string };
  readonly address: string;
  readonly note?: string;
  readonly slot: OrderSlot;
  readonly terms: OrderTerms;
  readonly status: OrderStatus;
  readonly claimant?: OrderClaimant;
  readonly credit?: OrderCredit;
  readonly rating?: OrderRating;
  readonly createdAt: number;
  readonly events: readonly OrderEvent[];
};

/** What a booking or a posting says; the rest is the order's life. */
export type OrderRequest = Pick<ServiceOrder, 'id' | 'gridCode' | 'title' | 'requesterId' | 'address' | 'slot' | 'terms'> &
  Partial<Pick<ServiceOrder, 'forNeighbour' | 'note' | 'skills'>>;

/** A resident's booking (居民点单) of a grid's service: `booked`, with its first event. */
export function newOrder(request: OrderRequest & { readonly serviceCode: string }, now: number): ServiceOrder {
  return started({ ...request, kind: 'order' }, 'booked', now);
}

/** A task a grid worker posts straight into the task hall, without an order: `posted`, with its first event. */
export function newTask(request: OrderRequest & { readonly taskKind: TaskKind }, now: number): ServiceOrder {
  return started({ ...request, kind: 'task' }, 'posted', now);
}

function started(request: OrderRequest & Pick<ServiceOrder, 'kind'>, status: 'booked' | 'posted', now: number): ServiceOrder {
  const event: OrderEvent = { seq: 1, type: status, at: now, actorId: request.requesterId, status };
  return { ...request, status, createdAt: now, events: [event] };
}
