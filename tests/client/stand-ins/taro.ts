/**
 * An in-memory stand-in for @tarojs/taro: storage in a Map, router params a test sets, lifecycle hooks
 * that run once on mount, and every platform API a jest.fn a test can inspect or script.
 */
import { useEffect } from 'react';

const storage = new Map<string, unknown>();
let routerParams: Record<string, string> = {};
/** The mini-program's files by path (temp files a test puts there, and what the code saves). */
const files = new Map<string, string>();

type Callbacks = { success?: (res: Record<string, unknown>) => void; fail?: (error: { errMsg: string }) => void; complete?: () => void };

function settle(options: Callbacks, error: string | undefined, res: Record<string, unknown> = {}): void {
  if (error) options.fail?.({ errMsg: error });
  else options.success?.(res);
  options.complete?.();
}

/** wx's FileSystemManager over `files`, for the calls the client makes. */
const fileSystemManager = {
  accessSync(path: string): void {
    if (!files.has(path) && ![...files.keys()].some((p) => p.startsWith(`${path}/`)) && !files.has(`${path}/`))
      throw new Error(`accessSync:fail no such file or directory ${path}`);
  },
  mkdirSync(path: string): void {
    files.set(`${path}/`, '');
  },
  saveFile(options: Callbacks & { tempFilePath: string; filePath: string }): void {
    const bytes = files.get(options.tempFilePath);
    if (bytes === undefined) return settle(options, `saveFile:fail no such file ${options.tempFilePath}`);
    files.delete(options.tempFilePath); // saving moves the temp file
    files.set(options.filePath, bytes);
    settle(options, undefined, { savedFilePath: options.filePath });
  },
  unlink(options: Callbacks & { filePath: string }): void {
    settle(options, files.delete(options.filePath) ? undefined : `unlink:fail no such file ${options.filePath}`);
  },
};

/** Resets storage, router params and every recorded call; run before each test (setup.ts). */
export function __reset(): void {
  storage.clear();
  files.clear();
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

export function __files(): Map<string, string> {
  return files;
}

const Taro = {
  env: { USER_DATA_PATH: 'wxfile://usr' },
  getFileSystemManager: () => fileSystemManager,
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
  getImageInfo: jest.fn(),
  compressImage: jest.fn(),
  onNetworkStatusChange: jest.fn(),
  offNetworkStatusChange: jest.fn(),
  cloud: {
    init: jest.fn(),
    callFunction: jest.fn(),
    uploadFile: jest.fn(),
    getTempFileURL: jest.fn(),
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
