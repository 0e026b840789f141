import { CloudError, type ActionHandler, type CloudModule } from '../server/module';
import { aggregateAction } from './aggregate-action';
import { readCollectionsFile } from './collections-file';
import type { DatabaseContext } from './database-context';
import { documentActions } from './document-actions';
import { DocumentStore, type ScanReport } from './document-store';
import { badRequest } from './errors';
import { mingoOptionsFor } from './mingo-options';
import { parseStoredDoc } from './ejson';
import { documentActionsInTransaction, transactionActions } from './transaction-actions';
import { TransactionManager, type ConflictPolicy } from './transactions';

export interface DatabaseOptions {
  /** Where the SQLite file lives. */
  dir: string;
  /** The collections file (collections-file.ts): collections to create, indexes, rules. */
  databaseFile?: string;
  /** An open transaction is aborted after this long (default 30 s). */
  transactionTimeoutMs?: number;
  /** 'queue' only: how long a transaction waits for a document another one holds (default 10 s, under the SDK's 15 s timeout). */
  lockWaitMs?: number;
  /** 'fail' (default): conflicts are reported as the cloud reports them; 'queue': transactions wait their turn. */
  transactionConflicts?: ConflictPolicy;
}

/** The database module, plus what tests and benchmarks look at. */
export interface DatabaseModule extends CloudModule {
  collections(): string[];
  /** Rows read from SQLite so far, and what the last query's scan did (index used, rows read, plan), and the recent ones'. */
  readonly stats: { rowsRead: number; lastScan?: ScanReport; recentScans: ScanReport[] };
  openTransactions(): number;
}

/**
 * The CloudBase database stand-in: the SDK's `database.*` actions over a SQLite store (document-store.ts),
 * queries, updates and aggregations evaluated by mingo, transactions with snapshot reads (transactions.ts).
 */
export function createDatabaseModule(options: DatabaseOptions): DatabaseModule {
  const store = new DocumentStore(options.dir, readCollectionsFile(options.databaseFile));
  const transactions = new TransactionManager(store, {
    timeoutMs: options.transactionTimeoutMs ?? 30_000,
    lockWaitMs: options.lockWaitMs ?? 10_000,
    conflicts: options.transactionConflicts ?? 'fail',
  });
  const readCollection = (name: string) => (store.hasCollection(name) ? store.scan(name, {}).map((row) => parseStoredDoc(row.json)) : []);
  const ctx: DatabaseContext = { store, transactions, mingo: mingoOptionsFor(readCollection) };

  const plain = documentActions(ctx);
  const inTransaction = documentActionsInTransaction(ctx);
  const actions: Record<string, ActionHandler> = { ...transactionActions(ctx), 'database.aggregateDocuments': aggregateAction(ctx) };
  for (const [name, handler] of Object.entries(plain)) {
    const transactional = inTransaction[name];
    actions[name] = transactional ? (body, c) => (body.transactionId ? transactional(body, c) : handler(body, c)) : handler;
  }
  return {
    name: 'database',
    actions: Object.fromEntries(Object.entries(actions).map(([name, handler]) => [name, asCloudErrors(handler)])),
    collections: () => store.collections(),
    stats: store.stats,
    openTransactions: () => transactions.openCount(),
    close() {
      transactions.abortAll();
      store.close();
    },
  };
}

/** Malformed queries or updates (mingo's errors, bad EJSON) become the SDK's request-failed error. */
function asCloudErrors(handler: ActionHandler): ActionHandler {
  const translate = (error: unknown): never => {
    if (error instanceof CloudError) throw error;
    if (error instanceof Error && (error.constructor.name === 'MingoError' || error instanceof SyntaxError)) {
      throw badRequest(error.message);
    }
    throw error;
  };
  return async (body, ctx) => {
    try {
      return await handler(body, ctx);
    } catch (error) {
      return translate(error);
    }
  };
}
