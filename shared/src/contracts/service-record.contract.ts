import * as z from 'zod/mini';
import { epochMsSchema, gridCodeSchema, idSchema } from './common.schema';
import { contract } from './contract';

/** The years a service record can be asked for (the platform began in 2026; a bound keeps the query sane). */
export const SERVICE_RECORD_YEAR_MIN = 2020;
export const SERVICE_RECORD_YEAR_MAX = 2100;

const dayKeySchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

/** Minutes, points and count of credited services. */
export const serviceFiguresSchema = z.object({
  minutes: z.int().check(z.nonnegative()),
  points: z.int(),
  tasks: z.int().check(z.nonnegative()),
});

/**
 * One credited service: what it was, the day it was served and the day it was credited, and the requester's
 * grid — never the requester's name, address or note (the record is shown to others).
 */
export const serviceRecordTaskSchema = z.object({
  orderId: idSchema,
  title: z.string(),
  servedOn: dayKeySchema,
  creditedOn: dayKeySchema,
  gridCode: z.optional(gridCodeSchema),
  gridName: z.optional(z.string()),
  minutes: z.int().check(z.nonnegative()),
  points: z.int(),
});

/**
 * `myServiceRecord` (我的服务记录): the caller's year of volunteer service as the ledger credits it — the
 * year's totals, each month's, and the services, the latest credited first — with their name and the grids
 * they volunteer in, for a record they can show. The year is Asia/Shanghai's, this one by default.
 */
export const myServiceRecordContract = contract(
  'myServiceRecord',
  z.object({ year: z.optional(z.int().check(z.gte(SERVICE_RECORD_YEAR_MIN), z.lte(SERVICE_RECORD_YEAR_MAX))) }),
  z.object({
    year: z.int(),
    name: z.string(),
    grids: z.array(z.object({ code: gridCodeSchema, name: z.string() })),
    totals: serviceFiguresSchema,
    months: z.array(z.extend(serviceFiguresSchema, { month: z.int().check(z.gte(1), z.lte(12)) })),
    tasks: z.array(serviceRecordTaskSchema),
    /** When the record was made: the date it is issued on. */
    issuedAt: epochMsSchema,
  }),
);

export type ServiceRecord = z.infer<typeof myServiceRecordContract.response>;
export type ServiceRecordTask = z.infer<typeof serviceRecordTaskSchema>;
