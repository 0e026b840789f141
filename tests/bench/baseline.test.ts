import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  baselineOf,
  compareFigure,
  compareFigures,
  compareWithBaseline,
  type Figure,
  formatTable,
  readBaseline,
  roundFigure,
  worseRatio,
} from '../../bench/lib/baseline';

const ms = (value: number, extra: Partial<Figure> = {}): Figure => ({ value, unit: 'ms', better: 'lower', ...extra });
const perSecond = (value: number, extra: Partial<Figure> = {}): Figure => ({ value, unit: 'req/s', better: 'higher', ...extra });

describe('worseRatio', () => {
  it('divides now by the baseline when lower is better', () => {
    expect(worseRatio(ms(6), 2)).toBe(3);
    expect(worseRatio(ms(1), 2)).toBe(0.5);
  });

  it('divides the baseline by now when higher is better, so a drop in throughput is worse', () => {
    expect(worseRatio(perSecond(100), 400)).toBe(4);
    expect(worseRatio(perSecond(800), 400)).toBe(0.5);
  });

  it('compares a baseline under the floor as the floor', () => {
    expect(worseRatio(ms(1.5, { floor: 2 }), 0.2)).toBe(1);
    expect(worseRatio(ms(5, { floor: 2 }), 0.2)).toBe(2.5);
  });

  it('compares a value under the floor as the floor', () => {
    expect(worseRatio(ms(0.1, { floor: 2 }), 4)).toBe(0.5);
    expect(worseRatio(perSecond(3, { floor: 10 }), 20)).toBe(2);
  });

  it('calls zero against zero equal', () => {
    expect(worseRatio(ms(0), 0)).toBe(1);
  });

  it('calls a throughput that fell to zero infinitely worse', () => {
    expect(worseRatio(perSecond(0), 5)).toBe(Infinity);
  });
});

describe('compareFigure', () => {
  it('fails a deciding figure more than 3× worse', () => {
    expect(compareFigure('add', perSecond(99), 300).verdict).toBe('worse');
  });

  it('passes a figure exactly 3× worse', () => {
    expect(compareFigure('add', perSecond(100), 300).verdict).toBe('ok');
  });

  it('takes the limit it is given', () => {
    expect(compareFigure('parse', ms(5), 2, 2).verdict).toBe('worse');
    expect(compareFigure('parse', ms(5), 2, 3).verdict).toBe('ok');
  });

  it('never fails an informational figure, however much worse', () => {
    const comparison = compareFigure('p95', ms(100, { informational: true }), 1);
    expect(comparison).toMatchObject({ verdict: 'informational', ratio: 100 });
  });

  it('calls a figure the baseline lacks new, with no ratio', () => {
    expect(compareFigure('fresh', ms(100), undefined)).toMatchObject({ verdict: 'new', ratio: undefined, baseline: undefined });
  });

  it('does not fail a figure that stays under its floor', () => {
    expect(compareFigure('warm', ms(1.9, { floor: 2 }), 0.1).verdict).toBe('ok');
  });
});

describe('compareFigures', () => {
  it('looks each figure up by name and ignores baseline entries no longer measured', () => {
    const verdicts = compareFigures({ a: ms(1), b: ms(10) }, { a: 1, gone: 5 }).map(({ name, verdict }) => [name, verdict]);
    expect(verdicts).toEqual([
      ['a', 'ok'],
      ['b', 'new'],
    ]);
  });

  it('calls every figure new when there is no baseline file', () => {
    expect(compareFigures({ a: ms(1) }, undefined)[0]?.verdict).toBe('new');
  });
});

describe('roundFigure', () => {
  it('keeps three decimals at 1 and above', () => {
    expect(roundFigure(265.38149)).toBe(265.381);
  });

  it('keeps three significant digits under 1, so small timings do not round to 0', () => {
    expect(roundFigure(0.00041234)).toBe(0.000412);
  });
});

describe('baselineOf', () => {
  it('keeps only the rounded values', () => {
    expect(baselineOf({ parse: ms(7.59612), add: perSecond(483) })).toEqual({ parse: 7.596, add: 483 });
  });
});

describe('formatTable', () => {
  it('aligns the columns and marks worse, new and informational rows', () => {
    const table = formatTable(
      compareFigures(
        {
          parse: ms(30),
          'index size': { value: 800, unit: 'KB', better: 'lower', informational: true },
          fresh: ms(1, { note: '2 matched' }),
        },
        {
          parse: 7.5,
          'index size': 787.4,
        },
      ),
    );
    expect(table).toEqual([
      'figure      now  baseline  unit  ratio',
      'parse        30       7.5  ms     4.00  WORSE',
      'index size  800     787.4  KB     1.02  info',
      'fresh         1         —  ms        —  new  2 matched',
    ]);
  });
});

describe('reading and writing bench/baselines', () => {
  let directory: string;
  let log: jest.SpyInstance;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'baseline-test-'));
    log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => {
    log.mockRestore();
    process.exitCode = undefined;
    rmSync(directory, { recursive: true, force: true });
  });

  it('reads no baseline as undefined and rejects one that is not figures', () => {
    expect(readBaseline(join(directory, 'none.json'))).toBeUndefined();
    writeFileSync(join(directory, 'odd.json'), '{"a": {"median": 1}}');
    expect(() => readBaseline(join(directory, 'odd.json'))).toThrow('not a record');
  });

  it('writes the baseline with --write-baseline and does not fail', () => {
    writeFileSync(join(directory, 'demo.json'), '{"parse": 1}');
    expect(compareWithBaseline('demo', { parse: ms(10) }, { directory, argv: ['--write-baseline'] })).toBe(true);
    expect(JSON.parse(readFileSync(join(directory, 'demo.json'), 'utf8'))).toEqual({ parse: 10 });
    expect(process.exitCode).toBeUndefined();
  });

  it('sets a failing exit code when a deciding figure is worse', () => {
    writeFileSync(join(directory, 'demo.json'), '{"parse": 1}');
    expect(compareWithBaseline('demo', { parse: ms(10) }, { directory, argv: [] })).toBe(false);
    expect(process.exitCode).toBe(1);
  });
});
