/**
 * The one place the functions touch wx-server-sdk. Initialised once per instance (warm calls reuse it);
 * DYNAMIC_CURRENT_ENV makes every function use the environment it is deployed in.
 */
import cloud from 'wx-server-sdk';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

export { cloud };
export type Database = ReturnType<typeof cloud.database>;

let database: Database | undefined;

export function db(): Database {
  database ??= cloud.database();
  return database;
}

/** The caller, from the platform's context only — never from the event. Empty when nobody signed the call. */
export function callerOpenid(): string {
  return cloud.getWXContext().OPENID ?? '';
}
