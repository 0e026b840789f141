import { stringify } from 'csv-stringify/sync';

/** A cell of a table for Excel: text as shown, or a number. */
export type CsvCell = string | number;

/**
 * A table as a CSV file Excel opens as it is, Chinese text included: UTF-8 with a byte-order mark (without
 * it Excel reads the bytes as the system's ANSI code page, GBK on a Chinese Windows, and the headers come
 * out garbled), CRLF line ends, quoting where RFC 4180 needs it, and a cell that would start a formula
 * (= + - @, tab, CR) prefixed with a quote so Excel shows it instead of running it. The one CSV writer of
 * the functions (工作考核 now, the settlement export after it).
 */
export function excelCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([header, ...rows] as CsvCell[][], { bom: true, record_delimiter: 'windows', escape_formulas: true });
}

/** A file name safe on Windows, macOS and in a download header: the characters none of them allow replaced. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
}
