import { Query } from 'mingo';
import { isPlainObject, parseEjsonObject, type Doc } from './ejson';
import { sortByNearSphere } from './geo';
import type { MingoOptions } from './mingo-options';

/** Server-side `get()`: 100 documents unless the request asks for fewer, never more than 1000. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

/** A `database.getDocument` (queryType WHERE) request, decoded. */
export interface FindRequest {
  query: Doc;
  order?: Record<string, 1 | -1>;
  offset: number;
  limit: number;
  projection?: Doc;
}

export function decodeFindRequest(body: Record<string, unknown>, now: number): FindRequest {
  const order = body.order === undefined ? undefined : sortSpec(parseEjsonObject(body.order, now));
  const projection = body.projection === undefined ? undefined : parseEjsonObject(body.projection, now);
  return {
    query: parseEjsonObject(body.query, now),
    order,
    offset: Math.max(0, Math.floor(Number(body.offset) || 0)),
    limit: effectiveLimit(body.limit),
    projection,
  };
}

/** The SDK sends `limit` already capped; a raw request asking for more still gets at most 1000. */
export function effectiveLimit(limit: unknown): number {
  const asked = Math.floor(Number(limit));
  if (!Number.isFinite(asked) || asked <= 0) return DEFAULT_LIMIT;
  return Math.min(asked, MAX_LIMIT);
}

/** Filters, orders (nearest first for `$nearSphere`, then the request's order), pages and projects. */
export function findDocuments(docs: Doc[], request: FindRequest, options: MingoOptions): Doc[] {
  const matched = filterDocuments(docs, request.query, options);
  const nearestFirst = sortByNearSphere(matched, request.query);
  let cursor = new Query({}, options).find<Doc>(nearestFirst, request.projection ?? {});
  if (request.order && Object.keys(request.order).length > 0) cursor = cursor.sort(request.order);
  return cursor.skip(request.offset).limit(request.limit).all();
}

export function filterDocuments(docs: Doc[], query: Doc, options: MingoOptions): Doc[] {
  if (Object.keys(query).length === 0) return docs;
  const compiled = new Query(query, options);
  return docs.filter((doc) => compiled.test(doc));
}

/** Applies a `field()` projection to one document (doc().field().get()). */
export function projectDocument(doc: Doc, projection: Doc | undefined, options: MingoOptions): Doc {
  if (!projection || Object.keys(projection).length === 0) return doc;
  return new Query({}, options).find<Doc>([doc], projection).all()[0] ?? doc;
}

function sortSpec(order: Doc): Record<string, 1 | -1> {
  const spec: Record<string, 1 | -1> = {};
  for (const [field, direction] of Object.entries(order)) {
    if (isPlainObject(direction)) continue;
    spec[field] = Number(direction) < 0 || direction === 'desc' ? -1 : 1;
  }
  return spec;
}
