import type { Query } from 'mingo';
import { withGeoOperators } from './geo';
import { sampleStageContext } from './sample-stage';

export type MingoOptions = NonNullable<ConstructorParameters<typeof Query>[1]>;

/**
 * The options every mingo Query and Aggregator of the database gets: MongoDB's `_id`, the geo operators
 * (geo.ts), MongoDB's `$sample` (sample-stage.ts), and a resolver for `$lookup`/`$graphLookup`/
 * `$unionWith`, which read other collections.
 */
export function mingoOptionsFor(readCollection: (name: string) => Array<Record<string, unknown>>): MingoOptions {
  // No $where / $function / $accumulator: they would run caller-supplied JavaScript inside the server.
  return withGeoOperators({ idKey: '_id', collectionResolver: readCollection, context: sampleStageContext, scriptEnabled: false });
}
