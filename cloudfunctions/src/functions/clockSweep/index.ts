import { clockSweepContract } from '@pingan/shared';
import { defineScheduledFunction } from '../../platform/define-scheduled-function';
import { sweepLightNotices } from '../../notifications/light-notices';
import { sweepOwedOrders } from '../../notifications/notify-order';
import { sweepOwed } from '../../notifications/notify-report';

/** Reports, and service orders, whose owed messages one run delivers at most (a crash's; the next run takes the rest). */
const OWED_PAGE = 10;

/**
 * `clockSweep`, on its timer (config.json: every minute), never for a client: tells staff of the light
 * changes now due (已超时, 严重超时, each once: notifications/light-notices.ts), and delivers the messages a
 * crash left owed, reports' and service orders' (notify-report.ts, notify-order.ts), so they wait a minute,
 * not for the next change anywhere in the county. All at once; each reads a page and leaves the rest to the next run.
 */
export const main = defineScheduledFunction(clockSweepContract, async ({ now }) => {
  const [lights, owedReports, owedOrders] = await Promise.all([
    sweepLightNotices(now.getTime()),
    sweepOwed(now.getTime(), OWED_PAGE),
    sweepOwedOrders(now.getTime(), OWED_PAGE),
  ]);
  const more = lights.more || owedReports === OWED_PAGE || owedOrders === OWED_PAGE;
  return { lightNotices: lights.notices, messages: lights.messages, owedDelivered: owedReports + owedOrders, more };
});
