import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The local cloud's configuration, read from the environment in this one place.
 * Every path is resolved against the current directory.
 */
const EnvSchema = z.object({
  LOCALCLOUD_HOST: z.string().default('127.0.0.1'),
  LOCALCLOUD_PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  LOCALCLOUD_ENV_ID: z.string().min(1).default('local-env'),
  LOCALCLOUD_DATA_DIR: z.string().default('.localcloud/data'),
  /** Folder with one subfolder per cloud function, each with an index.js exporting main. */
  LOCALCLOUD_FUNCTIONS_DIR: z.string().optional(),
  /** The collections file a deploy reads: indexes (unique ones enforced) and security rules. */
  LOCALCLOUD_DATABASE_FILE: z.string().optional(),
  /** Storage security rules `{ "read", "write" }` browser requests are held to; unset: CloudBase's default, deny. */
  LOCALCLOUD_STORAGE_RULES_FILE: z.string().optional(),
  /** JSON `{ "risky": [words], "review": [words] }` for the security.msgSecCheck stand-in. */
  LOCALCLOUD_SECCHECK_FILE: z.string().optional(),
  /** JSON array of `{ openid, name?, label? }` who may sign in locally; unset: any openid. */
  LOCALCLOUD_USERS_FILE: z.string().optional(),
  LOCALCLOUD_POOL_SIZE: z.coerce.number().int().min(1).max(16).default(2),
  /** Per-call time limit of a cloud function, in ms (the platform's default is 3 s; locally 20 s). */
  LOCALCLOUD_FUNCTION_TIMEOUT_MS: z.coerce.number().int().min(1).default(20000),
  /** The AppID that getWXContext() reports. */
  LOCALCLOUD_APPID: z.string().default('wx-local-appid'),
  /** Transactions: `fail` reports a write conflict to the loser, as CloudBase does; `queue` makes it wait. */
  LOCALCLOUD_TX_CONFLICTS: z.enum(['fail', 'queue']).default('fail'),
  /** Subscribe messages: `assumed` (every send has the person's consent) or `required` (43101 without one, as WeChat). */
  LOCALCLOUD_SUBSCRIBE_CONSENT: z.enum(['assumed', 'required']).default('assumed'),
  /** Timer triggers (config.json): `on` fires them on schedule; `off` only when fired by hand (tests, /__local/timers). */
  LOCALCLOUD_TIMERS: z.enum(['on', 'off']).default('off'),
  /** Largest request body (file uploads, /admin); function calls keep the platform's 6 MB event limit. */
  LOCALCLOUD_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(50 * 1024 * 1024),
});

export interface LocalCloudConfig {
  host: string;
  port: number;
  envId: string;
  dataDir: string;
  functionsDir?: string;
  databaseFile?: string;
  /** Storage security rules for browser requests; unset: none allowed (CloudBase's default). */
  storageRulesFile?: string;
  secCheckFile?: string;
  usersFile?: string;
  poolSize: number;
  appId: string;
  /** Per-call time limit of a cloud function; unset: 20 s. */
  functionTimeoutMs?: number;
  /** A transaction writing a document another one holds: 'fail' (unset; as the cloud) or 'queue' (waits). */
  transactionConflicts?: 'fail' | 'queue';
  /** Subscribe messages without a granted consent: 'assumed' (unset; sent) or 'required' (43101, as WeChat). */
  subscribeConsent?: 'assumed' | 'required';
  /** Largest request body the server reads (file uploads, /admin); unset: 50 MB. Function calls stay at 6 MB. */
  maxBodyBytes?: number;
  /** Timer triggers: 'on' fires them on their schedule; 'off' (unset) only by fireTimer() or /__local/timers. */
  timers?: 'on' | 'off';
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): LocalCloudConfig {
  const e = EnvSchema.parse(env);
  const path = (p: string | undefined) => (p ? resolve(p) : undefined);
  return {
    host: e.LOCALCLOUD_HOST,
    port: e.LOCALCLOUD_PORT,
    envId: e.LOCALCLOUD_ENV_ID,
    dataDir: resolve(e.LOCALCLOUD_DATA_DIR),
    functionsDir: path(e.LOCALCLOUD_FUNCTIONS_DIR),
    databaseFile: path(e.LOCALCLOUD_DATABASE_FILE),
    storageRulesFile: path(e.LOCALCLOUD_STORAGE_RULES_FILE),
    secCheckFile: path(e.LOCALCLOUD_SECCHECK_FILE),
    usersFile: path(e.LOCALCLOUD_USERS_FILE),
    poolSize: e.LOCALCLOUD_POOL_SIZE,
    appId: e.LOCALCLOUD_APPID,
    functionTimeoutMs: e.LOCALCLOUD_FUNCTION_TIMEOUT_MS,
    transactionConflicts: e.LOCALCLOUD_TX_CONFLICTS,
    maxBodyBytes: e.LOCALCLOUD_MAX_BODY_BYTES,
    subscribeConsent: e.LOCALCLOUD_SUBSCRIBE_CONSENT,
    timers: e.LOCALCLOUD_TIMERS,
  };
}

/**
 * The environment that points an unmodified wx-server-sdk (or @cloudbase/node-sdk) at a local cloud.
 * Dummy credentials because the SDK crashes without them; RUNENV=SCF skips its metadata probe.
 */
export function sdkEnvFor(url: string, envId: string): Record<string, string> {
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${url}/admin` }),
    SCF_NAMESPACE: envId,
    TCB_ENV: envId,
    TENCENTCLOUD_SECRETID: 'local-secret-id',
    TENCENTCLOUD_SECRETKEY: 'local-secret-key',
    TENCENTCLOUD_SESSIONTOKEN: '',
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
  };
}
