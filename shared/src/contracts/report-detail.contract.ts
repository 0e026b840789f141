import * as z from 'zod/mini';
import { reportRefSchema } from './common.schema';
import { contract } from './contract';
import { reportDetailSchema } from './report-view.schema';

/** `reportDetail`: one report with its timeline, for its reporter or for staff who may see it. */
export const reportDetailContract = contract('reportDetail', reportRefSchema, z.object({ report: reportDetailSchema }));
