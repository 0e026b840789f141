import { permilleText, shanghaiDayKey, shanghaiMonthsUpTo, type PerformanceGrouping, type PerformanceRow } from '@pingan/shared';
import { excelCsv, safeFileName, type CsvCell } from '../platform/excel-csv';
import type { PerformanceTable } from './performance-table';

const NONE = '—';

/** The columns of the export, in the order a 工作考核 sheet reads: header and how a row fills it. */
const COLUMNS: readonly [string, (row: PerformanceRow) => CsvCell][] = [
  ['收件', (row) => row.figures.received],
  ['受理', (row) => row.figures.accepted],
  ['有效上报率', (row) => permilleText(row.figures.validReportPermille)],
  ['办结', (row) => row.figures.closed],
  ['办结率', (row) => permilleText(row.figures.closedPermille)],
  ['按期办结率', (row) => permilleText(row.figures.onTimePermille)],
  ['评价', (row) => row.figures.rated],
  ['满意率', (row) => permilleText(row.figures.satisfiedPermille)],
  ['平均办理时长(小时)', (row) => (row.figures.averageHandlingHours === null ? NONE : row.figures.averageHandlingHours.toFixed(1))],
  ['返工率', (row) => permilleText(row.figures.reworkPermille)],
  ['上报上级', (row) => row.figures.escalated],
  ['督办', (row) => row.figures.supervised],
  ['督办回复', (row) => row.figures.supervisionAnswered],
  ['督办回复率', (row) => permilleText(row.figures.supervisionAnsweredPermille)],
  ['在办', (row) => row.open.running],
  ['已超时', (row) => row.open.overdue],
  ['红灯', (row) => row.open.red],
];

/** The first column's header: what a row is. */
const ROW_HEADER: Record<PerformanceGrouping, string> = { units: '单位', workers: '人员' };

/**
 * A 工作考核 table as an Excel CSV (excel-csv.ts): a row per child unit or worker, then 合计 (the unit's
 * whole); rates as percentages with one decimal, "—" where there was nothing to divide by.
 */
export function performanceCsv(table: PerformanceTable, by: PerformanceGrouping): string {
  const line = (label: string, row: PerformanceRow) => [label, ...COLUMNS.map(([, cell]) => cell(row))];
  return excelCsv(
    [ROW_HEADER[by], ...COLUMNS.map(([header]) => header)],
    [...table.rows.map((row) => line(row.name, row)), line('合计', table.total)],
  );
}

/**
 * The file name: 工作考核_城关镇_2026-11.csv for a whole Asia/Shanghai month, else the first and last day
 * (工作考核_城关镇_2026-11-03至2026-11-20.csv); 人员 before the period for the table per worker.
 */
export function performanceFileName(unitName: string, from: number, to: number, by: PerformanceGrouping): string {
  const month = shanghaiMonthsUpTo(from, 1)[0];
  const period = month && month.from === from && month.to === to ? month.month : `${shanghaiDayKey(from)}至${shanghaiDayKey(to - 1)}`;
  return safeFileName(['工作考核', unitName, ...(by === 'workers' ? ['人员'] : []), period].join('_') + '.csv');
}
