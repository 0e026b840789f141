import fc from 'fast-check';
import { CONTRACTS, type ContractName } from '@pingan/shared';
import { DEMO, draftKey, type FunctionsCloud } from '../helpers/functions-cloud';
import { newcomerOpenid } from './report-fixtures';
import type { HostileTarget, OkCheck } from './hostile-targets';

/**
 * 投诉建议's hostile targets (hostile-targets.ts spreads them in). replyAppFeedback's subject, a newcomer's
 * feedback, is made by prepareFeedbackFixtures before the runs and renewed once answered.
 */
const state = { open: { id: '', openid: '' } };

async function newcomerFeedback(cloud: FunctionsCloud): Promise<{ id: string; openid: string }> {
  const openid = newcomerOpenid('feedback');
  const answer = await cloud.data<{ feedback: { id: string } }>(
    'submitAppFeedback',
    { kind: 'suggestion', text: '希望能按时间筛选我的上报', idempotencyKey: draftKey() },
    openid,
  );
  return { id: answer.feedback.id, openid };
}

export async function prepareFeedbackFixtures(cloud: FunctionsCloud): Promise<void> {
  state.open = await newcomerFeedback(cloud);
}

function expectThat(condition: boolean, what: string): void {
  if (!condition) throw new Error(what);
}

function sameAsCleanCall(name: ContractName) {
  return async ({ cloud, event, data, caller }: OkCheck) => {
    const clean = CONTRACTS[name].request.safeParse(event);
    expectThat(clean.success, `${name} succeeded on an event its contract refuses`);
    const again = await cloud.call(name, clean.data, caller);
    expectThat(
      again.ok && JSON.stringify(again.data) === JSON.stringify(data),
      `${name} answered the hostile event other than its clean form`,
    );
  };
}

const optionalLimit = fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }).map((limit) => (limit === undefined ? {} : { limit }));
const now = <T>(make: () => T) => fc.constant(0).map(make);

export const FEEDBACK_TARGETS: Record<string, HostileTarget> = {
  // A resident writes feedback: stored as theirs, of the kind and text asked, unanswered.
  submitAppFeedback: {
    valid: fc
      .record({
        kind: fc.constantFrom('complaint', 'suggestion', 'usage'),
        text: fc.constantFrom('字太小了，看不清楚', '希望增加语音输入功能', '上传照片一直转圈'),
        phone: fc.option(fc.constant('13912345678'), { nil: undefined }),
        idempotencyKey: fc.constant('<key>'),
      })
      .map(({ phone, ...rest }) => ({ ...rest, ...(phone !== undefined && { phone }) })),
    caller: (pick) => [DEMO.resident, DEMO.otherResident, DEMO.informant][pick % 3] as string,
    mayWrite: ['appFeedback', 'rateCounters'],
    refusalMayWrite: ['rateCounters'],
    async checkOk({ cloud, caller, data, added }) {
      const feedback = data.feedback as { id: string; text: string; kind: string };
      if (data.replayed === true) return expectThat(!added.appFeedback, 'a replayed submit stored a second feedback');
      const stored = await cloud.get<{ openid: string; text: string; kind: string; status: string }>('appFeedback', feedback.id);
      expectThat(added.appFeedback === 1, 'submitAppFeedback answered ok without storing exactly one feedback');
      expectThat(
        stored?.openid === caller && stored.text === feedback.text && stored.kind === feedback.kind && stored.status === 'open',
        'submitAppFeedback stored another feedback than the caller wrote',
      );
    },
  },
  myAppFeedback: { mayWrite: [], valid: optionalLimit, caller: () => DEMO.resident, checkOk: sameAsCleanCall('myAppFeedback') },
  appFeedbackList: { mayWrite: [], valid: optionalLimit, caller: () => DEMO.countyCentre, checkOk: sameAsCleanCall('appFeedbackList') },
  // The county centre answers the fixture's feedback only: answered by her, its writer told once.
  replyAppFeedback: {
    valid: now(() => ({ feedbackId: state.open.id, reply: '已转技术人员处理，谢谢您的建议' })),
    caller: () => DEMO.countyCentre,
    mayWrite: ['appFeedback', 'messages'],
    async checkOk({ cloud, data, added }) {
      const feedback = data.feedback as { id: string; status: string };
      const stored = await cloud.get<{ status: string; repliedBy: string }>('appFeedback', feedback.id);
      const message = await cloud.get<{ recipientOpenid: string }>('messages', `feedback:${feedback.id}`);
      expectThat(
        feedback.id === state.open.id && stored?.status === 'answered' && stored.repliedBy === 'u-centre-01',
        'replyAppFeedback answered another feedback, or as someone else',
      );
      expectThat(added.messages === 1 && message?.recipientOpenid === state.open.openid, 'replyAppFeedback told someone else, or not once');
      state.open = await newcomerFeedback(cloud);
    },
  },
};
