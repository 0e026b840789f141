import { Query } from 'mingo';
import type { ActionHandler } from '../server/module';
import { collectionNameOf, documentIdOf, insertedDocumentsOf, isDocumentQuery, type DatabaseContext } from './database-context';
import type { StoredRow } from './document-store';
import { parseEjsonObject, parseStoredDoc, stringifyDoc, type Doc } from './ejson';
import { decodeFindRequest, filterDocuments, findDocuments, projectDocument } from './find';
import { createdDocument, modifyDocument, newDocumentId } from './modification';

/**
 * The database actions outside transactions. Replies are the `data` the SDK reads:
 * insertDocument → { insertedIds }, getDocument → { list: [EJSON string, …], offset, limit },
 * calculateDocument → { total }, modifyDocument → { updated, upsert_id? }, removeDocument → { deleted }.
 * Each handler runs synchronously, so it is atomic with respect to every other request.
 */
export function documentActions(ctx: DatabaseContext): Record<string, ActionHandler> {
  return {
    'database.addCollection': (body) => {
      ctx.store.createCollection(collectionNameOf(body));
      return {};
    },
    'database.insertDocument': (body) => insertDocuments(ctx, body),
    'database.getDocument': (body) => getDocuments(ctx, body),
    'database.calculateDocument': (body) => countDocuments(ctx, body),
    'database.modifyDocument': (body) => modifyDocuments(ctx, body),
    'database.removeDocument': (body) => removeDocuments(ctx, body),
  };
}

function insertDocuments(ctx: DatabaseContext, body: Record<string, unknown>) {
  const collection = collectionNameOf(body);
  const now = Date.now();
  const docs = insertedDocumentsOf(body, now).map(({ _id, ...fields }) => ({ _id: _id ?? newDocumentId(now), ...fields }));
  ctx.store.requireCollection(collection);
  ctx.store.atomically(() => docs.forEach((doc) => ctx.store.insert(collection, doc)));
  return { insertedIds: docs.map((doc) => doc._id) };
}

function getDocuments(ctx: DatabaseContext, body: Record<string, unknown>) {
  const collection = collectionNameOf(body);
  const now = Date.now();
  const request = decodeFindRequest(body, now);
  if (isDocumentQuery(body)) {
    const row = ctx.store.getById(collection, documentIdOf(request.query));
    if (!row) return { list: [] };
    if (!request.projection) return { list: [row.json] };
    return { list: [stringifyDoc(projectDocument(parseStoredDoc(row.json), request.projection, ctx.mingo))] };
  }
  const accept = matcher(request.query, ctx);
  const want = request.offset + request.limit;
  const indexed = ctx.store.indexScan(collection, { query: request.query, order: request.order, accept, want });
  const docs = indexed ?? ctx.store.scan(collection, request.query).map((row) => parseStoredDoc(row.json));
  const found = findDocuments(docs, request, ctx.mingo);
  return { list: found.map(stringifyDoc), offset: request.offset, limit: request.limit };
}

function countDocuments(ctx: DatabaseContext, body: Record<string, unknown>) {
  const collection = collectionNameOf(body);
  const query = parseEjsonObject(body.query);
  const indexed = ctx.store.indexCount(collection, { query, accept: matcher(query, ctx) });
  if (indexed !== undefined) return { total: indexed };
  const docs = ctx.store.scan(collection, query).map((row) => parseStoredDoc(row.json));
  return { total: filterDocuments(docs, query, ctx.mingo).length };
}

/** The query's test of one document (mingo), for the compound index scans. */
function matcher(query: Doc, ctx: DatabaseContext): (doc: Doc) => boolean {
  const compiled = new Query(query, ctx.mingo);
  return (doc) => compiled.test(doc);
}

interface Target {
  row: StoredRow;
  doc: Doc;
}

/** The documents a modify/remove acts on: the one `_id` (DOC), or the matches of a where (first only unless multi). */
function targetsOf(ctx: DatabaseContext, body: Record<string, unknown>, collection: string, query: Doc): Target[] {
  if (isDocumentQuery(body)) {
    const row = ctx.store.getById(collection, documentIdOf(query));
    return row ? [{ row, doc: parseStoredDoc(row.json) }] : [];
  }
  const rows = ctx.store.scan(collection, query);
  const byDoc = new Map(rows.map((row) => [parseStoredDoc(row.json), row]));
  const matched = filterDocuments([...byDoc.keys()], query, ctx.mingo).map((doc) => ({ doc, row: byDoc.get(doc) as StoredRow }));
  return body.multi === false ? matched.slice(0, 1) : matched;
}

function modifyDocuments(ctx: DatabaseContext, body: Record<string, unknown>) {
  const collection = collectionNameOf(body);
  const now = Date.now();
  const query = parseEjsonObject(body.query, now);
  const data = parseEjsonObject(body.data, now);
  const merge = body.merge !== false;
  return ctx.store.atomically(() => {
    const targets = targetsOf(ctx, body, collection, query);
    if (targets.length === 0 && body.upsert === true) {
      const id = isDocumentQuery(body) ? query._id : newDocumentId(now);
      ctx.store.insert(collection, createdDocument(id, data, merge));
      return { updated: 0, upsert_id: id };
    }
    let updated = 0;
    for (const target of targets) {
      const modification = modifyDocument(target.doc, data, merge);
      if (!modification.changed) continue;
      ctx.store.replace(collection, modification.next, target.row);
      updated += 1;
    }
    return { updated };
  });
}

function removeDocuments(ctx: DatabaseContext, body: Record<string, unknown>) {
  const collection = collectionNameOf(body);
  const query = parseEjsonObject(body.query);
  return ctx.store.atomically(() => {
    const targets = targetsOf(ctx, body, collection, query);
    for (const target of targets) ctx.store.remove(collection, target.row);
    return { deleted: targets.length };
  });
}
