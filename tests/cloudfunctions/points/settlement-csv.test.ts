import { settlementSheet, type SettlementRow, type SheetStatement } from '@pingan/shared';
import { parse } from 'csv-parse/sync';
import { excelCsv, yuanCell } from '../../../cloudfunctions/src/platform/excel-csv';
import { settlementFileName, settlementMonthCsv } from '../../../cloudfunctions/src/points/settlement-csv';

const G1 = '410399001001-03';
const G2 = '410399002001-05';
const PLACES = new Map([
  [G1, '城关社区第3网格'],
  [G2, '河东社区第5网格'],
  ['410399001', '城关街道'],
  ['410399002', '河东街道'],
]);
const HEADING = { monthKey: '2026-11', scopeName: '平安县', closedAt: Date.parse('2026-12-01T00:20:00+08:00'), places: PLACES };

function row(entryId: string, kind: SettlementRow['kind'], amountFen: number, gridCode?: string): SettlementRow {
  return { entryId, dayKey: '2026-11-10', kind, amountFen, ...(gridCode && { gridCode, streetCode: gridCode.slice(0, 9) }) };
}
function statement(personId: string, name: string, rows: SettlementRow[]): SheetStatement {
  const totalFen = rows.reduce((sum, r) => sum + r.amountFen, 0);
  return { personId, name, rows, totalFen, payableFen: Math.max(0, totalFen), carriedFen: Math.min(0, totalFen) };
}

const STATEMENTS = [
  statement('u-informant-01', '李明', [
    row('award:r1', 'award', 500, G1),
    row('reversal:r1', 'reversal', -500, G1),
    row('adjustment:u:k', 'adjustment', 5),
  ]),
  statement('u-informant-02', '黄晓峰', [row('award:r2', 'award', 50, G2), row('carry:u2:2026-11', 'carry', -199)]),
  statement('u-x', '=HYPERLINK("http://x")', [row('award:r3', 'award', 1234, G2)]),
  statement('u-y', '王,"小"明\n二', [row('award:r4', 'award', 7, G1)]),
];

const parsed = (csv: string) => parse(csv, { bom: true, relax_column_count: false }) as string[][];

describe('settlementMonthCsv', () => {
  const csv = settlementMonthCsv(settlementSheet(STATEMENTS, 'all'), HEADING);
  const records = parsed(csv);

  it('is UTF-8 with a BOM, CRLF line ends, every record as wide as the informants’ table', () => {
    expect(csv.startsWith('\uFEFF以奖代补月度结算表,2026-11,平安县,已结算,结算完成 2026年12月01日 00:20,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '').replace('"王,""小""明\n二"', '')).not.toMatch(/[\r\n]/);
    expect(new Set(records.map((r) => r.length))).toEqual(new Set([13]));
  });

  it('writes a line per informant in yuan with two decimals from fen, negative amounts as numbers, and a 合计', () => {
    expect(records[2]).toEqual([
      '信息员编号',
      '姓名',
      '网格',
      '街道',
      '奖励笔数',
      '奖励金额(元)',
      '冲正笔数',
      '冲正金额(元)',
      '调整金额(元)',
      '上月结转(元)',
      '本月合计(元)',
      '应付金额(元)',
      '结转下月(元)',
    ]);
    expect(records[3]).toEqual([
      'u-informant-01',
      '李明',
      '城关社区第3网格',
      '城关街道',
      '1',
      '5.00',
      '1',
      '-5.00',
      '0.05',
      '0.00',
      '0.05',
      '0.05',
      '0.00',
    ]);
    expect(records.find((r) => r[0] === 'u-informant-02')).toEqual([
      'u-informant-02',
      '黄晓峰',
      '河东社区第5网格',
      '河东街道',
      '1',
      '0.50',
      '0',
      '0.00',
      '0.00',
      '-1.99',
      '-1.49',
      '0.00',
      '-1.49',
    ]);
    expect(csv).toContain('\r\n合计,4人,,,4,17.91,1,-5.00,0.05,-1.99,10.97,12.46,-1.49\r\n');
  });

  it('quotes what RFC 4180 needs and guards a name that would run as a formula', () => {
    expect(csv).toContain(`u-x,"'=HYPERLINK(""http://x"")"`);
    expect(records.find((r) => r[0] === 'u-x')?.[1]).toBe(`'=HYPERLINK("http://x")`);
    expect(records.find((r) => r[0] === 'u-y')?.[1]).toBe('王,"小"明\n二');
  });

  it('then totals per grid and per street, the rows of no place apart, each table summing to the same total', () => {
    const gridHeader = records.findIndex((r) => r[0] === '网格编码');
    const streetHeader = records.findIndex((r) => r[0] === '街道编码');
    expect(records[gridHeader]?.slice(0, 4)).toEqual(['网格编码', '网格', '', '街道']);
    expect(records.slice(gridHeader + 1, gridHeader + 4).map((r) => [r[0], r[1], r[3], r[10]])).toEqual([
      [G1, '城关社区第3网格', '城关街道', '0.07'],
      [G2, '河东社区第5网格', '河东街道', '12.84'],
      ['', '不属网格（调整、结转）', '', '-1.94'],
    ]);
    expect(records.slice(streetHeader + 1, streetHeader + 5).map((r) => [r[0], r[1], r[10]])).toEqual([
      ['410399001', '城关街道', '0.07'],
      ['410399002', '河东街道', '12.84'],
      ['', '不属街道（调整、结转）', '-1.94'],
      ['合计', '', '10.97'],
    ]);
  });

  it('gives a street’s part without adjustment, carry or payable columns', () => {
    const street = parsed(settlementMonthCsv(settlementSheet(STATEMENTS, new Set([G2])), { ...HEADING, scopeName: '河东街道' }));
    expect(street[2]).toEqual([
      '信息员编号',
      '姓名',
      '网格',
      '街道',
      '奖励笔数',
      '奖励金额(元)',
      '冲正笔数',
      '冲正金额(元)',
      '本月合计(元)',
    ]);
    expect(street.filter((r) => r[0] === '合计').map((r) => r[8])).toEqual(['12.84', '12.84', '12.84']);
    expect(street[0]?.[3]).toContain('本辖区部分');
  });

  it('names the file for the scope and month', () => {
    expect(settlementFileName('平安县', '2026-11')).toBe('以奖代补结算_平安县_2026-11.csv');
  });
});

describe('yuanCell', () => {
  it('writes every fen from -999 to 999 as yuan digits Excel reads as a number, never prefixed as a formula', () => {
    const fens = Array.from({ length: 1999 }, (_, i) => i - 999);
    const records = parse(
      excelCsv(
        ['元'],
        fens.map((fen) => [yuanCell(fen)]),
      ),
      { bom: true, from_line: 2 },
    ) as string[][];
    const yuan = (fen: number) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
    expect(records.map((r) => r[0])).toEqual(fens.map(yuan));
    expect(records.every((r) => /^-?\d+\.\d{2}$/.test(r[0] as string))).toBe(true);
  });

  it('still guards a text cell that starts with a minus', () => {
    expect(excelCsv(['a'], [['-1+1'], [yuanCell(-1)]])).toBe("\uFEFFa\r\n'-1+1\r\n-0.01\r\n");
  });
});
