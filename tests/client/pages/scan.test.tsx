import { act, fireEvent, render, screen } from '@testing-library/react';
import ScanPage from '../../../client/src/pages/scan';
import { joinRequestFrom } from '../../../client/src/pages/scan/join-request';
import Taro, { __setRouterParams } from '../stand-ins/taro';
import { fail, installFakeLocalcloud, ok } from '../helpers/fake-localcloud';
import { grid03 } from '../helpers/fixtures';
import { hashParams } from '../../../client/src/pages/scan/live-params';

describe('scan-in page (扫码入格)', () => {
  it('joins the grid named by the scene it was opened with', async () => {
    __setRouterParams({ scene: 'g%3D410399001001-03' });
    const cloud = installFakeLocalcloud({ joinGrid: () => ok({ grid: grid03 }) });
    render(<ScanPage />);
    expect(await screen.findByText('城关社区第3网格')).toBeTruthy();
    expect(cloud.calls.joinGrid).toEqual([{ scene: 'g=410399001001-03' }]);
    fireEvent.click(screen.getByText('在这个网格随手拍'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/report-new/index?grid=410399001001-03' });
  });

  it('joins another grid whose link opens in the same tab (the browser keeps the page), and goes home by relaunch', async () => {
    __setRouterParams({ scene: 'g%3D410399001001-03' });
    const grid05 = { ...grid03, code: '410399002001-05', name: '河东社区第5网格', communityName: '河东社区' };
    const cloud = installFakeLocalcloud({
      joinGrid: (request) => ok({ grid: (request as { scene: string }).scene.endsWith('-05') ? grid05 : grid03 }),
    });
    render(<ScanPage />);
    expect(await screen.findByText('城关社区第3网格')).toBeTruthy();
    act(() => {
      window.location.hash = '#/pages/scan/index?scene=g%3D410399002001-05';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(await screen.findByText('河东社区第5网格')).toBeTruthy();
    expect(screen.queryByText('城关社区第3网格')).toBeNull();
    expect(cloud.calls.joinGrid).toEqual([{ scene: 'g=410399001001-03' }, { scene: 'g=410399002001-05' }]);
    fireEvent.click(screen.getByText('回到首页'));
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' });
    expect(Taro.navigateTo).not.toHaveBeenCalled();
    window.location.hash = '';
  });

  it('says a code is not ours in plain words and lets the user try again', async () => {
    __setRouterParams({ scene: 'x=1' });
    installFakeLocalcloud({ joinGrid: () => fail('GRID.SCENE_INVALID') });
    render(<ScanPage />);
    expect(await screen.findByText('这不是平安网格的二维码。')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
  });

  it('opens the camera in the mini-program and joins what it read', async () => {
    process.env.TARO_ENV = 'weapp';
    Taro.cloud.callFunction.mockResolvedValue({ result: ok({ grid: grid03 }) });
    Taro.scanCode.mockResolvedValue({ path: 'pages/scan/index?scene=g%3D410399001001-03' });
    render(<ScanPage />);
    fireEvent.click(screen.getByText('打开相机扫码'));
    expect(await screen.findByText('城关社区第3网格')).toBeTruthy();
    expect(Taro.cloud.callFunction).toHaveBeenCalledWith({ name: 'joinGrid', data: { scene: 'g=410399001001-03' } });
  });
});

describe('hashParams', () => {
  it('reads the query of a hash route as Taro hands it over, still encoded', () => {
    expect(hashParams('#/pages/scan/index?scene=g%3D410399001001-03')).toEqual({ scene: 'g=410399001001-03' });
    expect(hashParams('#/pages/scan/index')).toEqual({});
  });
});

describe('joinRequestFrom', () => {
  it('reads a scene, a plain QR code URL (q) or a grid code', () => {
    expect(joinRequestFrom({ scene: 'g%3D410399001001-03' })).toEqual({ scene: 'g=410399001001-03' });
    expect(joinRequestFrom({ q: encodeURIComponent('https://x.test/#/pages/scan/index?scene=g%3D410399001001-02') })).toEqual({
      scene: 'g=410399001001-02',
    });
    expect(joinRequestFrom({ grid: '410399001001-04' })).toEqual({ gridCode: '410399001001-04' });
    expect(joinRequestFrom({})).toBeUndefined();
  });
});
