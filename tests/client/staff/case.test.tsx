import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import StaffCasePage from '../../../client/src/staff/pages/case';
import { __setRouterParams } from '../stand-ins/taro';
import { fail, installFakeLocalcloud, ok } from '../helpers/fake-localcloud';
import { detail, summary } from '../helpers/fixtures';
import type { DuplicateCandidate } from '@pingan/shared/contracts';

const candidate = (id: string, distanceM: number, overrides: Partial<DuplicateCandidate> = {}): DuplicateCandidate => ({
  id,
  text: '楼道灭火器已过期',
  status: 'submitted',
  submittedAt: Date.UTC(2025, 4, 3, 6, 0),
  distanceM,
  ownerName: '城关社区第3网格',
  reporterName: '张秀兰',
  ...overrides,
});
const acceptedEvent = {
  seq: 1,
  type: 'accepted' as const,
  at: Date.UTC(2025, 4, 3, 7, 0),
  status: 'accepted' as const,
  actor: { id: 'u-grid-worker-03', name: '赵丽' },
};

/** caseActions as the server answers a grid worker of the case's grid: 受理 / 不予受理 while it waits for them. */
const movesOf = (status: string) => ok({ moves: status === 'submitted' ? ['accept', 'reject'] : [], people: [], departments: [] });
const submittedMoves = () => movesOf('submitted');

describe('staff case page', () => {
  beforeEach(() => __setRouterParams({ id: 'rep-1' }));

  it('accepts a submitted report and shows the new step in its timeline', async () => {
    let current = detail();
    const cloud = installFakeLocalcloud({
      reportDetail: () => ok({ report: current }),
      caseActions: () => movesOf(current.status),
      acceptReport: () => {
        current = detail({ status: 'accepted', events: [...current.events, acceptedEvent] });
        return ok({ report: summary(1, { status: 'accepted' }) });
      },
    });
    render(<StaffCasePage />);
    fireEvent.click(await screen.findByText('受理（有效上报）'));
    expect(await screen.findByText('网格员受理')).toBeTruthy();
    expect(cloud.calls.acceptReport).toEqual([{ reportId: 'rep-1' }]);
    expect(screen.queryByText('受理（有效上报）')).toBeNull();
    expect(screen.getByText('上报人：张秀兰')).toBeTruthy();
  });

  it('needs a reason to reject, and for a duplicate a tap on the original among the near reports', async () => {
    const cloud = installFakeLocalcloud({
      reportDetail: () => ok({ report: detail() }),
      caseActions: submittedMoves,
      duplicateCandidates: () =>
        ok({
          candidates: [candidate('rep-0', 18), candidate('rep-9', 42, { text: '三楼灭火器过期', reporterName: undefined })],
          radiusM: 50,
          windowDays: 30,
        }),
      rejectReport: () => ok({ report: summary(1, { status: 'rejected', light: null }) }),
    });
    render(<StaffCasePage />);
    fireEvent.click(await screen.findByText('不予受理'));
    const confirm = () => screen.getByText('确认不予受理').closest('button') as HTMLButtonElement;
    expect(confirm().disabled).toBe(true);
    expect(cloud.calls.duplicateCandidates).toBeUndefined(); // asked only when the reason is 重复
    fireEvent.click(screen.getByText('别人已经报过了'));
    expect(await screen.findByText('相距 18 米')).toBeTruthy();
    expect(cloud.calls.duplicateCandidates).toEqual([{ reportId: 'rep-1' }]);
    expect(screen.getByText('请点选重复的那一条上报')).toBeTruthy();
    expect(confirm().disabled).toBe(true);
    const cards = screen.getAllByRole('radio').filter((el) => el.id.startsWith('candidate-'));
    expect(cards.map((card) => card.textContent)).toEqual([
      expect.stringContaining('楼道灭火器已过期'),
      expect.stringContaining('三楼灭火器过期'),
    ]);
    expect(cards[0]!.textContent).toContain('上报人：张秀兰');
    expect(cards[0]!.textContent).toContain('办理单位：城关社区第3网格');
    expect(cards[0]!.textContent).toContain('待受理');
    expect(cards[1]!.textContent).toContain('上报人：匿名');
    fireEvent.click(cards[0]!);
    expect(cards[0]!.getAttribute('aria-checked')).toBe('true');
    fireEvent.change(document.querySelector('#reject-note')!, { target: { value: '昨天已有人报过' } });
    fireEvent.click(confirm());
    const dialog = await screen.findByRole('dialog');
    expect(cloud.calls.rejectReport).toBeUndefined();
    expect(dialog.textContent).toContain('原因：别人已经报过了');
    expect(dialog.textContent).toContain('重复的上报：“楼道灭火器已过期”（相距 18 米，5月3日 14:00）');
    expect(dialog.textContent).not.toContain('rep-0');
    expect(dialog.textContent).toContain('说明：昨天已有人报过');
    fireEvent.click(within(dialog).getByText('不予受理'));
    await waitFor(() => expect(cloud.calls.rejectReport).toHaveLength(1));
    expect(cloud.calls.rejectReport![0]).toEqual({ reportId: 'rep-1', reason: 'duplicate', duplicateOf: 'rep-0', note: '昨天已有人报过' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('says so when no report of the category is near, and still takes a number typed in', async () => {
    const cloud = installFakeLocalcloud({
      reportDetail: () => ok({ report: detail() }),
      caseActions: submittedMoves,
      duplicateCandidates: () => ok({ candidates: [], radiusM: 50, windowDays: 30 }),
    });
    render(<StaffCasePage />);
    fireEvent.click(await screen.findByText('不予受理'));
    fireEvent.click(screen.getByText('别人已经报过了'));
    expect(await screen.findByText('附近没有同类上报（50 米内、近 30 天）')).toBeTruthy();
    fireEvent.click(screen.getByText('不在这里？输入编号'));
    expect(screen.getByText('请填写重复的那条上报的编号')).toBeTruthy();
    fireEvent.change(document.querySelector('#duplicate-of')!, { target: { value: ' rep-7 ' } });
    fireEvent.click(screen.getByText('确认不予受理'));
    expect((await screen.findByRole('dialog')).textContent).toContain('重复的上报：编号 rep-7');
    expect(cloud.calls.duplicateCandidates).toHaveLength(1);
  });

  it('explains a category that is never a duplicate by place', async () => {
    installFakeLocalcloud({
      reportDetail: () => ok({ report: detail() }),
      caseActions: submittedMoves,
      duplicateCandidates: () => ok({ candidates: [], radiusM: 0, windowDays: 30, none: 'no_radius' }),
    });
    render(<StaffCasePage />);
    fireEvent.click(await screen.findByText('不予受理'));
    fireEvent.click(screen.getByText('别人已经报过了'));
    expect(await screen.findByText('这一类上报不按位置判断重复')).toBeTruthy();
  });

  it('shows the search loading, then a failure with 重试 that asks again', async () => {
    let answer: unknown = fail('INTERNAL.ERROR');
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const cloud = installFakeLocalcloud({
      reportDetail: () => ok({ report: detail() }),
      caseActions: submittedMoves,
      duplicateCandidates: async () => {
        await held;
        return answer;
      },
    });
    render(<StaffCasePage />);
    fireEvent.click(await screen.findByText('不予受理'));
    fireEvent.click(screen.getByText('别人已经报过了'));
    expect(await screen.findByText('正在找附近的同类上报…')).toBeTruthy();
    release();
    expect(await screen.findByText('系统开小差了，请稍后再试。')).toBeTruthy();
    answer = ok({ candidates: [candidate('rep-0', 5)], radiusM: 50, windowDays: 30 });
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('相距 5 米')).toBeTruthy();
    expect(cloud.calls.duplicateCandidates).toHaveLength(2);
  });

  it('asks before rejecting, and sends nothing when the staff member thinks again', async () => {
    const cloud = installFakeLocalcloud({ reportDetail: () => ok({ report: detail() }), caseActions: submittedMoves });
    render(<StaffCasePage />);
    fireEvent.click(await screen.findByText('不予受理'));
    fireEvent.click(screen.getByText('信息不实或无法核实'));
    fireEvent.click(screen.getByText('确认不予受理'));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText('确定不予受理吗？')).toBeTruthy();
    expect(dialog.textContent).toContain('原因：信息不实或无法核实');
    expect(dialog.textContent).toContain('没有写说明。');
    fireEvent.click(within(dialog).getByText('再想想'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('确认不予受理')).toBeTruthy();
    expect(cloud.calls.rejectReport).toBeUndefined();
  });

  it('closes the dialog on a refused reject and says why beside the form', async () => {
    installFakeLocalcloud({
      reportDetail: () => ok({ report: detail() }),
      caseActions: submittedMoves,
      rejectReport: () => fail('REPORT.INVALID_TRANSITION'),
    });
    render(<StaffCasePage />);
    fireEvent.click(await screen.findByText('不予受理'));
    fireEvent.click(screen.getByText('不属于网格受理范围'));
    fireEvent.click(screen.getByText('确认不予受理'));
    fireEvent.click(within(screen.getByRole('dialog')).getByText('不予受理'));
    expect(await screen.findByText('这件事的办理状态已经变了，请刷新后再看。')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('确认不予受理')).toBeTruthy();
  });

  it('accepts at once, without a dialog (the frequent, positive decision)', async () => {
    const cloud = installFakeLocalcloud({
      reportDetail: () => ok({ report: detail() }),
      caseActions: submittedMoves,
      acceptReport: () => ok({ report: summary(1, { status: 'accepted' }) }),
    });
    render(<StaffCasePage />);
    fireEvent.click(await screen.findByText('受理（有效上报）'));
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(cloud.calls.acceptReport).toHaveLength(1));
  });

  it('explains a refused action in plain words and keeps the buttons', async () => {
    installFakeLocalcloud({
      reportDetail: () => ok({ report: detail() }),
      caseActions: submittedMoves,
      acceptReport: () => fail('REPORT.INVALID_TRANSITION'),
    });
    render(<StaffCasePage />);
    fireEvent.click(await screen.findByText('受理（有效上报）'));
    expect(await screen.findByText('这件事的办理状态已经变了，请刷新后再看。')).toBeTruthy();
    expect(screen.getByText('受理（有效上报）')).toBeTruthy();
  });

  it('hides the reporter of an anonymous report', async () => {
    installFakeLocalcloud({
      reportDetail: () => ok({ report: detail({ anonymous: true, reporter: undefined }) }),
      caseActions: submittedMoves,
    });
    render(<StaffCasePage />);
    expect(await screen.findByText('上报人：匿名')).toBeTruthy();
  });
});
