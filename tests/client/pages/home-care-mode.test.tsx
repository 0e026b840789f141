import { fireEvent, render, screen } from '@testing-library/react';
import App from '../../../client/src/app';
import { CARE_MODE_KEY, careModeFromFont, isCareMode, setCareMode } from '../../../client/src/device/care-mode';
import { forgetMe } from '../../../client/src/hooks/use-me';
import HomePage from '../../../client/src/pages/home';
import Taro, { __storage } from '../stand-ins/taro';
import { installFakeLocalcloud, ok } from '../helpers/fake-localcloud';
import { me } from '../helpers/fixtures';

// 长辈模式 (关怀模式): the switch kept on the device, the root class, WeChat's font size, the simple home.
const platform = Taro as unknown as Record<string, unknown>;

afterEach(() => {
  delete platform.getAppBaseInfo;
  process.env.TARO_ENV = 'h5';
  document.documentElement.classList.remove('care-mode');
});

describe('长辈模式', () => {
  beforeEach(forgetMe);

  it('is switched on from the home, kept on the device, and puts the class on the root', async () => {
    installFakeLocalcloud({ me: () => ok(me()) });
    render(
      <App>
        <HomePage />
      </App>,
    );
    await screen.findByText('您好，张秀兰');
    const toggle = document.getElementById('care-mode-switch')!;
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    expect(document.documentElement.classList.contains('care-mode')).toBe(false);
    fireEvent.click(screen.getByText('长辈模式'));
    expect(__storage().get(CARE_MODE_KEY)).toBe('on');
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    expect(document.documentElement.classList.contains('care-mode')).toBe(true);
    fireEvent.click(screen.getByText('长辈模式'));
    expect(__storage().get(CARE_MODE_KEY)).toBe('off');
    expect(document.documentElement.classList.contains('care-mode')).toBe(false);
  });

  it('shows a resident 一键求助 and three big tiles, the rest under 更多', async () => {
    setCareMode(true);
    installFakeLocalcloud({ me: () => ok(me()) });
    render(<HomePage />);
    await screen.findByText('您好，张秀兰');
    const tiles = () => [...document.querySelectorAll('.home__action-title')].map((el) => el.textContent);
    expect(screen.getByText('一键求助')).toBeTruthy();
    expect(tiles()).toEqual(['随手拍', '预约服务', '我的上报']);
    expect(screen.queryByText('城关社区第3网格')).toBeNull();
    fireEvent.click(screen.getByText('更多'));
    expect(tiles().slice(0, 3)).toEqual(['随手拍', '预约服务', '我的上报']);
    expect(tiles()).toEqual(expect.arrayContaining(['我的积分', '爱心超市', '消息', '扫码入格']));
    expect(tiles().filter((title) => title === '随手拍')).toHaveLength(1);
    expect(await screen.findByText('城关社区第3网格')).toBeTruthy();
  });

  it('leaves the staff workbench as it is', async () => {
    setCareMode(true);
    installFakeLocalcloud({ me: () => ok(me({ name: '赵丽', roles: ['gridWorker'] })) });
    render(<HomePage />);
    expect(await screen.findByText('网格员工作台')).toBeTruthy();
    expect(screen.queryByText('更多')).toBeNull();
  });

  it('turns on by itself from WeChat’s font size of 22 px, unless the person switched it off', () => {
    expect([17, 21, 22, 23.8].map(careModeFromFont)).toEqual([false, false, true, true]);
    expect(careModeFromFont(undefined)).toBe(false);
    process.env.TARO_ENV = 'weapp';
    platform.getAppBaseInfo = jest.fn(() => ({ fontSizeSetting: 23.8 }));
    expect(isCareMode()).toBe(true);
    setCareMode(false);
    expect(isCareMode()).toBe(false);
    __storage().delete(CARE_MODE_KEY);
    platform.getAppBaseInfo = jest.fn(() => ({ fontSizeSetting: 17 }));
    expect(isCareMode()).toBe(false);
    // The browser build has nothing to read: only the switch.
    process.env.TARO_ENV = 'h5';
    platform.getAppBaseInfo = jest.fn(() => ({ fontSizeSetting: 30 }));
    expect(isCareMode()).toBe(false);
  });
});
