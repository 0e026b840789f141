import { compressPhoto, scaledSize } from '../../../client/src/device/compress-photo';
import { previewPhotos } from '../../../client/src/device/preview';
import { onReconnect } from '../../../client/src/device/network';
import Taro from '../stand-ins/taro';

describe('photos made small before upload', () => {
  it('scales the long side to 1600 px and keeps the aspect', () => {
    expect(scaledSize(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(scaledSize(3000, 4000)).toEqual({ width: 1200, height: 1600 });
    expect(scaledSize(1200, 900)).toEqual({ width: 1200, height: 900 }); // never enlarged
  });

  it('asks WeChat for a JPEG at quality 80 with the long side at 1600 px', async () => {
    process.env.TARO_ENV = 'weapp';
    Taro.getImageInfo.mockResolvedValue({ width: 3000, height: 4000 });
    Taro.compressImage.mockResolvedValue({ tempFilePath: 'wxfile://tmp/small.jpg' });
    expect(await compressPhoto('wxfile://tmp/big.jpg')).toBe('wxfile://tmp/small.jpg');
    expect(Taro.compressImage).toHaveBeenCalledWith({ src: 'wxfile://tmp/big.jpg', quality: 80, compressedHeight: 1600 });
  });

  it('uses the photo as picked when it cannot be compressed', async () => {
    process.env.TARO_ENV = 'weapp';
    Taro.getImageInfo.mockRejectedValue({ errMsg: 'getImageInfo:fail' });
    expect(await compressPhoto('wxfile://tmp/odd.heic')).toBe('wxfile://tmp/odd.heic');
  });
});

describe('the photo viewer', () => {
  it('gets a large 关闭 button in the browser build, and a tap on it closes the viewer', async () => {
    Taro.previewImage.mockImplementation(async () => {
      const viewer = document.createElement('div');
      viewer.className = 'preview-image';
      viewer.addEventListener('click', () => viewer.remove()); // Taro's H5 viewer closes on any tap
      document.body.appendChild(viewer);
    });
    await previewPhotos(['blob:a'], 'blob:a');
    const close = document.querySelector<HTMLButtonElement>('.preview-image button')!;
    expect(close.textContent).toBe('关闭');
    expect(close.style.minHeight).toBe('48px');
    close.click();
    expect(document.querySelector('.preview-image')).toBeNull();
  });
});

describe('back online', () => {
  it('tells when the mini-program gets a network back, and stops when asked', () => {
    process.env.TARO_ENV = 'weapp';
    const heard = jest.fn();
    const stop = onReconnect(heard);
    const listener = Taro.onNetworkStatusChange.mock.calls[0]![0] as (res: { isConnected: boolean }) => void;
    listener({ isConnected: false });
    listener({ isConnected: true });
    expect(heard).toHaveBeenCalledTimes(1);
    stop();
    expect(Taro.offNetworkStatusChange).toHaveBeenCalledWith(listener);
  });
});
