import type { DocumentStore } from './document-store';
import { isPlainObject, parseEjsonObject, type Doc } from './ejson';
import { badRequest } from './errors';
import type { MingoOptions } from './mingo-options';
import type { TransactionManager } from './transactions';

/** What the database's action handlers share. */
export interface DatabaseContext {
  store: DocumentStore;
  transactions: TransactionManager;
  mingo: MingoOptions;
}

export function collectionNameOf(body: Record<string, unknown>): string {
  const name = body.collectionName;
  if (typeof name !== 'string' || name.length === 0) throw badRequest('collectionName is required');
  return name;
}

/** The `_id` of a queryType DOC request (`query` is `{"_id": …}`). */
export function documentIdOf(query: Doc): string {
  const id = query._id;
  if (typeof id !== 'string' && typeof id !== 'number') throw badRequest('a document request needs an _id');
  return String(id);
}

/** The documents of a `database.insertDocument`: an array of EJSON strings. */
export function insertedDocumentsOf(body: Record<string, unknown>, now: number): Doc[] {
  const data = Array.isArray(body.data) ? body.data : [body.data];
  return data.map((item) => {
    const doc = parseEjsonObject(item, now);
    if (!isPlainObject(doc)) throw badRequest('each document must be an object');
    return doc;
  });
}

export function isDocumentQuery(body: Record<string, unknown>): boolean {
  return body.queryType === 'DOC';
}
