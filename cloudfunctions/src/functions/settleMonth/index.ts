import { settleMonthContract } from '@pingan/shared';
import { defineScheduledFunction } from '../../platform/define-scheduled-function';
import { runMonthlySettlement } from '../../points/monthly-settlement-run';

/**
 * `settleMonth`, on its timer (config.json: every 10 minutes on the 1st of each month), never for a client:
 * closes the previous Asia/Shanghai month's money, a page of informants a run (points/monthly-settlement-run.ts).
 */
export const main = defineScheduledFunction(settleMonthContract, async ({ now }) => runMonthlySettlement(now.getTime()));
