import { join } from 'node:path';
import { applyTransition, newReport, type Actor } from '@pingan/shared';
import { startTestCloud, type TestCloud } from '../../helpers/local-cloud';

/**
 * The mark that makes a crash harmless: the write that saves a transition also records that its
 * reporter and followers are owed a message, so a function that dies before writing them leaves the
 * mark for a later delivery's sweep. Run in-process against the local cloud through the real SDK.
 */
const GRID = '410399001001-03';
const NOW = Date.UTC(2026, 11, 1, 2, 0);
const route = {
  reason: 'contained',
  ownerCode: GRID,
  ownerLevel: 'grid',
  regionPath: { county: '410399', street: '410399001', community: '410399001001', grid: GRID },
  departments: [],
} as const;
const terms = { name: '环境卫生', acceptLimitHours: 24, handleLimitHours: 72, redAfterHours: 24, informantPointsFen: 0, residentPoints: 5 };
const worker: Actor = { id: 'u-worker', roles: ['gridWorker'], gridCodes: [GRID] };

let testCloud: TestCloud;
let repo: typeof import('../../../cloudfunctions/src/reports/reports.repository');
let docs: typeof import('../../../cloudfunctions/src/reports/report-document');
let notify: typeof import('../../../cloudfunctions/src/notifications/notify-report');
beforeAll(async () => {
  testCloud = await startTestCloud({ databaseFile: join(__dirname, '../../../database/collections.json') });
  // Loaded after the SDK is pointed at this cloud (platform/sdk.ts initialises it on load).
  repo = await import('../../../cloudfunctions/src/reports/reports.repository');
  docs = await import('../../../cloudfunctions/src/reports/report-document');
  notify = await import('../../../cloudfunctions/src/notifications/notify-report');
}, 60_000);
afterAll(async () => testCloud?.stop());

async function submitted(id: string) {
  const report = newReport({
    id,
    reporterId: 'u-reporter',
    anonymous: false,
    categoryCode: 'HJWS',
    text: '杂物',
    photos: [],
    route,
    now: NOW,
  });
  const extras = {
    reporterOpenid: 'o-reporter',
    reporterName: '张三',
    idempotencyKey: id,
    requestHash: 'h',
    terms,
    moderation: { verdict: 'pass', pending: false },
  } as const;
  const doc = docs.newReportDoc(report, extras, NOW);
  await repo.insertReport(doc);
  return doc;
}

async function acceptedWithoutDelivery(id: string, at: number) {
  const before = await submitted(id);
  const outcome = applyTransition(docs.reportOf(before), { type: 'accept' }, worker, at);
  if (!outcome.ok) throw new Error(outcome.code);
  const event = { ...outcome.event, actorName: '赵丽' };
  expect(await repo.saveTransition(before, outcome.report, event, at)).toBe(true);
  return docs.docAfter(before, outcome.report, event, at);
}

const messagesTo = async (openid: string) =>
  (
    (await testCloud.sdk().database().collection('messages').where({ recipientOpenid: openid }).get()) as unknown as {
      data: { _id: string }[];
    }
  ).data;

it('saving a transition that owes a message marks the report in the same write', async () => {
  await acceptedWithoutDelivery('rmark1', NOW);
  const stored = await repo.findReport('rmark1');
  expect(stored).toMatchObject({ status: 'accepted', notifyFrom: 1, notifyDueAt: NOW });
});

it('a mark a crash left is delivered by a later delivery’s sweep, once past the grace period', async () => {
  await acceptedWithoutDelivery('rmark2', NOW); // the function "died" here: no message written
  const later = await acceptedWithoutDelivery('rmark3', NOW);
  await notify.notifyReportChange(later, NOW + 1_000); // within the grace period: rmark2 may still be in flight
  expect((await messagesTo('o-reporter')).map((m) => m._id).sort()).toEqual(['rmark3:1:u-reporter']);
  await notify.notifyReportChange(later, NOW + notify.NOTIFY_GRACE_MS + 1_000);
  expect((await messagesTo('o-reporter')).map((m) => m._id).sort()).toContain('rmark2:1:u-reporter');
  expect(await repo.findReport('rmark2')).not.toHaveProperty('notifyFrom');
});
