/**
 * An in-memory stand-in for @tarojs/taro: storage in a Map, router params a test sets, lifecycle hooks
 * that run once on mount, and every platform API a jest.fn a test can inspect or script.
 */
import { useEffect } from 'react';

const storage = new Map<string, unknown>();
let routerParams: Record<string, string> = {};

/** Resets storage, router params and every recorded call; run before each test (setup.ts). */
export function __reset(): void {
  storage.clear();
  routerParams = {};
  for (const fn of Object.values(Taro)) if (typeof fn === 'function' && 'mockReset' in fn) (fn as jest.Mock).mockReset();
  for (const fn of Object.values(Taro.cloud)) (fn as jest.Mock).mockReset();
  Taro.navigateTo.mockResolvedValue({});
  Taro.navigateBack.mockResolvedValue({});
  Taro.redirectTo.mockResolvedValue({});
  Taro.reLaunch.mockResolvedValue({});
  Taro.makePhoneCall.mockResolvedValue({});
  Taro.showToast.mockResolvedValue({});
  Taro.previewImage.mockResolvedValue({});
  Taro.vibrateLong.mockResolvedValue({});
  Taro.setInnerAudioOption.mockResolvedValue({});
  Taro.createInnerAudioContext.mockReturnValue({ src: '', play: jest.fn(), stop: jest.fn() });
  Taro.openLocation.mockResolvedValue({});
  Taro.getCurrentPages.mockReturnValue([]);
}

export function __setRouterParams(params: Record<string, string>): void {
  routerParams = params;
}

export function __storage(): Map<string, unknown> {
  return storage;
}

const Taro = {
  getStorageSync: (key: string): unknown => (storage.has(key) ? JSON.parse(JSON.stringify(storage.get(key))) : ''),
  setStorageSync: (key: string, value: unknown): void => void storage.set(key, JSON.parse(JSON.stringify(value))),
  removeStorageSync: (key: string): void => void storage.delete(key),
  navigateTo: jest.fn(),
  navigateBack: jest.fn(),
  redirectTo: jest.fn(),
  reLaunch: jest.fn(),
  getCurrentPages: jest.fn(),
  makePhoneCall: jest.fn(),
  showToast: jest.fn(),
  stopPullDownRefresh: jest.fn(),
  chooseImage: jest.fn(),
  previewImage: jest.fn(),
  getLocation: jest.fn(),
  chooseLocation: jest.fn(),
  scanCode: jest.fn(),
  onNeedPrivacyAuthorization: jest.fn(),
  openPrivacyContract: jest.fn(),
  requestSubscribeMessage: jest.fn(),
  vibrateLong: jest.fn(),
  openLocation: jest.fn(),
  setInnerAudioOption: jest.fn(),
  createInnerAudioContext: jest.fn(),
  cloud: {
    init: jest.fn(),
    callFunction: jest.fn(),
    uploadFile: jest.fn(),
  },
};

export function useRouter() {
  return { params: routerParams, path: '' };
}

export function useDidShow(callback: () => void): void {
  useEffect(() => callback(), []);
}

export function useDidHide(_callback: () => void): void {}

export function usePullDownRefresh(_callback: () => void): void {}

export default Taro;
