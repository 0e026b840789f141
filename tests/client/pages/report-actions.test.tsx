import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReportDetail } from '@pingan/shared/contracts';
import ReportPage from '../../../client/src/pages/report';
import { forgetMe } from '../../../client/src/hooks/use-me';
import { __setRouterParams } from '../stand-ins/taro';
import { fail, installFakeLocalcloud, ok, type Handler } from '../helpers/fake-localcloud';
import { detail, me, summary } from '../helpers/fixtures';

const DAY = 86_400_000;
const worker = { id: 'u-grid-worker-03', name: '赵丽' };
const leader = { id: 'u-grid-leader-03', name: '陈志强' };

/** A case closed `daysAgo` days ago, as its reporter sees it, optionally rated. */
function closedCase(daysAgo: number, rating?: { satisfaction: number; comment?: string }): ReportDetail {
  const closedAt = Date.now() - daysAgo * DAY;
  const events: ReportDetail['events'] = [
    ...detail().events,
    { seq: 1, type: 'accepted', at: closedAt - 3 * 3_600_000, status: 'accepted', actor: worker },
    { seq: 2, type: 'resolved', at: closedAt - 3_600_000, status: 'resolved', actor: worker },
    { seq: 3, type: 'closed', at: closedAt, status: 'closed', actor: leader },
  ];
  if (!rating) return detail({ status: 'closed', events });
  return detail({
    status: 'rated',
    rating,
    events: [...events, { seq: 4, type: 'rated', at: closedAt + 60_000, status: 'rated', actor: { id: 'u-resident-01', name: '张秀兰' } }],
  });
}

function open(report: ReportDetail, handlers: Record<string, Handler> = {}, viewer = me()) {
  forgetMe();
  __setRouterParams({ id: report.id });
  let current = report;
  const cloud = installFakeLocalcloud({
    me: () => ok(viewer),
    reportDetail: () => ok({ report: current }),
    ...handlers,
  });
  render(<ReportPage />);
  return { cloud, change: (next: ReportDetail) => (current = next) };
}

describe('评价 (rate) on the report page', () => {
  it('rates a closed case with stars that say 满意 / 基本满意 / 不满意, and a comment', async () => {
    const { cloud, change } = open(closedCase(0), {
      rateReport: () => {
        change(closedCase(0, { satisfaction: 3, comment: '还行' }));
        return ok({ report: summary(1, { status: 'rated' }) });
      },
    });
    await screen.findByText('这件事办得怎么样？');
    const submit = screen.getByText('提交评价').closest('button')!;
    expect(submit.disabled).toBe(true);
    expect(screen.getByText('1–2 星不满意，3 星基本满意，4–5 星满意')).toBeTruthy();
    fireEvent.click(document.getElementById('rate-star-1')!);
    expect(screen.getByText('1 星：不满意')).toBeTruthy();
    fireEvent.click(document.getElementById('rate-star-5')!);
    expect(screen.getByText('5 星：满意')).toBeTruthy();
    fireEvent.click(document.getElementById('rate-star-3')!);
    expect(screen.getByText('3 星：基本满意')).toBeTruthy();
    fireEvent.input(document.getElementById('rate-comment')!, { target: { value: ' 还行 ' } });
    fireEvent.click(screen.getByText('提交评价'));
    await waitFor(() => expect(cloud.calls.rateReport).toEqual([{ reportId: 'rep-1', satisfaction: 3, comment: '还行' }]));
    // After the rating the page shows it, and asks no more.
    expect(await screen.findByText(/评价：★★★☆☆ 基本满意/)).toBeTruthy();
    expect(screen.queryByText('提交评价')).toBeNull();
  });

  it('shows the refusal in words when the case was rated meanwhile', async () => {
    open(closedCase(0), { rateReport: () => fail('REPORT.INVALID_TRANSITION') });
    fireEvent.click(await screen.findByText('☆', { selector: '#rate-star-4 *' }));
    fireEvent.click(screen.getByText('提交评价'));
    expect(await screen.findByText('这件事的办理状态已经变了，请刷新后再看。')).toBeTruthy();
  });

  it('is not offered to a follower, nor before the case is closed', async () => {
    open(closedCase(0), {}, { ...me({ name: '王芳' }), id: 'u-resident-02' });
    await screen.findByText('核查结案');
    expect(screen.queryByText('这件事办得怎么样？')).toBeNull();
  });
});

describe('撤回 (withdraw) on the report page', () => {
  it('withdraws a report nobody has accepted, after asking once more', async () => {
    const { cloud, change } = open(detail(), {
      withdrawReport: () => {
        change(detail({ status: 'withdrawn', light: null }));
        return ok({ report: summary(1, { status: 'withdrawn', light: null }) });
      },
    });
    fireEvent.click(await screen.findByText('撤回这条上报'));
    expect(screen.getByRole('dialog').textContent).toContain('撤回后网格员不再办理');
    expect(cloud.calls.withdrawReport).toBeUndefined();
    fireEvent.click(screen.getByText('确认撤回'));
    await waitFor(() => expect(cloud.calls.withdrawReport).toEqual([{ reportId: 'rep-1' }]));
    expect(await screen.findByText('已撤回')).toBeTruthy();
    expect(screen.queryByText('撤回这条上报')).toBeNull();
  });

  it('keeps the report when the resident cancels', async () => {
    const { cloud } = open(detail());
    fireEvent.click(await screen.findByText('撤回这条上报'));
    fireEvent.click(screen.getByText('取消'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(cloud.calls.withdrawReport).toBeUndefined();
  });

  it('says in words that it was accepted meanwhile', async () => {
    open(detail(), { withdrawReport: () => fail('REPORT.INVALID_TRANSITION') });
    fireEvent.click(await screen.findByText('撤回这条上报'));
    fireEvent.click(screen.getByText('确认撤回'));
    expect(await screen.findByText('这件事的办理状态已经变了，请刷新后再看。')).toBeTruthy();
  });

  it('is not offered once the report is accepted', async () => {
    open(detail({ status: 'accepted' }));
    await screen.findByText('提交上报');
    expect(screen.queryByText('撤回这条上报')).toBeNull();
  });
});

describe('申请重新办理 (reopen) on the report page', () => {
  it('asks for a note and sends the case back after a 不满意 rating', async () => {
    const { cloud } = open(closedCase(1, { satisfaction: 2 }), { reopenReport: () => ok({ report: summary(1, { status: 'resolved' }) }) });
    expect(await screen.findByText(/评价：★★☆☆☆ 不满意/)).toBeTruthy();
    fireEvent.click(screen.getByText('申请重新办理'));
    const submit = screen.getByText('提交申请').closest('button')!;
    expect(submit.disabled).toBe(true);
    fireEvent.input(document.getElementById('reopen-note')!, { target: { value: '\u200b ' } });
    expect(submit.disabled).toBe(true);
    fireEvent.input(document.getElementById('reopen-note')!, { target: { value: '垃圾又堆回来了' } });
    fireEvent.click(screen.getByText('提交申请'));
    await waitFor(() => expect(cloud.calls.reopenReport).toEqual([{ reportId: 'rep-1', note: '垃圾又堆回来了' }]));
  });

  it.each([
    ['a rating that is not 不满意', closedCase(1, { satisfaction: 3 })],
    ['more than 7 days after the close', closedCase(8, { satisfaction: 1 })],
    [
      'a second time',
      (() => {
        const rated = closedCase(1, { satisfaction: 1 });
        const reopened = { seq: 5, type: 'reopened' as const, at: Date.now() - DAY, status: 'resolved' as const };
        return { ...rated, events: [...rated.events, reopened] };
      })(),
    ],
  ])('is not offered for %s', async (_, report) => {
    open(report);
    await screen.findByText('核查结案');
    expect(screen.queryByText('申请重新办理')).toBeNull();
  });

  it('shows the refusal in words', async () => {
    open(closedCase(1, { satisfaction: 1 }), { reopenReport: () => fail('REPORT.CANNOT_REOPEN') });
    fireEvent.click(await screen.findByText('申请重新办理'));
    fireEvent.input(document.getElementById('reopen-note')!, { target: { value: '没修好' } });
    fireEvent.click(screen.getByText('提交申请'));
    expect(await screen.findByText('只有评价为不满意的，才能在结案后 7 天内申请重新办理一次。')).toBeTruthy();
  });
});
