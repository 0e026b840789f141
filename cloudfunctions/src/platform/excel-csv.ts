import { yuanText } from '@pingan/shared';
import { stringify } from 'csv-stringify/sync';

/** Money for a cell: yuan with two decimals, made from integer fen (yuanCell). */
export type YuanCell = { readonly yuan: string };

/** A cell of a table for Excel: text as shown, a number, or money in yuan. */
export type CsvCell = string | number | YuanCell;

/** A cell of money in yuan with two decimals from integer fen (-50 → -0.50): a number to Excel, never a formula. */
export function yuanCell(fen: number): YuanCell {
  return { yuan: yuanText(fen) };
}

/**
 * A table as a CSV file Excel opens as it is, Chinese text included: UTF-8 with a byte-order mark (without
 * it Excel reads the bytes as the system's ANSI code page, GBK on a Chinese Windows, and the headers come
 * out garbled), CRLF line ends, quoting where RFC 4180 needs it, and a cell that would start a formula
 * (= + - @, tab, CR) prefixed with a quote so Excel shows it instead of running it; money (yuanCell) is
 * written as its yuan digits, a negative amount too. The one CSV writer of the functions (工作考核, 以奖代补结算).
 */
export function excelCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([header, ...rows] as CsvCell[][], {
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
    // A yuan amount is digits made by yuanText: its minus sign starts a number, not a formula.
    cast: { object: (value) => ({ value: (value as YuanCell).yuan, escape_formulas: false }) },
  });
}

/** A file name safe on Windows, macOS and in a download header: the characters none of them allow replaced. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
}
