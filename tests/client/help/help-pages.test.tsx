import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { HelpCallView } from '@pingan/shared/contracts';
import HelpAlerts from '../../../client/src/help/help-alerts';
import { PENDING_HELP_KEY } from '../../../client/src/help/pending-help';
import { forgetMe } from '../../../client/src/hooks/use-me';
import HelpPage from '../../../client/src/pages/help';
import Taro, { __storage } from '../stand-ins/taro';
import { fail, installFakeLocalcloud, ok } from '../helpers/fake-localcloud';
import { grid03, me } from '../helpers/fixtures';

const RAISED_AT = Date.UTC(2026, 11, 2, 7, 0);

function helpCall(overrides: Partial<HelpCallView> = {}): HelpCallView {
  return {
    id: 'h-1',
    status: 'raised',
    raisedAt: RAISED_AT,
    requesterName: '张秀兰',
    profile: { tags: ['高龄', '独居'] },
    placeName: '城关社区第3网格',
    level: 'grid',
    ackDueAt: RAISED_AT + 5 * 60_000,
    contacts: grid03.staff,
    steps: [{ seq: 1, type: 'raised', at: RAISED_AT, level: 'grid' }],
    viewerIs: 'requester',
    ...overrides,
  };
}

const acknowledged = (viewerIs: HelpCallView['viewerIs'] = 'requester') =>
  helpCall({
    status: 'acknowledged',
    responder: { name: '赵丽', role: 'gridWorker', phone: '13800000053' },
    steps: [
      { seq: 1, type: 'raised', at: RAISED_AT, level: 'grid' },
      { seq: 2, type: 'acknowledged', at: RAISED_AT + 60_000, level: 'grid', actorName: '赵丽', actorRole: 'gridWorker' },
    ],
    viewerIs,
  });

/** Lets the fake cloud's answers (promises) land while the clock is fake. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(async () => undefined);
}

describe('the help page', () => {
  beforeEach(() => {
    forgetMe();
    jest.useFakeTimers({ now: RAISED_AT });
    Taro.getLocation.mockRejectedValue(new Error('denied'));
  });
  afterEach(() => jest.useRealTimers());

  it('shows 110, 120 and the grid’s staff at once, each to dial', async () => {
    installFakeLocalcloud({ me: () => ok(me()), myHelp: () => ok({ recent: [] }) });
    render(<HelpPage />);
    await settle();
    const numbers = document.querySelector('#help-numbers') as HTMLElement;
    expect(within(numbers).getByText('110')).toBeTruthy();
    expect(within(numbers).getByText('120')).toBeTruthy();
    expect(within(numbers).getByText('网格员 赵丽')).toBeTruthy();
    expect(document.querySelector('#dial-13800000053')?.getAttribute('href')).toBe('tel:13800000053');
  });

  it('sends nothing when 取消 is tapped during the countdown', async () => {
    const cloud = installFakeLocalcloud({
      me: () => ok(me()),
      myHelp: () => ok({ recent: [] }),
      raiseHelp: () => ok({ call: helpCall(), alreadyOpen: false }),
    });
    render(<HelpPage />);
    await settle();
    fireEvent.click(screen.getByText('发出求助'));
    expect(screen.getByText('5 秒后发出求助')).toBeTruthy();
    act(() => void jest.advanceTimersByTime(2000));
    expect(screen.getByText('3 秒后发出求助')).toBeTruthy();
    fireEvent.click(screen.getByText('取消'));
    act(() => void jest.advanceTimersByTime(10_000));
    await settle();
    expect(cloud.calls.raiseHelp).toBeUndefined();
    expect(screen.getByText('发出求助')).toBeTruthy();
    expect(__storage().has(PENDING_HELP_KEY)).toBe(false);
  });

  it('sends once on 立即发出, says who was told, and the countdown sends no second call', async () => {
    const cloud = installFakeLocalcloud({
      me: () => ok(me()),
      myHelp: () => ok({ recent: [] }),
      raiseHelp: () => ok({ call: helpCall(), alreadyOpen: false }),
    });
    render(<HelpPage />);
    await settle();
    fireEvent.click(screen.getByText('发出求助'));
    fireEvent.click(screen.getByText('立即发出'));
    await settle();
    act(() => void jest.advanceTimersByTime(10_000));
    await settle();
    expect(cloud.calls.raiseHelp).toHaveLength(1);
    expect(cloud.calls.raiseHelp![0]).toEqual({ idempotencyKey: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) });
    expect(document.querySelector('#help-told')?.textContent).toBe('已通知：网格长 陈志强、网格员 赵丽');
    expect(screen.getByText('已发出，正在等工作人员响应')).toBeTruthy();
    expect(screen.getByText('我已安全，取消求助')).toBeTruthy();
    expect(__storage().has(PENDING_HELP_KEY)).toBe(false);
  });

  it('sends the location when the phone gives it in time', async () => {
    Taro.getLocation.mockResolvedValue({ longitude: 112.45, latitude: 34.62 });
    const cloud = installFakeLocalcloud({
      me: () => ok(me()),
      myHelp: () => ok({ recent: [] }),
      raiseHelp: () => ok({ call: helpCall(), alreadyOpen: false }),
    });
    render(<HelpPage />);
    await settle();
    fireEvent.click(screen.getByText('发出求助'));
    fireEvent.click(screen.getByText('立即发出'));
    await settle();
    expect(cloud.calls.raiseHelp![0]!.location).toEqual([expect.any(Number), expect.any(Number)]);
  });

  it('sends a retry after a lost reply under the same key', async () => {
    const cloud = installFakeLocalcloud({
      me: () => ok(me()),
      myHelp: () => ok({ recent: [] }),
      raiseHelp: () => ok({ call: helpCall(), alreadyOpen: false }),
    });
    render(<HelpPage />);
    await settle();
    fireEvent.click(screen.getByText('发出求助'));
    cloud.dropNext(1);
    fireEvent.click(screen.getByText('立即发出'));
    await settle();
    expect(screen.getByText('求助没有发出去')).toBeTruthy();
    const kept = (__storage().get(PENDING_HELP_KEY) as { key: string }).key;
    fireEvent.click(screen.getByText('重新发出求助'));
    await settle();
    expect(cloud.calls.raiseHelp).toEqual([{ idempotencyKey: kept }]);
    expect(screen.getByText('已发出，正在等工作人员响应')).toBeTruthy();
  });

  it('shows RATE.LIMITED as the server says it, with the numbers, and no retry', async () => {
    installFakeLocalcloud({
      me: () => ok(me()),
      myHelp: () => ok({ recent: [] }),
      raiseHelp: () => fail('RATE.LIMITED', '求助太频繁了，请 20 分钟后再试。紧急情况请直接拨打 110。'),
    });
    render(<HelpPage />);
    await settle();
    fireEvent.click(screen.getByText('发出求助'));
    fireEvent.click(screen.getByText('立即发出'));
    await settle();
    expect(screen.getByText('求助太频繁了，请 20 分钟后再试。紧急情况请直接拨打 110。')).toBeTruthy();
    expect(screen.queryByText('重新发出求助')).toBeNull();
    expect(within(document.querySelector('#help-numbers') as HTMLElement).getByText('110')).toBeTruthy();
  });

  it('once acknowledged, says who is coming with a button to call them, and polls while open', async () => {
    const cloud = installFakeLocalcloud({ me: () => ok(me()), myHelp: () => ok({ open: acknowledged(), recent: [acknowledged()] }) });
    render(<HelpPage />);
    await settle();
    expect(screen.getByText('赵丽（网格员）已收到，正在处理')).toBeTruthy();
    expect(document.querySelector('#dial-responder')?.getAttribute('href')).toBe('tel:13800000053');
    expect(screen.getByText('赵丽（网格员）已收到')).toBeTruthy();
    expect(screen.queryByText('发出求助')).toBeNull();
    act(() => void jest.advanceTimersByTime(10_000));
    await settle();
    expect(cloud.calls.myHelp).toHaveLength(2);
  });

  it('cancels an open call only once asked again', async () => {
    const cloud = installFakeLocalcloud({
      me: () => ok(me()),
      myHelp: () => ok({ open: helpCall(), recent: [helpCall()] }),
      cancelHelp: () => ok({ call: helpCall({ status: 'cancelled' }) }),
    });
    render(<HelpPage />);
    await settle();
    fireEvent.click(screen.getByText('我已安全，取消求助'));
    expect(cloud.calls.cancelHelp).toBeUndefined();
    const dialog = document.querySelector('#help-cancel-confirm') as HTMLElement;
    fireEvent.click(within(dialog).getByText('我已安全，取消求助'));
    await settle();
    expect(cloud.calls.cancelHelp).toEqual([{ callId: 'h-1' }]);
    expect(screen.getByText('已取消')).toBeTruthy();
  });

  it('saves the 求助资料 the resident chooses', async () => {
    const cloud = installFakeLocalcloud({
      me: () => ok(me()),
      myHelp: () => ok({ profile: { tags: ['高龄'] }, recent: [] }),
      saveHelpProfile: (request) => ok({ profile: request }),
    });
    render(<HelpPage />);
    await settle();
    expect(screen.getByText('✓ 高龄')).toBeTruthy();
    fireEvent.click(screen.getByText('独居'));
    fireEvent.input(document.querySelector('#help-profile-phone') as HTMLElement, { target: { value: '13900000001' } });
    fireEvent.click(screen.getByText('保存求助资料'));
    await settle();
    expect(cloud.calls.saveHelpProfile).toEqual([{ tags: ['高龄', '独居'], phone: '13900000001' }]);
    expect(screen.getByText('已保存')).toBeTruthy();
  });
});

describe('the staff’s help alerts', () => {
  beforeEach(() => jest.useFakeTimers({ now: RAISED_AT + 60_000 }));
  afterEach(() => jest.useRealTimers());

  it('shows an open call as a red card and acknowledges it with 收到', async () => {
    const cloud = installFakeLocalcloud({
      openHelpCalls: () => ok({ items: [helpCall({ viewerIs: 'responder', address: '幸福路 3 号楼 2 单元' })] }),
      acknowledgeHelp: () => ok({ call: acknowledged('responder') }),
    });
    render(<HelpAlerts />);
    await settle();
    const card = document.querySelector('#help-alert-h-1') as HTMLElement;
    expect(within(card).getByText('一键求助：张秀兰（高龄·独居）')).toBeTruthy();
    expect(within(card).getByText('1分钟前发出 · 城关社区第3网格')).toBeTruthy();
    expect(within(card).getByText('地点：幸福路 3 号楼 2 单元')).toBeTruthy();
    expect(within(card).getByText('4:00 内无人收到将上报社区综治中心')).toBeTruthy();
    fireEvent.click(within(card).getByText('收到'));
    await settle();
    expect(cloud.calls.acknowledgeHelp).toEqual([{ callId: 'h-1' }]);
    expect(within(card).getByText('赵丽（网格员）已收到，正在处理')).toBeTruthy();
    expect(within(card).queryByText('收到')).toBeNull();
    fireEvent.click(within(card).getByText('详情 ›'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/pages/help-call/index?id=h-1' });
  });

  it('says who answered first when 收到 comes second', async () => {
    installFakeLocalcloud({
      openHelpCalls: () => ok({ items: [helpCall({ viewerIs: 'responder' })] }),
      acknowledgeHelp: () => fail('HELP.ALREADY_ANSWERED'),
      helpCallDetail: () => ok({ call: acknowledged('responder') }),
    });
    render(<HelpAlerts />);
    await settle();
    fireEvent.click(screen.getByText('收到'));
    await settle();
    expect(screen.getByText('已经有人收到：赵丽（网格员）已收到，正在处理')).toBeTruthy();
  });

  it('asks every 15 s while shown, and a 网格医 refused once is not asked again', async () => {
    const polled = installFakeLocalcloud({ openHelpCalls: () => ok({ items: [] }) });
    render(<HelpAlerts />);
    await settle();
    act(() => void jest.advanceTimersByTime(15_000));
    await settle();
    expect(polled.calls.openHelpCalls).toHaveLength(2);
    cleanup();
    const refused = installFakeLocalcloud({ openHelpCalls: () => fail('AUTH.FORBIDDEN') });
    render(<HelpAlerts />);
    await settle();
    act(() => void jest.advanceTimersByTime(60_000));
    await settle();
    expect(refused.calls.openHelpCalls).toHaveLength(1);
  });

  it('shows nothing when no call is open', async () => {
    installFakeLocalcloud({ openHelpCalls: () => ok({ items: [] }) });
    const { container } = render(<HelpAlerts />);
    await settle();
    expect(container.innerHTML).toBe('');
  });
});
