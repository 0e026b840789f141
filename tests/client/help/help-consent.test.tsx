import { act, fireEvent, render, screen } from '@testing-library/react';
import type { HelpCallView } from '@pingan/shared/contracts';
import { helpMessageKindOf, helpMessageTargets, type HelpEvent } from '@pingan/shared/help';
import { forgetCatalogInMemory } from '../../../client/src/catalog/catalog-store';
import { HELP_CONSENT } from '../../../client/src/device/subscribe';
import HelpAlerts from '../../../client/src/help/help-alerts';
import { forgetMe } from '../../../client/src/hooks/use-me';
import HelpPage from '../../../client/src/pages/help';
import Taro from '../stand-ins/taro';
import { fail, installFakeLocalcloud, ok, type Handler } from '../helpers/fake-localcloud';
import { catalog, grid03, me } from '../helpers/fixtures';

/**
 * WeChat's one-time consent for help messages (docs/DESIGN.md, "Help calls (一键求助)"): the caller is offered
 * 有人响应时微信通知我 only once the call is out (never a dialog between a panicked person and the call), for
 * 收到 and 已处置; staff who answer calls get 订阅求助微信提醒 on their home, for a new call, one gone up to
 * them and one cancelled, to tap again after each reminder.
 */
const RAISED_AT = Date.UTC(2026, 11, 2, 7, 0);
const TEMPLATES = {
  accepted: 'tmpl-accepted',
  helpRaised: 'tmpl-help-raised',
  helpEscalated: 'tmpl-help-escalated',
  helpAcknowledged: 'tmpl-help-acknowledged',
  helpClosed: 'tmpl-help-closed',
  helpCancelled: 'tmpl-help-cancelled',
};

function helpCall(overrides: Partial<HelpCallView> = {}): HelpCallView {
  return {
    id: 'h-1',
    status: 'raised',
    raisedAt: RAISED_AT,
    requesterName: '张秀兰',
    profile: { tags: [] },
    placeName: '城关社区第3网格',
    level: 'grid',
    ackDueAt: RAISED_AT + 5 * 60_000,
    contacts: grid03.staff,
    steps: [{ seq: 1, type: 'raised', at: RAISED_AT, level: 'grid' }],
    viewerIs: 'requester',
    ...overrides,
  };
}

/** The mini-program's transport: wx.cloud.callFunction answers each function from its handler. */
function weappCloud(handlers: Record<string, Handler>): Record<string, unknown[]> {
  process.env.TARO_ENV = 'weapp';
  const calls: Record<string, unknown[]> = {};
  Taro.cloud.callFunction.mockImplementation(async ({ name, data }: { name: string; data: Record<string, unknown> }) => {
    (calls[name] ??= []).push(data);
    const handler = handlers[name];
    return { result: handler ? await handler(data) : fail('FUNCTION_NOT_FOUND') };
  });
  return calls;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(async () => undefined);
}

const callerButton = () => screen.queryByText('有人响应时微信通知我');

beforeEach(() => {
  forgetMe();
  forgetCatalogInMemory();
  Taro.getLocation.mockRejectedValue(new Error('denied'));
  Taro.requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok' });
});

describe('what a help call asks consent for', () => {
  it('asks the caller for the messages that go to the caller, and staff for those that go to staff, at most 3 a tap', () => {
    const toCaller: string[] = [];
    const toStaff: string[] = [];
    for (const type of ['raised', 'escalated', 'acknowledged', 'closed', 'cancelled'] as const) {
      const targets = helpMessageTargets({ alertedCodes: ['g', 'c'] }, { type } as HelpEvent);
      (targets.requester ? toCaller : toStaff).push(helpMessageKindOf({ type }));
    }
    expect([...HELP_CONSENT.caller].sort()).toEqual(toCaller.sort());
    expect([...HELP_CONSENT.staff].sort()).toEqual(toStaff.sort());
    expect(HELP_CONSENT.caller.length).toBeLessThanOrEqual(3);
    expect(HELP_CONSENT.staff.length).toBeLessThanOrEqual(3);
  });
});

describe('the caller’s 有人响应时微信通知我', () => {
  beforeEach(() => jest.useFakeTimers({ now: RAISED_AT }));
  afterEach(() => jest.useRealTimers());

  it('is offered only once the call is out, and asks for 收到 and 已处置 with the catalog’s templates, once', async () => {
    let answer: (value: unknown) => void = () => undefined;
    const calls = weappCloud({
      me: () => ok(me()),
      myHelp: () => ok({ recent: [] }),
      catalog: () => ok(catalog({ subscribeTemplates: TEMPLATES })),
      raiseHelp: () => new Promise((resolve) => (answer = resolve)),
    });
    render(<HelpPage />);
    await settle();
    expect(callerButton()).toBeNull();
    fireEvent.click(screen.getByText('发出求助'));
    await settle();
    expect(screen.getByText('5 秒后发出求助')).toBeTruthy();
    expect(callerButton()).toBeNull();
    fireEvent.click(screen.getByText('立即发出'));
    await settle();
    expect(screen.getByText('正在发出求助…')).toBeTruthy();
    expect(calls.raiseHelp).toHaveLength(1);
    expect(callerButton()).toBeNull();
    expect(calls.catalog).toBeUndefined(); // nothing of the consent while the call is going out

    answer(ok({ call: helpCall({ id: 'h-consent-1' }), alreadyOpen: false }));
    await settle();
    expect(screen.getByText('已发出，正在等工作人员响应')).toBeTruthy();
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled();
    fireEvent.click(callerButton() as HTMLElement);
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledTimes(1);
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-help-acknowledged', 'tmpl-help-closed'] });
    await settle();
    expect(callerButton()).toBeNull(); // asked for this call: not offered again
    expect(screen.getByText('我已安全，取消求助')).toBeTruthy();
  });

  it('is offered on a call opened again that nobody has answered, not once someone has', async () => {
    weappCloud({
      me: () => ok(me()),
      myHelp: () => ok({ open: helpCall({ id: 'h-consent-2' }), recent: [] }),
      catalog: () => ok(catalog({ subscribeTemplates: TEMPLATES })),
    });
    const { unmount } = render(<HelpPage />);
    await settle();
    expect(callerButton()).toBeTruthy();
    unmount();

    const responder = { name: '赵丽', role: 'gridWorker' as const, phone: '13800000053' };
    weappCloud({
      me: () => ok(me()),
      myHelp: () => ok({ open: helpCall({ id: 'h-consent-3', status: 'acknowledged', responder }), recent: [] }),
      catalog: () => ok(catalog({ subscribeTemplates: TEMPLATES })),
    });
    render(<HelpPage />);
    await settle();
    expect(screen.getByText('我已安全，取消求助')).toBeTruthy();
    expect(callerButton()).toBeNull();
  });

  it('is not offered without the county’s templates, nor in the browser build', async () => {
    weappCloud({
      me: () => ok(me()),
      myHelp: () => ok({ open: helpCall({ id: 'h-consent-4' }), recent: [] }),
      catalog: () => ok(catalog()), // reports' templates only
    });
    const { unmount } = render(<HelpPage />);
    await settle();
    expect(screen.getByText('我已安全，取消求助')).toBeTruthy();
    expect(callerButton()).toBeNull();
    unmount();

    process.env.TARO_ENV = 'h5';
    installFakeLocalcloud({
      me: () => ok(me()),
      myHelp: () => ok({ open: helpCall({ id: 'h-consent-5' }), recent: [] }),
      catalog: () => ok(catalog({ subscribeTemplates: TEMPLATES })),
    });
    render(<HelpPage />);
    await settle();
    expect(screen.getByText('我已安全，取消求助')).toBeTruthy();
    expect(callerButton()).toBeNull();
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled();
  });
});

describe('the staff’s 订阅求助微信提醒', () => {
  const STAFF_IDS = ['tmpl-help-raised', 'tmpl-help-escalated', 'tmpl-help-cancelled'];

  it('is on the home with no call open, asks for a new call, one gone up and one cancelled, and stays to be tapped again', async () => {
    weappCloud({
      openHelpCalls: () => ok({ items: [] }),
      catalog: () => ok(catalog({ subscribeTemplates: TEMPLATES })),
    });
    Taro.requestSubscribeMessage.mockResolvedValue({ 'tmpl-help-raised': 'accept', 'tmpl-help-escalated': 'accept' });
    render(<HelpAlerts reminders />);
    fireEvent.click(await screen.findByText('订阅求助微信提醒'));
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: STAFF_IDS });
    expect(screen.getByText('每点一次，新求助、无人响应、取消各提醒一次；收到后请再点一次。')).toBeTruthy();
    fireEvent.click(await screen.findByText('已订阅求助微信提醒'));
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledTimes(2);
    await act(async () => undefined);
  });

  it('sits below the open calls', async () => {
    weappCloud({
      openHelpCalls: () => ok({ items: [helpCall({ viewerIs: 'responder' })] }),
      catalog: () => ok(catalog({ subscribeTemplates: TEMPLATES })),
    });
    render(<HelpAlerts reminders />);
    const reminders = (await screen.findByText('订阅求助微信提醒')).closest('#help-reminders') as HTMLElement;
    const alerts = document.querySelector('#help-alerts') as HTMLElement;
    expect(alerts.compareDocumentPosition(reminders) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(alerts.contains(reminders)).toBe(false);
  });

  it('is not offered to a 网格医 (who answers no calls), on the inbox’s alerts, nor in the browser build', async () => {
    weappCloud({ openHelpCalls: () => fail('AUTH.FORBIDDEN'), catalog: () => ok(catalog({ subscribeTemplates: TEMPLATES })) });
    const { container: doctor, unmount } = render(<HelpAlerts reminders />);
    await settle();
    expect(doctor.innerHTML).toBe('');
    unmount();

    weappCloud({ openHelpCalls: () => ok({ items: [] }), catalog: () => ok(catalog({ subscribeTemplates: TEMPLATES })) });
    const { container: inbox, unmount: leave } = render(<HelpAlerts />);
    await settle();
    expect(inbox.innerHTML).toBe('');
    leave();

    process.env.TARO_ENV = 'h5';
    installFakeLocalcloud({ openHelpCalls: () => ok({ items: [] }), catalog: () => ok(catalog({ subscribeTemplates: TEMPLATES })) });
    const { container: browser } = render(<HelpAlerts reminders />);
    await settle();
    expect(browser.innerHTML).toBe('');
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled();
  });
});
