/**
 * The one baseline comparison every bench uses. A bench measures, then hands its figures to
 * `compareWithBaseline(name, figures)`, which prints them against bench/baselines/<name>.json and sets
 * process.exitCode = 1 if a deciding figure is more than 3× worse. `--write-baseline` makes this run the
 * baseline. Speed and size goals live here, never in timed unit tests: the machines are shared and noisy.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';

export interface Figure {
  value: number;
  unit: string;
  better: 'lower' | 'higher';
  /** Values below it (now and baseline alike) are compared as it: down there noise, not the code, decides. */
  floor?: number;
  /** Printed with its ratio but never fails the bench: a p95 of few samples, a size, a single first call. */
  informational?: boolean;
  /** Context printed after the row, never compared, e.g. how many documents a query matched. */
  note?: string;
}
export type Figures = Record<string, Figure>;
/** What bench/baselines/<name>.json holds: each figure's value when the baseline was written. */
export type Baseline = Record<string, number>;

export type Verdict = 'ok' | 'worse' | 'new' | 'informational';
export interface Comparison {
  name: string;
  figure: Figure;
  baseline: number | undefined;
  /** How many times worse than the baseline: above 1 is worse, below 1 better, whichever way is better. */
  ratio: number | undefined;
  verdict: Verdict;
}

export interface BaselineOptions {
  /** A deciding figure fails when its ratio is above this. */
  maxWorse?: number;
  argv?: readonly string[];
  directory?: string;
}

export const DEFAULT_MAX_WORSE = 3;
const BASELINES_DIR = join(__dirname, '..', 'baselines');

/** How many times worse `figure` is than `baseline`, both raised to the figure's floor first. */
export function worseRatio(figure: Figure, baseline: number): number {
  const now = Math.max(figure.value, figure.floor ?? -Infinity);
  const then = Math.max(baseline, figure.floor ?? -Infinity);
  if (now === then) return 1; // also 0 against 0, which would divide to NaN
  return figure.better === 'lower' ? now / then : then / now;
}

/** One figure against its baseline value; a figure the baseline lacks is new and never fails. */
export function compareFigure(name: string, figure: Figure, baseline: number | undefined, maxWorse = DEFAULT_MAX_WORSE): Comparison {
  if (baseline === undefined) return { name, figure, baseline, ratio: undefined, verdict: 'new' };
  const ratio = worseRatio(figure, baseline);
  const verdict = figure.informational ? 'informational' : ratio > maxWorse ? 'worse' : 'ok';
  return { name, figure, baseline, ratio, verdict };
}

export function compareFigures(figures: Figures, baseline: Baseline | undefined, maxWorse = DEFAULT_MAX_WORSE): Comparison[] {
  return Object.entries(figures).map(([name, figure]) => compareFigure(name, figure, baseline?.[name], maxWorse));
}

/** Three decimals, but at least three significant digits for values under 1 (0.000412 stays 0.000412). */
export function roundFigure(value: number): number {
  return Math.abs(value) >= 1 || value === 0 || !Number.isFinite(value) ? Number(value.toFixed(3)) : Number(value.toPrecision(3));
}

export function baselineOf(figures: Figures): Baseline {
  return Object.fromEntries(Object.entries(figures).map(([name, figure]) => [name, roundFigure(figure.value)]));
}

const VERDICT_NOTE: Record<Verdict, string> = { ok: '', worse: 'WORSE', new: 'new', informational: 'info' };

/** The comparisons as an aligned table: figure, now, baseline, unit, ratio, then verdict and note. */
export function formatTable(comparisons: readonly Comparison[]): string[] {
  const cells = comparisons.map(({ name, figure, baseline, ratio, verdict }) => [
    name,
    String(roundFigure(figure.value)),
    baseline === undefined ? '—' : String(baseline),
    figure.unit,
    ratio === undefined ? '—' : ratio.toFixed(2),
    [VERDICT_NOTE[verdict], figure.note ?? ''].filter(Boolean).join('  '),
  ]);
  const header = ['figure', 'now', 'baseline', 'unit', 'ratio', ''];
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((row) => (row[column] ?? '').length)));
  const rightAligned = new Set([1, 2, 4]);
  const line = (row: string[]) =>
    row
      .map((cell, column) => (rightAligned.has(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...cells.map(line)];
}

/** The baseline file's figures, or undefined if there is none yet. */
export function readBaseline(file: string): Baseline | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const parsed: unknown = JSON.parse(text);
  const isBaseline = typeof parsed === 'object' && parsed !== null && Object.values(parsed).every((value) => typeof value === 'number');
  if (!isBaseline) throw new Error(`${file} is not a record of figure names to numbers`);
  return parsed as Baseline;
}

/**
 * Prints `figures` against bench/baselines/<bench>.json and returns whether every deciding figure is
 * within `maxWorse` of it; if not, sets process.exitCode = 1. With --write-baseline the table compares
 * with the old baseline, then this run replaces it and nothing fails.
 */
export function compareWithBaseline(bench: string, figures: Figures, options: BaselineOptions = {}): boolean {
  const { maxWorse = DEFAULT_MAX_WORSE, argv = process.argv, directory = BASELINES_DIR } = options;
  const file = join(directory, `${bench}.json`);
  const shown = relative(process.cwd(), file);
  const baseline = readBaseline(file);
  const comparisons = compareFigures(figures, baseline, maxWorse);
  // A busy machine slows everything; the load average tells it from a regression.
  console.log(
    `${bench}: load ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')} on ${cpus().length} cores; ratio = times worse than ${shown}`,
  );
  for (const row of formatTable(comparisons)) console.log(row);
  const gone = Object.keys(baseline ?? {}).filter((name) => !(name in figures));
  if (gone.length > 0) console.log(`in the baseline but not measured: ${gone.join(', ')}`);

  if (argv.includes('--write-baseline')) {
    mkdirSync(directory, { recursive: true });
    writeFileSync(file, `${JSON.stringify(baselineOf(figures), null, 2)}\n`);
    console.log(`${bench}: wrote ${shown}${baseline === undefined ? '' : ' (the ratios above are against the one it replaces)'}`);
    return true;
  }
  const worse = comparisons.filter((comparison) => comparison.verdict === 'worse');
  if (worse.length > 0) {
    console.log(`${bench}: WORSE: more than ${maxWorse}× worse than ${shown}: ${worse.map((comparison) => comparison.name).join(', ')}`);
    process.exitCode = 1;
    return false;
  }
  const verdict =
    baseline === undefined ? `no baseline yet, run with --write-baseline` : `every deciding figure within ${maxWorse}× of ${shown}`;
  console.log(`${bench}: ok, ${verdict}`);
  return true;
}
