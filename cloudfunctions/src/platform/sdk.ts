/**
 * The one place the functions touch wx-server-sdk. Initialised once per instance (warm calls reuse it);
 * DYNAMIC_CURRENT_ENV makes every function use the environment it is deployed in.
 */
import cloud from 'wx-server-sdk';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

export { cloud };
export type Database = ReturnType<typeof cloud.database>;

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

/** The environment this function runs in, as the platform names it (the `<env>` of its file IDs). */
export function currentEnv(): string | undefined {
  return cloud.getWXContext().ENV;
}

/*
 * The SDK's typings, corrected once here: wx-server-sdk types getTempFileURL's reply loosely and
 * cloud.openapi not at all, and its query methods add `void | string` for their callback forms.
 */

/** One file of a getTempFileURL reply: `status` 0 and an http(s) `tempFileURL` when the storage serves it. */
export type TempFile = { readonly fileID: string; readonly tempFileURL?: string; readonly status?: number; readonly errMsg?: string };

type GetTempFileUrl = (options: { fileList: { fileID: string; maxAge: number }[] }) => Promise<{ fileList?: TempFile[] }>;

/** Temporary download URLs valid for `maxAgeSeconds`, in one storage call (at most 50 files). */
export async function tempFileUrls(fileIDs: readonly string[], maxAgeSeconds: number): Promise<TempFile[]> {
  const getTempFileURL = cloud.getTempFileURL as unknown as GetTempFileUrl;
  const reply = await getTempFileURL({ fileList: fileIDs.map((fileID) => ({ fileID, maxAge: maxAgeSeconds })) });
  return reply.fileList ?? [];
}

/** A file's bytes from cloud storage. */
export async function downloadFile(fileID: string): Promise<Buffer> {
  const { fileContent } = await cloud.downloadFile({ fileID });
  return fileContent;
}

/** msgSecCheck v2's answer: `suggest` is `pass`, `review` or `risky`. */
export type SecCheckReply = { readonly result?: { readonly suggest?: string; readonly label?: number }; readonly traceId?: string };
export type SecCheckRequest = { readonly content: string; readonly version: 2; readonly scene: number; readonly openid: string };

/** WeChat's text check (security.msgSecCheck v2), an open API the function's config.json must declare. */
export function msgSecCheck(request: SecCheckRequest): Promise<SecCheckReply> {
  const { security } = cloud.openapi as unknown as { security: { msgSecCheck(request: SecCheckRequest): Promise<SecCheckReply> } };
  return security.msgSecCheck(request);
}

/** One subscribe message: the template's fields filled (`{ thing1: { value } }`), and the page a tap opens. */
export type SubscribeMessageRequest = {
  readonly touser: string;
  readonly templateId: string;
  readonly page: string;
  readonly data: Record<string, { value: string }>;
  readonly miniprogramState: 'formal' | 'trial' | 'developer';
};

/**
 * WeChat's subscribe message (subscribeMessage.send), an open API the function's config.json must declare.
 * It rejects (errCode 43101) when the person has no unused consent for the template, and 47003 for a
 * value over its field's length.
 */
export async function sendSubscribeMessage(request: SubscribeMessageRequest): Promise<void> {
  const { subscribeMessage } = cloud.openapi as unknown as {
    subscribeMessage: { send(request: SubscribeMessageRequest & { lang: string }): Promise<unknown> };
  };
  await subscribeMessage.send({ ...request, lang: 'zh_CN' });
}

/** A transaction that kept losing write conflicts: the caller is told to try again later. */
export class TransactionBusyError extends Error {
  constructor(attempts: number) {
    super(`the transaction lost a write conflict ${attempts} times`);
    this.name = 'TransactionBusyError';
  }
}

/**
 * Retrying after a write conflict. The cloud does not queue transactions: it reports a conflict to the one
 * that writes second (at that write, where wx-server-sdk turns the code into errCode -501001 so its own
 * runTransaction never retries it; or at commit). Of several at once on one document all but one lose each
 * round, so they retry after a random wait that doubles with each attempt ("full jitter") and spread out
 * instead of meeting again: 8 attempts wait about 0.9 s in all on average and 1.8 s at most, inside the
 * platform's default 3 s time limit. Then TransactionBusyError, which a function turns into its BUSY code.
 */
const ATTEMPTS = 8;
const FIRST_WAIT_MS = 20;
const LONGEST_WAIT_MS = 400;

/**
 * Runs `work` in a database transaction, again after each write conflict (above), and rolls it back when
 * `work` throws, so nothing of it is written unless all of it is. `work` must read what it decides on
 * inside the transaction, since a retry runs it afresh.
 */
export async function inTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return (await db().runTransaction(work, 0)) as T;
    } catch (error) {
      if (!isTransactionConflict(error)) throw error;
      if (attempt === ATTEMPTS) throw new TransactionBusyError(attempt);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** attempt)));
    }
  }
}

/** A write conflict as the SDK hands it over: the service's code at commit, only its message at a write. */
function isTransactionConflict(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, errMsg, message } = error as { code?: unknown; errMsg?: unknown; message?: unknown };
  return code === 'DATABASE_TRANSACTION_CONFLICT' || String(errMsg ?? message ?? '').includes('TransactionConflict');
}

/** The documents a query answered. */
export async function listOf<T>(query: Promise<unknown> | unknown): Promise<T[]> {
  const result = (await query) as { data?: T[] } | undefined;
  return result?.data ?? [];
}

/** How many documents a where().update() changed. */
export async function updatedCount(update: Promise<unknown> | unknown): Promise<number> {
  const result = (await update) as { stats?: { updated?: number } } | undefined;
  return result?.stats?.updated ?? 0;
}

/** The rows an aggregate().end() answered. */
export async function aggregateRows<T>(aggregate: Promise<unknown> | unknown): Promise<T[]> {
  const result = (await aggregate) as { list?: T[] } | undefined;
  return result?.list ?? [];
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
    const page = await listOf<T>(
      db().collection(collection).orderBy(orderBy, 'asc').orderBy('_id', 'asc').skip(rows.length).limit(PAGE_SIZE).get(),
    );
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
  const message =
    error && typeof error === 'object' ? String((error as { errMsg?: unknown; message?: unknown }).errMsg ?? (error as Error).message) : '';
  return message.includes('E11000');
}
