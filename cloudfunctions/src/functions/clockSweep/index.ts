import { clockSweepContract } from '@pingan/shared';
import { sweepHelpEscalations } from '../../help/help-escalation';
import { sweepOwedHelp } from '../../help/help-notify';
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
 * not for the next change anywhere in the county; and sends help calls nobody answered in time a level up
 * (help/help-escalation.ts, 一键求助). All at once; each reads a page and leaves the rest to the next run.
 */
export const main = defineScheduledFunction(clockSweepContract, async ({ now }) => {
  const [lights, owedReports, owedOrders, help, owedHelp] = await Promise.all([
    sweepLightNotices(now.getTime()),
    sweepOwed(now.getTime(), OWED_PAGE),
    sweepOwedOrders(now.getTime(), OWED_PAGE),
    sweepHelpEscalations(now.getTime()),
    sweepOwedHelp(now.getTime(), OWED_PAGE),
  ]);
  const more = lights.more || help.more || [owedReports, owedOrders, owedHelp].includes(OWED_PAGE);
  const owedDelivered = owedReports + owedOrders + owedHelp;
  return { lightNotices: lights.notices, messages: lights.messages, helpEscalated: help.escalated, owedDelivered, more };
});
