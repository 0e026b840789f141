/**
 * The one place the functions touch wx-server-sdk. Initialised once per instance (warm calls reuse it);
 * DYNAMIC_CURRENT_ENV makes every function use the environment it is deployed in.
 */
import cloud from 'wx-server-sdk';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

export { cloud };
export type Database = ReturnType<typeof cloud.database>;
export type Command = Database['command'];

/** A transaction as runTransaction hands it over: single-document operations only. */
export interface Transaction {
  collection(name: string): {
    doc(id: string): {
      get(): Promise<{ data: unknown }>;
      set(options: { data: object }): Promise<unknown>;
      update(options: { data: object }): Promise<{ stats: { updated: number } }>;
    };
    add(options: { data: object }): Promise<unknown>;
  };
}

let database: Database | undefined;

/** The database; a missing document reads as `data: null` instead of throwing (doc().get()). */
export function db(): Database {
  database ??= cloud.database({ throwOnNotFound: false } as Parameters<typeof cloud.database>[0]);
  return database;
}

/** The caller, from the platform's context only — never from the event. Empty when nobody signed the call. */
export function callerOpenid(): string {
  return cloud.getWXContext().OPENID ?? '';
}

/**
 * Runs `work` in a database transaction; the SDK retries it on a write conflict (up to `attempts` more
 * times) and rolls it back when `work` throws, so nothing of it is written unless all of it is.
 */
export async function inTransaction<T>(work: (tx: Transaction) => Promise<T>, attempts = 3): Promise<T> {
  return (await db().runTransaction(work, attempts)) as T;
}

/** The documents a query answered (the SDK's typings add `void | string` for its callback forms). */
export async function listOf<T>(query: Promise<unknown> | unknown): Promise<T[]> {
  const result = (await query) as { data?: T[] } | undefined;
  return result?.data ?? [];
}

/** A read of a server-side query is capped at 100 documents unless it asks for more (1000 at most). */
const PAGE_SIZE = 100;

/**
 * Every document of a small collection (reference data: categories, services), in `orderBy` order then
 * by `_id`, a page of 100 at a time until a short page says there is no more.
 */
export async function readAll<T>(collection: string, orderBy: string): Promise<T[]> {
  const rows: T[] = [];
  for (;;) {
    const page = await listOf<T>(db().collection(collection).orderBy(orderBy, 'asc').orderBy('_id', 'asc').skip(rows.length).limit(PAGE_SIZE).get());
    rows.push(...page);
    if (page.length < PAGE_SIZE) return rows;
  }
}

/** The document a doc().get() answered, or undefined when it does not exist. */
export async function oneOf<T>(query: Promise<unknown> | unknown): Promise<T | undefined> {
  const result = (await query) as { data?: T | null } | undefined;
  return result?.data ?? undefined;
}

/** Whether a write failed on a unique index or an existing `_id` (MongoDB's E11000, as CloudBase relays it). */
export function isDuplicateKey(error: unknown): boolean {
  const message = error && typeof error === 'object' ? String((error as { errMsg?: unknown; message?: unknown }).errMsg ?? (error as Error).message) : '';
  return message.includes('E11000');
}
