import { fireEvent, render, screen } from '@testing-library/react';
import type { AppFeedbackView } from '@pingan/shared/contracts';
import FeedbackPage from '../../../client/src/feedback/pages/mine';
import StaffFeedbackPage from '../../../client/src/staff/pages/feedback';
import { installFakeLocalcloud, ok } from '../helpers/fake-localcloud';

const THU_9 = Date.UTC(2026, 11, 3, 1);

function feedback(overrides: Partial<AppFeedbackView> = {}): AppFeedbackView {
  return {
    id: 'fabc123def456abc123def456',
    reference: 'JY20261203-ABC123',
    kind: 'usage',
    text: '上传照片一直转圈',
    submittedAt: THU_9,
    status: 'open',
    ...overrides,
  };
}

describe('投诉建议 (the resident’s page)', () => {
  it('says what the form lacks in words, then sends it once with one key and shows its number', async () => {
    let mine: AppFeedbackView[] = [];
    const cloud = installFakeLocalcloud({
      myAppFeedback: () => ok({ items: mine, nextCursor: null }),
      submitAppFeedback: (request) => {
        const sent = feedback({ kind: request.kind as AppFeedbackView['kind'], text: request.text as string });
        mine = [sent];
        return ok({ feedback: sent, replayed: false });
      },
    });
    render(<FeedbackPage />);
    expect(await screen.findByText('还没有提交过。')).toBeTruthy();
    fireEvent.click(screen.getByText('提交'));
    expect(screen.getByText('请选择是投诉、建议还是使用问题')).toBeTruthy();
    expect(screen.getByText('请写 5 到 500 个字，说说遇到的问题或建议')).toBeTruthy();
    expect(cloud.calls.submitAppFeedback).toBeUndefined();
    fireEvent.click(screen.getByText('使用问题'));
    fireEvent.input(document.querySelector('#feedback-text')!, { target: { value: '  上传照片一直转圈  ' } });
    fireEvent.change(screen.getByPlaceholderText('11 位手机号，方便回访'), { target: { value: '1391234' } });
    fireEvent.click(screen.getByText('提交'));
    expect(screen.getByText('手机号请填 11 位，或者不填')).toBeTruthy();
    fireEvent.change(screen.getByPlaceholderText('11 位手机号，方便回访'), { target: { value: '' } });
    fireEvent.click(screen.getByText('提交'));
    expect(await screen.findByText('JY20261203-ABC123', { selector: '#feedback-sent *' })).toBeTruthy();
    expect(cloud.calls.submitAppFeedback).toEqual([
      { kind: 'usage', text: '上传照片一直转圈', idempotencyKey: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) },
    ]);
    expect(await screen.findByText('等待回复')).toBeTruthy();
  });

  it('keeps the key for a retry after a lost answer, so the feedback is never sent twice', async () => {
    let attempts = 0;
    const cloud = installFakeLocalcloud({
      myAppFeedback: () => ok({ items: [], nextCursor: null }),
      submitAppFeedback: (request) => {
        attempts += 1;
        if (attempts === 1) return { ok: false, code: 'INTERNAL.ERROR', message: 'lost' };
        return ok({ feedback: feedback({ text: request.text as string }), replayed: true });
      },
    });
    render(<FeedbackPage />);
    fireEvent.click(await screen.findByText('建议'));
    fireEvent.input(document.querySelector('#feedback-text')!, { target: { value: '希望字再大一点' } });
    fireEvent.click(screen.getByText('提交'));
    expect(await screen.findByText('系统开小差了，请稍后再试。')).toBeTruthy();
    fireEvent.click(screen.getByText('提交'));
    await screen.findByText('JY20261203-ABC123', { selector: '#feedback-sent *' });
    const keys = (cloud.calls.submitAppFeedback as Array<{ idempotencyKey: string }>).map((call) => call.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it('shows the county centre’s answer under my feedback', async () => {
    installFakeLocalcloud({
      myAppFeedback: () =>
        ok({ items: [feedback({ status: 'answered', reply: '已修复，请更新', repliedAt: THU_9 + 3_600_000 })], nextCursor: null }),
    });
    render(<FeedbackPage />);
    expect(await screen.findByText('县综治中心回复：已修复，请更新')).toBeTruthy();
    expect(screen.getByText('已回复')).toBeTruthy();
  });
});

describe('投诉建议 (the county centre’s list)', () => {
  it('answers one piece with words, and shows it answered', async () => {
    const cloud = installFakeLocalcloud({
      appFeedbackList: () => ok({ items: [feedback({ phone: '13912345678' })], nextCursor: null }),
      replyAppFeedback: (request) =>
        ok({ feedback: feedback({ status: 'answered', reply: request.reply as string, repliedAt: THU_9 + 60_000 }) }),
    });
    render(<StaffFeedbackPage />);
    expect(await screen.findByText('联系电话：13912345678')).toBeTruthy();
    fireEvent.click(screen.getByText('回复'));
    expect(screen.getByText('请写回复（至少 2 个字），写信人会在消息里看到')).toBeTruthy();
    expect(cloud.calls.replyAppFeedback).toBeUndefined();
    fireEvent.input(document.querySelector(`#reply-${feedback().id}`)!, { target: { value: '已转技术人员处理' } });
    fireEvent.click(screen.getByText('回复'));
    expect(await screen.findByText(/^已回复：已转技术人员处理/)).toBeTruthy();
    expect(cloud.calls.replyAppFeedback).toEqual([{ feedbackId: feedback().id, reply: '已转技术人员处理' }]);
  });
});
