import { NO_PLACE, shanghaiDateTime, type SettlementSheet, type SheetFigures } from '@pingan/shared';
import { excelCsv, safeFileName, yuanCell, type CsvCell } from '../platform/excel-csv';

/** What a sheet's CSV says of itself: the month, whose part, when it was settled, and the names of places. */
export type SheetHeading = {
  readonly monthKey: string;
  readonly scopeName: string;
  readonly closedAt: number;
  readonly places: ReadonlyMap<string, string>;
};

type Column = { readonly header: string; readonly wholeOnly?: boolean; readonly cell: (figures: SheetFigures, extra: Extra) => CsvCell };
type Extra = { readonly payableFen?: number; readonly carriedFen?: number };

/** The figures' columns, after four of who or where: the whole sheet's (the county's, which pays) has all. */
const FIGURE_COLUMNS: readonly Column[] = [
  { header: '奖励笔数', cell: (f) => f.awards },
  { header: '奖励金额(元)', cell: (f) => yuanCell(f.awardFen) },
  { header: '冲正笔数', cell: (f) => f.reversals },
  { header: '冲正金额(元)', cell: (f) => yuanCell(f.reversalFen) },
  { header: '调整金额(元)', wholeOnly: true, cell: (f) => yuanCell(f.adjustmentFen) },
  { header: '上月结转(元)', wholeOnly: true, cell: (f) => yuanCell(f.carryInFen) },
  { header: '本月合计(元)', cell: (f) => yuanCell(f.totalFen) },
  { header: '应付金额(元)', wholeOnly: true, cell: (_, x) => (x.payableFen === undefined ? '' : yuanCell(x.payableFen)) },
  { header: '结转下月(元)', wholeOnly: true, cell: (_, x) => (x.carriedFen === undefined ? '' : yuanCell(x.carriedFen)) },
];

/**
 * A closed month as the finance office's CSV (excel-csv.ts: UTF-8 BOM, CRLF, RFC 4180, formulas escaped):
 * a title line, then three tables one blank line apart, each ending in 合计 — per informant (id, name,
 * grids, streets, figures, payable, carried on), per grid, per street. Every amount is yuan with two
 * decimals made from integer fen. A street's or community's part has no adjustment, carry or payable
 * columns: those are the person's, settled and paid by the county.
 */
export function settlementMonthCsv(sheet: SettlementSheet, heading: SheetHeading): string {
  const columns = FIGURE_COLUMNS.filter((column) => sheet.whole || !column.wholeOnly);
  const width = 4 + columns.length;
  const name = (code: string) => (code === NO_PLACE ? '' : (heading.places.get(code) ?? code));
  const figures = (f: SheetFigures, extra: Extra = {}) => columns.map((column) => column.cell(f, extra));
  const pad = (cells: CsvCell[]) => [...cells, ...Array<CsvCell>(width - cells.length).fill('')];
  const blank = pad([]);
  const header = ['信息员编号', '姓名', '网格', '街道', ...columns.map((column) => column.header)];
  const placeHeader = (what: '网格' | '街道') =>
    pad([`${what}编码`, what, '', what === '网格' ? '街道' : '', ...placeFigureHeaders(columns)]);
  const title = pad([
    '以奖代补月度结算表',
    heading.monthKey,
    heading.scopeName,
    sheet.whole ? '已结算' : '已结算（本辖区部分：奖励与冲正；调整、结转与应付见县级结算表）',
    `结算完成 ${shanghaiDateTime(heading.closedAt)}`,
  ]);
  const rows: CsvCell[][] = [
    ...sheet.informants.map((line) => [
      line.personId,
      line.name,
      line.gridCodes.map(name).join('、'),
      line.streetCodes.map(name).join('、'),
      ...figures(line.figures, line),
    ]),
    ['合计', `${sheet.informants.length}人`, '', '', ...figures(sheet.total, sheet)],
    blank,
    placeHeader('网格'),
    ...sheet.grids.map((line) =>
      pad([
        line.code === NO_PLACE ? '' : line.code,
        line.code === NO_PLACE ? '不属网格（调整、结转）' : name(line.code),
        '',
        line.streetCode ? name(line.streetCode) : '',
        ...figures(line.figures),
      ]),
    ),
    pad(['合计', '', '', '', ...figures(sheet.total)]),
    blank,
    placeHeader('街道'),
    ...sheet.streets.map((line) =>
      pad([
        line.code === NO_PLACE ? '' : line.code,
        line.code === NO_PLACE ? '不属街道（调整、结转）' : name(line.code),
        '',
        '',
        ...figures(line.figures),
      ]),
    ),
    pad(['合计', '', '', '', ...figures(sheet.total)]),
  ];
  return excelCsv(title.map(String), [blank, header, ...rows]);
}

/** The figure headers of a place table: the informants' without payable and carried on (a person's, not a place's). */
function placeFigureHeaders(columns: readonly Column[]): string[] {
  return columns.map((column) => (column.header === '应付金额(元)' || column.header === '结转下月(元)' ? '' : column.header));
}

/** 以奖代补结算_平安县_2026-11.csv. */
export function settlementFileName(scopeName: string, monthKey: string): string {
  return safeFileName(`以奖代补结算_${scopeName}_${monthKey}.csv`);
}
