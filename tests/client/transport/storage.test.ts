import { ownFileUrls, uploadFile } from '../../../client/src/transport';
import { installFakeLocalcloud } from '../helpers/fake-localcloud';
import Taro from '../stand-ins/taro';

describe('uploads in the mini-program (wx.cloud.uploadFile with its UploadTask)', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
  });

  /** wx.cloud.uploadFile as WeChat answers it when given callbacks: a task now, the outcome later. */
  function scriptedUpload() {
    const task = { onProgressUpdate: jest.fn(), abort: jest.fn() };
    let options: { success: (res: { fileID: string }) => void; fail: (error: { errMsg: string }) => void } | undefined;
    Taro.cloud.uploadFile.mockImplementation((given) => {
      options = given;
      return task;
    });
    return { task, succeed: (fileID: string) => options!.success({ fileID }), fail: (errMsg: string) => options!.fail({ errMsg }) };
  }

  it('reports the share sent as WeChat reports its percentage', async () => {
    const upload = scriptedUpload();
    const shares: number[] = [];
    const done = uploadFile('wxfile://usr/draft-photos/a.jpg', 'uploads/report/x/1-a.jpg', { onProgress: (s) => shares.push(s) });
    const report = upload.task.onProgressUpdate.mock.calls[0]![0] as (p: { progress: number }) => void;
    report({ progress: 40 });
    report({ progress: 100 });
    upload.succeed('cloud://env.bucket/uploads/report/x/1-a.jpg');
    await expect(done).resolves.toBe('cloud://env.bucket/uploads/report/x/1-a.jpg');
    expect(shares).toEqual([0.4, 1]);
    expect(Taro.cloud.uploadFile).toHaveBeenCalledWith(
      expect.objectContaining({ filePath: 'wxfile://usr/draft-photos/a.jpg', cloudPath: 'uploads/report/x/1-a.jpg' }),
    );
  });

  it('aborts the task on cancel and says it was cancelled, not that the network failed', async () => {
    const upload = scriptedUpload();
    let cancel = () => {};
    const done = uploadFile('wxfile://a.jpg', 'uploads/report/x/1-a.jpg', { onCancellable: (c) => (cancel = c) });
    cancel();
    expect(upload.task.abort).toHaveBeenCalled();
    upload.fail('uploadFile:fail abort');
    await expect(done).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('says the network failed when WeChat fails it', async () => {
    const upload = scriptedUpload();
    const done = uploadFile('wxfile://a.jpg', 'uploads/report/x/1-a.jpg');
    upload.fail('uploadFile:fail timeout');
    await expect(done).rejects.toMatchObject({ code: 'NETWORK' });
  });

  it('gives temporary URLs for the caller’s files, leaving out those WeChat has none for', async () => {
    Taro.cloud.getTempFileURL.mockResolvedValue({
      fileList: [
        { fileID: 'cloud://a', tempFileURL: 'https://cdn.example/a.jpg', status: 0 },
        { fileID: 'cloud://b', tempFileURL: '', status: -503003 },
      ],
    });
    const urls = await ownFileUrls(['cloud://a', 'cloud://b']);
    expect([...urls]).toEqual([['cloud://a', 'https://cdn.example/a.jpg']]);
    expect(Taro.cloud.getTempFileURL).toHaveBeenCalledWith({ fileList: ['cloud://a', 'cloud://b'] });
  });
});

describe('uploads in the browser build (XMLHttpRequest to the local cloud)', () => {
  it('reports progress as the bytes go out and answers the fileID', async () => {
    const cloud = installFakeLocalcloud({});
    const shares: number[] = [];
    const fileID = await uploadFile('blob:kept-1', 'uploads/report/x/1-a.jpg', { onProgress: (s) => shares.push(s) });
    expect(fileID).toBe('cloud://test-env.7465-test-env-1250000000/uploads/report/x/1-a.jpg');
    expect(shares).toEqual([0.25, 1]);
    expect(cloud.uploads).toEqual(['uploads/report/x/1-a.jpg']);
  });

  it('stops on cancel: nothing arrives', async () => {
    const cloud = installFakeLocalcloud({});
    const held = cloud.holdUploads();
    let cancel = () => {};
    const done = uploadFile('blob:kept-1', 'uploads/report/x/1-a.jpg', { onCancellable: (c) => (cancel = c) });
    await new Promise((resolve) => setTimeout(resolve, 0));
    cancel();
    held.release();
    await expect(done).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(cloud.uploads).toEqual([]);
  });

  it('asks the local cloud for temporary URLs and loads them through this build’s own address', async () => {
    const cloud = installFakeLocalcloud({});
    cloud.uploads.push('uploads/report/x/1-a.jpg');
    const id = 'cloud://test-env.7465-test-env-1250000000/uploads/report/x/1-a.jpg';
    const urls = await ownFileUrls([id, 'cloud://test-env.7465-test-env-1250000000/uploads/report/x/2-b.jpg']);
    expect([...urls]).toEqual([[id, '/storage/file/uploads/report/x/1-a.jpg?sign=t']]);
  });
});
