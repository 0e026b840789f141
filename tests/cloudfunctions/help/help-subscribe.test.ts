import { DEMO_SUBSCRIBE_TEMPLATES } from '../../../tools/seed/demo-documents';
import { DEMO, PLACES, draftKey, startFunctionsCloud, type FunctionsCloud } from '../helpers/functions-cloud';

/**
 * A help call's messages go out as WeChat subscribe messages too, where the recipient has a consent left for
 * the template (the local cloud requires one, as WeChat does): to staff who calls and where, opening the
 * staff's call page; to the caller who answered, opening their help page. Built functions, the real SDK.
 */
const TEMPLATES = DEMO_SUBSCRIBE_TEMPLATES.templates;
let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud({ subscribeConsent: 'required' });
}, 180_000);
afterAll(async () => cloud?.stop());

const sent = (touser: string) => cloud.testCloud.cloud.openApi.sentMessages().filter((m) => m.touser === touser);
const consent = (openid: string, ...templateIds: string[]) => cloud.testCloud.cloud.openApi.grantSubscribeConsent(openid, templateIds);

it('求助 reaches the staff who consented in WeChat, 收到 reaches the caller who consented; nobody else', async () => {
  const caller = `o-help-subscribe-${process.pid}`;
  consent(DEMO.gridWorker, TEMPLATES.helpRaised!.templateId);
  consent(caller, TEMPLATES.helpAcknowledged!.templateId);
  const { call } = await cloud.data<{ call: { id: string } }>(
    'raiseHelp',
    { idempotencyKey: draftKey(), location: PLACES.demoGrid, address: '幸福路 3 号 2 单元' },
    caller,
  );
  expect(sent(DEMO.gridWorker)).toEqual([
    expect.objectContaining({
      templateId: TEMPLATES.helpRaised!.templateId,
      page: `staff/pages/help-call/index?id=${call.id}`,
      data: expect.objectContaining({
        thing1: { value: '微信用户' },
        thing2: { value: '幸福路 3 号 2 单元' },
        phrase3: { value: '紧急求助' },
      }),
    }),
  ]);
  expect(sent(DEMO.gridLeader)).toEqual([]);
  await cloud.data('acknowledgeHelp', { callId: call.id, note: '马上到' }, DEMO.gridWorker);
  expect(sent(caller)).toEqual([
    expect.objectContaining({
      templateId: TEMPLATES.helpAcknowledged!.templateId,
      page: `pages/help/index?id=${call.id}`,
      data: expect.objectContaining({ name1: { value: '赵丽' }, phrase2: { value: '已响应' }, thing4: { value: '马上到' } }),
    }),
  ]);
  // The in-app messages went to everyone, consent or not.
  expect(await cloud.count('messages', { helpCallId: call.id, kind: 'helpRaised' })).toBe(4);
}, 120_000);
