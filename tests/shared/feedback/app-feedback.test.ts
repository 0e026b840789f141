import {
  answerAppFeedback,
  appFeedbackListKey,
  appFeedbackReference,
  appFeedbackReplyMessage,
  mayAnswerAppFeedback,
  type AppFeedback,
} from '@pingan/shared';

const AT = Date.UTC(2026, 11, 2, 17, 30); // 3 December 01:30 in Asia/Shanghai
const open: AppFeedback = {
  id: 'fabc123def4567890abcdef12',
  personId: 'u-1',
  kind: 'usage',
  text: '一直转圈',
  submittedAt: AT,
  status: 'open',
};
const county = { id: 'u-centre-01', centre: { level: 'county' as const, regionCode: '410399' } };
const community = { id: 'u-centre-06', centre: { level: 'community' as const, regionCode: '410399001001' } };

describe('app feedback', () => {
  it('numbers feedback by its Asia/Shanghai day and the id after its prefix', () => {
    expect(appFeedbackReference(open.id, AT)).toBe('JY20261203-ABC123');
  });

  it('is answered by the county centre only', () => {
    expect(mayAnswerAppFeedback(county)).toBe(true);
    expect(mayAnswerAppFeedback(community)).toBe(false);
    expect(mayAnswerAppFeedback({})).toBe(false);
  });

  it('is answered once', () => {
    const first = answerAppFeedback(open, '已修复', county, AT + 60_000);
    expect(first).toEqual({
      ok: true,
      feedback: { ...open, status: 'answered', reply: '已修复', repliedAt: AT + 60_000, repliedBy: 'u-centre-01' },
    });
    if (!first.ok) throw new Error('unreachable');
    expect(answerAppFeedback(first.feedback, '再说一遍', county, AT + 120_000)).toEqual({ ok: false, code: 'FEEDBACK.ALREADY_ANSWERED' });
    expect(answerAppFeedback(open, '已修复', community, AT)).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
  });

  it('lists unanswered first, the longest waiting first, then the latest answered', () => {
    const older = appFeedbackListKey({ status: 'open', submittedAt: AT - 1000 });
    const newer = appFeedbackListKey({ status: 'open', submittedAt: AT });
    const answeredLate = appFeedbackListKey({ status: 'answered', submittedAt: AT - 5000, repliedAt: AT + 5000 });
    const answeredEarly = appFeedbackListKey({ status: 'answered', submittedAt: AT - 5000, repliedAt: AT + 1000 });
    expect([newer, answeredEarly, older, answeredLate].sort((a, b) => b - a)).toEqual([older, newer, answeredLate, answeredEarly]);
  });

  it('tells the writer with the kind, the number and the words, under an id written once', () => {
    const answered = { ...open, status: 'answered' as const, reply: '已修复', repliedAt: AT + 60_000 };
    expect(appFeedbackReplyMessage(answered, 'o-1')).toMatchObject({
      _id: `feedback:${open.id}`,
      recipientOpenid: 'o-1',
      kind: 'appFeedbackReplied',
      title: '您的使用问题有了回复',
      body: '编号 JY20261203-ABC123：已修复',
      at: AT + 60_000,
    });
  });
});
