import { randomInt } from 'node:crypto';
import { Aggregator, Context } from 'mingo';
import { isPlainObject } from './ejson';
import type { MingoOptions } from './mingo-options';

/**
 * `$sample` as MongoDB (and so CloudBase) does it: `size` distinct documents, or all of them, shuffled,
 * when there are fewer. mingo's own `$sample` draws with replacement, so it repeats documents and
 * returns `size` rows from fewer; it cannot be overridden by name, so pipelines use this stage instead.
 */
export const DISTINCT_SAMPLE_STAGE = '$sampleDistinct';

type DocStream = ReturnType<Aggregator['stream']>;

function $sampleDistinct(collection: DocStream, expr: unknown, _options: MingoOptions): DocStream {
  const size = isPlainObject(expr) ? Math.max(0, Math.floor(Number(expr.size) || 0)) : 0;
  return collection.transform((docs: Array<Record<string, unknown>>) => {
    const pool = [...docs];
    for (let i = pool.length - 1; i > 0; i -= 1) {
      const j = randomInt(i + 1);
      [pool[i], pool[j]] = [pool[j] as Record<string, unknown>, pool[i] as Record<string, unknown>];
    }
    // An aggregation without stages streams its input as it is: mingo's way to make a stream of an array.
    return new Aggregator([]).stream(pool.slice(0, size));
  });
}

type OperatorTable = NonNullable<Parameters<typeof Context.init>[0]>;
const operators: OperatorTable = { pipeline: { $sampleDistinct } };

export const sampleStageContext: Context = Context.init(operators);
