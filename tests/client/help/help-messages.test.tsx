import { fireEvent, render, screen } from '@testing-library/react';
import type { MessageView } from '@pingan/shared/contracts';
import MessagesPage from '../../../client/src/pages/messages';
import Taro from '../stand-ins/taro';
import { installFakeLocalcloud, ok } from '../helpers/fake-localcloud';

function helpMessage(kind: MessageView['kind'], title: string): MessageView {
  return {
    id: `h-1:2:u-${kind}`,
    kind,
    title,
    body: '',
    helpCallId: 'h-1',
    at: Date.UTC(2026, 11, 2, 7),
    read: true,
    rateRequested: false,
  };
}

describe('a help call’s message in 消息', () => {
  it('opens the requester’s help page when someone answered their call', async () => {
    installFakeLocalcloud({
      myMessages: () => ok({ items: [helpMessage('helpAcknowledged', '已有人响应您的求助')], nextCursor: null, unread: 0 }),
    });
    render(<MessagesPage />);
    fireEvent.click(await screen.findByText('已有人响应您的求助'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/help/index?id=h-1' });
  });

  it('opens the staff help call page for a call raised to them', async () => {
    installFakeLocalcloud({
      myMessages: () => ok({ items: [helpMessage('helpRaised', '一键求助：张秀兰')], nextCursor: null, unread: 0 }),
    });
    render(<MessagesPage />);
    fireEvent.click(await screen.findByText('一键求助：张秀兰'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/pages/help-call/index?id=h-1' });
  });
});
