import { randomUUID } from 'node:crypto';
import { CloudReply, type ActionHandler } from '../server/module';
import { collectionNameOf, documentIdOf, insertedDocumentsOf, isDocumentQuery, type DatabaseContext } from './database-context';
import { parseEjsonObject, stringifyDoc } from './ejson';
import { duplicateKey, onlyDocumentOperationsInTransaction } from './errors';
import { projectDocument } from './find';
import { createdDocument, modifyDocument, newDocumentId } from './modification';
import type { Transaction } from './transactions';

/**
 * Transactions as the SDK drives them: `database.startTransaction` (the SDK reads `transactionId` at the
 * top level of the reply, not under `data`), then document actions carrying `transactionId`, then
 * `database.commitTransaction` or `database.abortTransaction`. Inside, only single-document operations
 * are accepted, as in CloudBase. (This SDK sends where().update()/remove() and count() without the
 * transactionId, so those run outside the transaction; only a where().get() can be seen and refused.)
 * A write the database refuses (a conflict, a duplicate key, a type mismatch, a document over 16 MB)
 * aborts the whole transaction, as MongoDB does: later operations and the commit find it gone.
 */
export function transactionActions(ctx: DatabaseContext): Record<string, ActionHandler> {
  return {
    'database.startTransaction': () => {
      const { id } = ctx.transactions.start();
      const reply = { transactionId: id, data: { transactionId: id }, requestId: randomUUID() };
      return CloudReply.bytes(Buffer.from(JSON.stringify(reply)), 'application/json; charset=utf-8');
    },
    'database.commitTransaction': (body) => {
      ctx.transactions.commit(ctx.transactions.find(body.transactionId));
      return {};
    },
    'database.abortTransaction': (body) => {
      // The SDK also rolls back after a failed commit, which already ended the transaction: not an error.
      const tx = ctx.transactions.isOpen(body.transactionId) ? ctx.transactions.find(body.transactionId) : undefined;
      if (tx) ctx.transactions.abort(tx);
      return {};
    },
  };
}

/** The document actions when they carry a transactionId. */
export function documentActionsInTransaction(ctx: DatabaseContext): Record<string, ActionHandler> {
  return {
    'database.getDocument': async (body) => {
      if (!isDocumentQuery(body)) throw onlyDocumentOperationsInTransaction();
      const tx = ctx.transactions.find(body.transactionId);
      const { collection, query } = await openDocument(ctx, tx, body);
      const doc = ctx.transactions.read(tx, collection, documentIdOf(query));
      const projection = body.projection === undefined ? undefined : parseEjsonObject(body.projection);
      return { list: doc ? [stringifyDoc(projectDocument(doc, projection, ctx.mingo))] : [] };
    },
    'database.insertDocument': (body) =>
      writing(ctx, body, async (tx) => {
        const collection = collectionNameOf(body);
        const now = Date.now();
        const insertedIds: unknown[] = [];
        for (const { _id, ...fields } of insertedDocumentsOf(body, now)) {
          const id = _id ?? newDocumentId(now);
          await ctx.transactions.open(tx, collection, String(id));
          if (ctx.transactions.read(tx, collection, String(id))) throw duplicateKey('Insert', collection, '_id_', { _id: id });
          ctx.transactions.write(tx, collection, String(id), { _id: id, ...fields }, 'Insert');
          insertedIds.push(id);
        }
        return { insertedIds };
      }),
    'database.modifyDocument': (body) => {
      if (!isDocumentQuery(body)) throw onlyDocumentOperationsInTransaction();
      return writing(ctx, body, async (tx) => {
        const now = Date.now();
        const { collection, query } = await openDocument(ctx, tx, body, now);
        const id = documentIdOf(query);
        const data = parseEjsonObject(body.data, now);
        const merge = body.merge !== false;
        const current = ctx.transactions.read(tx, collection, id);
        if (!current) {
          if (body.upsert !== true) return { updated: 0 };
          ctx.transactions.write(tx, collection, id, createdDocument(query._id, data, merge), 'Insert');
          return { updated: 0, upsert_id: query._id };
        }
        const modification = modifyDocument(current, data, merge);
        if (modification.changed) ctx.transactions.write(tx, collection, id, modification.next, 'Update');
        return { updated: modification.changed ? 1 : 0 };
      });
    },
    'database.removeDocument': (body) => {
      if (!isDocumentQuery(body)) throw onlyDocumentOperationsInTransaction();
      return writing(ctx, body, async (tx) => {
        const { collection, query } = await openDocument(ctx, tx, body);
        const id = documentIdOf(query);
        const existed = ctx.transactions.read(tx, collection, id) !== null;
        if (existed) ctx.transactions.write(tx, collection, id, null, 'Update');
        return { deleted: existed ? 1 : 0 };
      });
    },
  };
}

/** Runs a write of the transaction; if the database refuses it, the transaction is aborted (see above). */
async function writing<T>(ctx: DatabaseContext, body: Record<string, unknown>, write: (tx: Transaction) => Promise<T>): Promise<T> {
  const tx = ctx.transactions.find(body.transactionId);
  try {
    return await write(tx);
  } catch (error) {
    ctx.transactions.abort(tx);
    throw error;
  }
}

async function openDocument(ctx: DatabaseContext, tx: Transaction, body: Record<string, unknown>, now = Date.now()) {
  const collection = collectionNameOf(body);
  const query = parseEjsonObject(body.query, now);
  await ctx.transactions.open(tx, collection, documentIdOf(query));
  return { collection, query };
}
