/**
 * photoUrlsOf with wx-server-sdk replaced by a recording fake: how many storage calls it makes and what
 * it keeps of the answer. (tests/cloudfunctions/report-photos.test.ts runs it against the local cloud.)
 */
const getTempFileURL = jest.fn();
jest.mock('wx-server-sdk', () => ({ __esModule: true, default: { init: jest.fn(), DYNAMIC_CURRENT_ENV: 'env', getTempFileURL } }));

import { PHOTO_URL_SECONDS, photoUrlsOf } from '../../../cloudfunctions/src/files/photo-urls';

const NOW = Date.UTC(2025, 4, 3, 6, 0);
const file = (n: number) => `cloud://env.bucket/reports/k/${n}.jpg`;
const served = (fileID: string) => ({ fileID, tempFileURL: `https://env.tcb.qcloud.la/${fileID.slice(20)}?sign=x`, status: 0 });

beforeEach(() => {
  getTempFileURL.mockReset();
  getTempFileURL.mockImplementation(async ({ fileList }: { fileList: { fileID: string }[] }) => ({ fileList: fileList.map((f) => served(f.fileID)) }));
});

describe('photoUrlsOf', () => {
  it('asks for every photo in one call, each once, with the short lifetime', async () => {
    const urls = await photoUrlsOf([file(1), file(2), file(1)], NOW);
    expect(getTempFileURL).toHaveBeenCalledTimes(1);
    expect(getTempFileURL).toHaveBeenCalledWith({ fileList: [{ fileID: file(1), maxAge: PHOTO_URL_SECONDS }, { fileID: file(2), maxAge: PHOTO_URL_SECONDS }] });
    expect(urls).toEqual({
      expiresAt: NOW + (PHOTO_URL_SECONDS - 60) * 1000,
      files: [
        { fileID: file(1), url: served(file(1)).tempFileURL },
        { fileID: file(2), url: served(file(2)).tempFileURL },
      ],
    });
  });

  it('makes no call for a report without photos', async () => {
    expect(await photoUrlsOf([], NOW)).toBeUndefined();
    expect(getTempFileURL).not.toHaveBeenCalled();
  });

  it('leaves out a file the storage cannot serve', async () => {
    getTempFileURL.mockResolvedValue({ fileList: [served(file(1)), { fileID: file(2), tempFileURL: '', status: -503003 }] });
    expect((await photoUrlsOf([file(1), file(2)], NOW))?.files).toEqual([{ fileID: file(1), url: served(file(1)).tempFileURL }]);
  });

  it('gives no URLs, and does not fail, when storage fails or serves none', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    getTempFileURL.mockRejectedValue({ errCode: -1, errMsg: 'storage unreachable' });
    expect(await photoUrlsOf([file(1)], NOW)).toBeUndefined();
    getTempFileURL.mockResolvedValue({ fileList: [{ fileID: file(1), tempFileURL: '', status: -503003 }] });
    expect(await photoUrlsOf([file(1)], NOW)).toBeUndefined();
    warn.mockRestore();
  });

  it('asks for at most 50 files, the platform’s limit for one call', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const urls = await photoUrlsOf(Array.from({ length: 60 }, (_, i) => file(i)), NOW);
    expect(getTempFileURL).toHaveBeenCalledTimes(1);
    expect(getTempFileURL.mock.calls[0][0].fileList).toHaveLength(50);
    expect(urls?.files).toHaveLength(50);
    warn.mockRestore();
  });
});
