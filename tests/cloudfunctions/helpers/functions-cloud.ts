import { join } from 'node:path';
import type { ReportRateLimits } from '@pingan/shared';
import { seedDemoCounty } from '../../../tools/seed/seed';
import { startTestCloud, type TestCloud } from '../../helpers/local-cloud';
import { setReportRateLimits } from '../../helpers/rate-limits';
import { builtFunctions } from './built-functions';

const DATABASE_FILE = join(__dirname, '../../../database/collections.json');

/** What a cloud function answers: the one envelope. */
export type Answer<T = Record<string, unknown>> = { ok: true; data: T } | { ok: false; code: string; message: string };

export interface FunctionsCloud {
  testCloud: TestCloud;
  /** Calls a built function as the mini-program user with this openid would. */
  call<T = Record<string, unknown>>(name: string, event: unknown, openid: string): Promise<Answer<T>>;
  /** Calls it and hands back its data, failing the test on an error envelope. */
  data<T = Record<string, unknown>>(name: string, event: unknown, openid: string): Promise<T>;
  /** The real wx-server-sdk's database, pointed at this cloud, to look at what the functions stored. */
  db(): ReturnType<ReturnType<TestCloud['sdk']>['database']>;
  /** The documents of a collection matching a condition, in insertion order unless sorted by a field. */
  find<T = Record<string, unknown>>(collection: string, where: object, orderBy?: [string, 'asc' | 'desc']): Promise<T[]>;
  /** One document by id, or undefined. */
  get<T = Record<string, unknown>>(collection: string, id: string): Promise<T | undefined>;
  count(collection: string, where: object): Promise<number>;
  stop(): Promise<void>;
}

export interface FunctionsCloudOptions {
  /** The report rate limits in force: 'seeded' keeps what the seed wrote (the production defaults). */
  rateLimits?: ReportRateLimits | 'seeded';
  /** Subscribe messages need a consent granted first (testCloud.cloud.openApi.grantSubscribeConsent), as on WeChat. */
  subscribeConsent?: 'assumed' | 'required';
}

/**
 * A local cloud running the built functions in its worker pool (4 instances per function, so concurrent
 * calls really run at once), with the demo county seeded through @cloudbase/node-sdk, and roomy report
 * rate limits unless the test asks for others.
 */
export async function startFunctionsCloud(options: FunctionsCloudOptions = {}): Promise<FunctionsCloud> {
  const functionsDir = await builtFunctions();
  const testCloud = await startTestCloud({
    functionsDir,
    databaseFile: DATABASE_FILE,
    poolSize: 4,
    ...(options.subscribeConsent && { subscribeConsent: options.subscribeConsent }),
  });
  await seedDemoCounty({ envId: testCloud.cloud.envId });
  if (options.rateLimits !== 'seeded') await setReportRateLimits(testCloud.sdk().database() as never, options.rateLimits);
  const call = async <T>(name: string, event: unknown, openid: string) =>
    (await testCloud.cloud.functions.invoke(name, event, { openid })) as Answer<T>;
  const find = async <T>(collection: string, where: object, orderBy?: [string, 'asc' | 'desc']) => {
    const query = testCloud.sdk().database().collection(collection).where(where);
    const result = (await (orderBy ? query.orderBy(...orderBy) : query).limit(1000).get()) as unknown as { data: T[] };
    return result.data;
  };
  return {
    testCloud,
    call,
    async data<T>(name: string, event: unknown, openid: string) {
      const answer = await call<T>(name, event, openid);
      if (!answer.ok) throw new Error(`${name} answered ${answer.code}: ${answer.message}`);
      return answer.data;
    },
    db: () => testCloud.sdk().database(),
    find,
    async get<T>(collection: string, id: string) {
      const [found] = await find<T>(collection, { _id: id });
      return found;
    },
    async count(collection: string, where: object) {
      return ((await testCloud.sdk().database().collection(collection).where(where).count()) as unknown as { total: number }).total;
    },
    stop: () => testCloud.stop(),
  };
}

/** The demo county's people (data/demo-county/people.json) by what the tests call them. */
export const DEMO = {
  resident: 'o-demo-resident-01', // 张秀兰, grid 410399001001-03
  otherResident: 'o-demo-resident-02', // 王桂英, same grid
  informant: 'o-demo-informant-01', // 李明, approved for 410399001001-03, -02, -04
  gridWorker: 'o-demo-grid-worker-03', // 赵丽, 410399001001-03
  gridWorkerElsewhere: 'o-demo-grid-worker-10', // 钱建华, 410399001001-09
  gridLeader: 'o-demo-grid-leader-03', // 陈志强, 410399001001-03
  police: 'o-demo-police-01', // 郑俊, 410399001001-01 … -05
  countyCentre: 'o-demo-centre-01', // 刘芳, county 410399
  communityCentre: 'o-demo-centre-06', // 魏俊, community 410399001001
} as const;

/** Points of data/demo-county/README.md. */
export const PLACES = {
  demoGrid: [111.587499, 33.796931], // inside 410399001001-03
  microGrid: [111.586112, 33.799899], // micro-grid 410399001001-01-02 of grid -01
  river: [111.592104, 33.791396], // in no grid; nearest 410399001001-09 at 8.00 m
  outside: [111.571415, 33.789997], // 217 m outside the county
} as const;

let keys = 0;
/** A fresh idempotency key, as the client makes one per draft. */
export function draftKey(): string {
  keys += 1;
  return `draft-${process.pid}-${Date.now().toString(36)}-${keys}`;
}

/** A submitReport event with sensible defaults. */
export function reportEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    categoryCode: 'HJWS',
    text: '楼道里堆满了杂物',
    photos: [],
    location: PLACES.demoGrid,
    anonymous: false,
    idempotencyKey: draftKey(),
    ...overrides,
  };
}
