import { Aggregator } from 'mingo';
import type { ActionHandler } from '../server/module';
import { collectionNameOf, type DatabaseContext } from './database-context';
import { isPlainObject, parseEjson, parseStoredDoc, stringifyDoc, type Doc } from './ejson';
import { badRequest } from './errors';
import { DISTINCT_SAMPLE_STAGE } from './sample-stage';

/**
 * An aggregate() without a `limit` stage returns at most this many rows in CloudBase (not in its docs,
 * which say 100; reported and confirmed in the WeChat developer community; docs/TOOLING.md,
 * "wx-server-sdk / CloudBase"): code that forgets the limit fails here as it would in production.
 */
export const AGGREGATE_DEFAULT_LIMIT = 20;

/**
 * `database.aggregateDocuments`: `stages` is `[{ stageKey: "$match", stageValue: "<EJSON>" }, …]`; the
 * reply is `{ list: [EJSON string, …] }`. mingo runs the pipeline (match, group, sort, limit, skip,
 * project, addFields, unwind, lookup, count, sample, sortByCount, … and geo.ts's $geoNear); `$lookup`
 * reads the other collection through the collection resolver. A leading `$match` is answered through
 * the indexes, like a where().
 */
export function aggregateAction(ctx: DatabaseContext): ActionHandler {
  return (body) => {
    const collection = collectionNameOf(body);
    const now = Date.now();
    const pipeline = stagesOf(body.stages, now);
    const first = pipeline[0];
    const leadingMatch = first && isPlainObject(first.$match) ? first.$match : {};
    const input = ctx.store.scan(collection, leadingMatch).map((row) => parseStoredDoc(row.json));
    let output = new Aggregator(pipeline, ctx.mingo).run<Doc>(input);
    if (!pipeline.some((stage) => '$limit' in stage)) output = output.slice(0, AGGREGATE_DEFAULT_LIMIT);
    return { list: output.map(stringifyDoc) };
  };
}

function stagesOf(stages: unknown, now: number): Doc[] {
  if (!Array.isArray(stages)) throw badRequest('stages must be an array');
  return stages.map((stage: unknown) => {
    if (!isPlainObject(stage) || typeof stage.stageKey !== 'string' || typeof stage.stageValue !== 'string') {
      throw badRequest('each stage needs stageKey and stageValue');
    }
    const name = stage.stageKey === '$sample' ? DISTINCT_SAMPLE_STAGE : stage.stageKey;
    return { [name]: parseEjson(stage.stageValue, now) };
  });
}
