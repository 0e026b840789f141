import * as z from 'zod/mini';
import { contract } from './contract';

/**
 * What a timer trigger hands a scheduled function (docs/TOOLING.md, "CloudBase deployment shapes"): the
 * trigger's name and the scheduled instant, in UTC to the second. SCF's own documents spell the type
 * `Timer` where CloudBase's spell it `timer`: both are taken. The platform's optional `Message` is dropped.
 */
export const timerEventSchema = z.object({
  Type: z.enum(['timer', 'Timer']),
  TriggerName: z.string().check(z.minLength(1), z.maxLength(60)),
  Time: z.iso.datetime(),
});

/**
 * `clockSweep`, the scheduled sweep (docs/DESIGN.md, "Telling people"): never called by a client (any
 * OPENID is refused). It answers what it did, which only the platform's log and the tests read.
 */
export const clockSweepContract = contract(
  'clockSweep',
  timerEventSchema,
  z.object({
    /** Light changes told (已超时, 严重超时), and the messages they made. */
    lightNotices: z.int().check(z.nonnegative()),
    messages: z.int().check(z.nonnegative()),
    /** Help calls sent a level up because nobody answered in time (一键求助). */
    helpEscalated: z.int().check(z.nonnegative()),
    /** Reports, service orders and help calls whose owed messages (a crash's) were delivered. */
    owedDelivered: z.int().check(z.nonnegative()),
    /** A full page was due: the next run goes on where this one stopped. */
    more: z.boolean(),
  }),
);

export type TimerEvent = z.infer<typeof timerEventSchema>;
