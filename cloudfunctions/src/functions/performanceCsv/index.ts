import { performanceCsvContract } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { performanceCsv, performanceFileName } from '../../performance/performance-csv';
import { overseenUnit } from '../../performance/overseen-unit';
import { performanceTable } from '../../performance/performance-table';

/**
 * `performanceCsv`: `performance`'s table as a CSV file Excel opens (UTF-8 BOM, CRLF, Chinese headers, a
 * 合计 row) and its file name. Round trips: as `performance`.
 */
export const main = defineFunction(performanceCsvContract, async (request, { caller, now }) => {
  const unit = await overseenUnit(caller, request.level, request.code);
  const table = await performanceTable(unit, request, now.getTime());
  return { filename: performanceFileName(unit.name, request.from, request.to, request.by), csv: performanceCsv(table, request.by) };
});
