import { fireEvent, render, screen } from '@testing-library/react';
import ScanPage from '../../../client/src/pages/scan';
import { joinRequestFrom } from '../../../client/src/pages/scan/join-request';
import Taro, { __setRouterParams } from '../stand-ins/taro';
import { fail, installFakeLocalcloud, ok } from '../helpers/fake-localcloud';
import { grid03 } from '../helpers/fixtures';

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
