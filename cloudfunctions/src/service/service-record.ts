import { isGridVolunteer, serviceYearOf, shanghaiDayKey, type ServiceRecord, type ServiceRecordTask } from '@pingan/shared';
import type { LedgerDoc } from '../points/points-ledger.repository';
import type { KnownCaller } from '../users/caller';
import type { ServedOrder } from './service-record.repository';

/** The grids the person volunteers in (网格报到 approved). */
export function volunteerGridsOf(me: KnownCaller): string[] {
  return me.actor.gridCodes.filter((gridCode) => isGridVolunteer(me.actor, gridCode));
}

/** A credited service as the record lists it: the order's title, served day and grid, never its requester. */
function taskOf(credit: LedgerDoc, order: ServedOrder | undefined, names: ReadonlyMap<string, string>): ServiceRecordTask {
  const gridName = order && names.get(order.gridCode);
  return {
    orderId: credit.orderId ?? credit._id.replace(/^service:/, ''),
    title: order?.title ?? '志愿服务',
    servedOn: order ? shanghaiDayKey(order.slot.startsAt) : credit.dayKey,
    creditedOn: credit.dayKey,
    ...(order && { gridCode: order.gridCode }),
    ...(gridName !== undefined && { gridName }),
    minutes: credit.minutes ?? 0,
    points: credit.amount,
  };
}

/**
 * 我的服务记录 of a year from its credits (the latest first), their orders and the places' names: the
 * person's name and volunteer grids, the totals and months (shared serviceYearOf), and the services.
 */
export function serviceRecordOf(
  me: KnownCaller | undefined,
  year: number,
  credits: readonly LedgerDoc[],
  orders: ReadonlyMap<string, ServedOrder>,
  names: ReadonlyMap<string, string>,
  now: number,
): ServiceRecord {
  const counted = credits.map((credit) => ({ minutes: credit.minutes ?? 0, points: credit.amount, dayKey: credit.dayKey }));
  const { totals, months } = serviceYearOf(counted);
  return {
    year,
    name: me?.user.name ?? '',
    grids: (me ? volunteerGridsOf(me) : []).map((code) => ({ code, name: names.get(code) ?? code })),
    totals,
    months: [...months],
    tasks: credits.map((credit) => taskOf(credit, credit.orderId === undefined ? undefined : orders.get(credit.orderId), names)),
    issuedAt: now,
  };
}
