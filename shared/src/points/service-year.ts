/** Minutes, points and count of a set of credited services. */
export type ServiceFigures = { readonly minutes: number; readonly points: number; readonly tasks: number };

/** A credited service as the year's record counts it: its minutes, its points, and the day it was credited. */
export type CountedService = { readonly minutes: number; readonly points: number; readonly dayKey: string };

export type ServiceYear = {
  readonly totals: ServiceFigures;
  /** Every month of the year, 1 to 12, the empty ones at zero. */
  readonly months: ReadonlyArray<ServiceFigures & { readonly month: number }>;
};

const NONE: ServiceFigures = { minutes: 0, points: 0, tasks: 0 };

function plus(sum: ServiceFigures, service: CountedService): ServiceFigures {
  return { minutes: sum.minutes + service.minutes, points: sum.points + service.points, tasks: sum.tasks + 1 };
}

/**
 * A volunteer's year of service (我的服务记录): the totals and each month's, of the services credited in it
 * (`service` ledger entries, docs/DESIGN.md "Points"). A service counts in the month of its credit's
 * Asia/Shanghai day (`dayKey`), which the caller has already limited to the year.
 */
export function serviceYearOf(services: readonly CountedService[]): ServiceYear {
  const months = Array.from({ length: 12 }, () => NONE);
  for (const service of services) {
    const index = Number(service.dayKey.slice(5, 7)) - 1;
    months[index] = plus(months[index] ?? NONE, service);
  }
  return {
    totals: services.reduce(plus, NONE),
    months: months.map((figures, index) => ({ month: index + 1, ...figures })),
  };
}
