import { fireEvent, render, screen } from '@testing-library/react';
import CallButton from '../../../client/src/components/call-button';
import { dial } from '../../../client/src/device/phone';
import Taro from '../stand-ins/taro';

describe('a call button (browser build)', () => {
  it('shows the number on the line and links 打电话 to it, dialling through onCall', () => {
    const onCall = jest.fn();
    render(<CallButton role="网格员" name="赵丽" phone="13800000053" onCall={onCall} />);
    expect(screen.getByText('13800000053')).toBeTruthy();
    const button = screen.getByLabelText('给网格员赵丽打电话');
    expect(button.getAttribute('href')).toBe('tel:13800000053');
    expect(button.textContent).toBe('打电话');
    fireEvent.click(button);
    expect(onCall).toHaveBeenCalledWith('13800000053');
  });

  it('copies the number with 复制号码, or selects it where the page may not write the clipboard', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.assign(navigator, { clipboard: { writeText } });
    render(<CallButton role="网格员" name="赵丽" phone="13800000053" onCall={jest.fn()} />);
    fireEvent.click(screen.getByText('复制号码'));
    expect(await screen.findByText('号码已复制')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith('13800000053');

    Object.assign(navigator, { clipboard: undefined });
    render(<CallButton role="网格长" name="陈志强" phone="13800000052" onCall={jest.fn()} />);
    fireEvent.click(screen.getByText('复制号码'));
    expect(await screen.findByText('号码已选中，长按可复制')).toBeTruthy();
    expect(window.getSelection()?.toString()).toBe('13800000052');
  });

  it('says there is no phone instead of a button that does nothing', () => {
    render(<CallButton role="网格医" name="邓丽萍" phone="" onCall={jest.fn()} />);
    expect(screen.getByText('没有电话')).toBeTruthy();
    expect(screen.queryByText('复制号码')).toBeNull();
  });

  it('tells where the device cannot dial, with the number', async () => {
    Taro.makePhoneCall.mockRejectedValueOnce({ errMsg: 'makePhoneCall:fail' });
    dial('13800000053');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(Taro.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '这台设备不能拨号，请用手机拨打 13800000053', icon: 'none' }),
    );
  });
});
