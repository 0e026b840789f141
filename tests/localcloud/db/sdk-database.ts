import type { TestCloud } from '../../helpers/local-cloud';

/**
 * wx-server-sdk's typings declare each database call as returning `Promise<R> | void | string` (callback
 * and promise styles in one signature), which does not await to R, and `runTransaction` as `any`. The
 * tests use the promise style only and check results at run time, so they see the database untyped.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SdkDatabase = any;

/** The real wx-server-sdk's database, pointed at the test cloud. */
export function databaseOf(testCloud: TestCloud): SdkDatabase {
  return testCloud.sdk().database();
}

/** The transaction a runTransaction callback gets (and startTransaction resolves to). */
export interface SdkTransaction {
  collection(name: string): SdkDatabase;
  rollback(reason?: unknown): Promise<unknown>;
}
