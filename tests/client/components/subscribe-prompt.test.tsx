import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { forgetCatalogInMemory } from '../../../client/src/catalog/catalog-store';
import SubscribePrompt, { nextKinds } from '../../../client/src/components/subscribe-prompt';
import Taro from '../stand-ins/taro';
import { installFakeLocalcloud, ok } from '../helpers/fake-localcloud';

/** The mini-program's transport: wx.cloud.callFunction answers the catalog. */
function weappCatalog(): void {
  process.env.TARO_ENV = 'weapp';
  Taro.cloud.callFunction.mockResolvedValue({ result: ok(catalog()) });
}
import { catalog } from '../helpers/fixtures';

describe('the consent ask on a report still moving', () => {
  beforeEach(forgetCatalogInMemory);

  it('asks, on a tap in the mini-program, for the messages still to come', async () => {
    weappCatalog();
    Taro.requestSubscribeMessage.mockResolvedValue({ 'tmpl-resolved': 'accept', 'tmpl-closed': 'reject' });
    render(<SubscribePrompt status="in_progress" />);
    fireEvent.click(await screen.findByText('订阅微信提醒'));
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-resolved', 'tmpl-closed'] });
    expect(await screen.findByText('已订阅：有进展时微信会提醒您')).toBeTruthy();
  });

  it('says the 消息 list has it all when the person declines', async () => {
    weappCatalog();
    Taro.requestSubscribeMessage.mockResolvedValue({ 'tmpl-closed': 'reject' });
    render(<SubscribePrompt status="resolved" />);
    fireEvent.click(await screen.findByText('订阅微信提醒'));
    expect(await screen.findByText('没有订阅也不要紧，进展都会出现在“消息”里')).toBeTruthy();
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-closed'] });
  });

  it('shows nothing in the browser build, on a closed report, or without templates', async () => {
    installFakeLocalcloud({ catalog: () => ok(catalog()) });
    const { container, unmount } = render(<SubscribePrompt status="in_progress" />); // h5
    expect(container.innerHTML).toBe('');
    unmount();
    process.env.TARO_ENV = 'weapp';
    expect(render(<SubscribePrompt status="rated" />).container.innerHTML).toBe('');
    expect(nextKinds('closed')).toEqual([]);
    Taro.cloud.callFunction.mockResolvedValue({ result: ok(catalog({ subscribeTemplates: {} })) });
    const { container: none } = render(<SubscribePrompt status="in_progress" />);
    await waitFor(() => expect(Taro.cloud.callFunction).toHaveBeenCalled());
    await act(async () => undefined);
    expect(none.innerHTML).toBe('');
    expect(nextKinds('submitted')).toEqual(['accepted', 'rejected', 'resolved']);
  });
});
