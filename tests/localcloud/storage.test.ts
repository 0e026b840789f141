import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { createFileStore } from '../../localcloud/src/storage/file-store';
import { createUrlSigner } from '../../localcloud/src/storage/url-signer';
import { parseFileId } from '../../localcloud/src/storage/cloud-path';

/** The first bytes of a PNG, enough for the content type to be told from them. */
const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

let testCloud: TestCloud;
beforeAll(async () => {
  testCloud = await startTestCloud();
});
afterAll(async () => {
  await testCloud.stop();
});

type TempFileList = Parameters<ReturnType<TestCloud['sdk']>['getTempFileURL']>[0]['fileList'];

/** getTempFileURL's list (the SDK's types also allow a callback style that resolves to nothing). */
async function tempUrls(fileList: TempFileList) {
  const result = await testCloud.sdk().getTempFileURL({ fileList });
  if (!result) throw new Error('getTempFileURL resolved to nothing');
  return result.fileList;
}

async function deleteFiles(fileList: string[]) {
  const result = await testCloud.sdk().deleteFile({ fileList });
  if (!result) throw new Error('deleteFile resolved to nothing');
  return result.fileList;
}

async function tempUrlOf(fileID: string): Promise<string> {
  const fileList = await tempUrls([fileID]);
  expect(fileList[0]).toMatchObject({ fileID, status: 0, errMsg: 'ok' });
  return fileList[0]!.tempFileURL;
}

describe('storage through the real wx-server-sdk', () => {
  it('uploads, serves the same bytes at a temporary URL, downloads, deletes, then reports the file missing', async () => {
    const cloud = testCloud.sdk();
    const { fileID } = await cloud.uploadFile({ cloudPath: 'photos/report-1.png', fileContent: PNG_BYTES });
    expect(fileID).toBe('cloud://test-env.7465-test-env-1250000000/photos/report-1.png');

    const fileList = await tempUrls([{ fileID, maxAge: 120 }]);
    expect(fileList[0]).toMatchObject({ fileID, status: 0, errMsg: 'ok', maxAge: 120 });
    const response = await fetch(fileList[0]!.tempFileURL);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PNG_BYTES);

    const { fileContent } = await cloud.downloadFile({ fileID });
    expect(fileContent).toEqual(PNG_BYTES);

    expect(await deleteFiles([fileID])).toEqual([{ fileID, status: 0, errMsg: 'ok' }]);
    expect((await tempUrls([fileID]))[0]).toMatchObject({ fileID, status: -503003, tempFileURL: '' });
    expect((await fetch(fileList[0]!.tempFileURL)).status).toBe(404);
  });

  it('reports per file when deleting a mix of present and missing files', async () => {
    const cloud = testCloud.sdk();
    const { fileID } = await cloud.uploadFile({ cloudPath: 'keep/a.txt', fileContent: Buffer.from('a') });
    const missing = fileID.replace('a.txt', 'never-uploaded.txt');
    const fileList = await deleteFiles([fileID, missing]);
    expect(fileList.map((f) => f.status)).toEqual([0, -503003]);
  });

  it('rejects downloadFile of a missing file', async () => {
    await expect(testCloud.sdk().downloadFile({ fileID: 'cloud://test-env.x/none.txt' })).rejects.toThrow(
      /STORAGE_FILE_NONEXIST|not exist/,
    );
  });

  it('overwrites a file uploaded twice to the same path', async () => {
    const cloud = testCloud.sdk();
    await cloud.uploadFile({ cloudPath: 'twice.txt', fileContent: Buffer.from('first') });
    const { fileID } = await cloud.uploadFile({ cloudPath: 'twice.txt', fileContent: Buffer.from('second') });
    expect((await cloud.downloadFile({ fileID })).fileContent.toString()).toBe('second');
  });

  it('keeps a file and a folder of the same name apart, as object storage does', async () => {
    const cloud = testCloud.sdk();
    const a = await cloud.uploadFile({ cloudPath: 'k/a', fileContent: Buffer.from('file a') });
    const ab = await cloud.uploadFile({ cloudPath: 'k/a/b', fileContent: Buffer.from('file a/b') });
    expect((await cloud.downloadFile({ fileID: a.fileID })).fileContent.toString()).toBe('file a');
    expect((await cloud.downloadFile({ fileID: ab.fileID })).fileContent.toString()).toBe('file a/b');
  });

  it('round-trips a Chinese cloud path, through the SDK and through a browser-encoded URL', async () => {
    const cloud = testCloud.sdk();
    const { fileID } = await cloud.uploadFile({ cloudPath: '照片/网格 1.jpg', fileContent: Buffer.from('jpeg-ish') });
    expect((await cloud.downloadFile({ fileID })).fileContent.toString()).toBe('jpeg-ish');
    const response = await fetch(encodeURI(await tempUrlOf(fileID)));
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(await response.text()).toBe('jpeg-ish');
  });

  it('refuses a cloud path CloudBase refuses', async () => {
    await expect(testCloud.sdk().uploadFile({ cloudPath: '/leading-slash.txt', fileContent: Buffer.from('x') })).rejects.toThrow(
      /must not start with/,
    );
  });

  it('refuses a temporary URL whose signature or expiry was altered', async () => {
    const { fileID } = await testCloud.sdk().uploadFile({ cloudPath: 'signed.txt', fileContent: Buffer.from('x') });
    const url = new URL(await tempUrlOf(fileID));
    url.searchParams.set('t', String(Number(url.searchParams.get('t')) + 86400));
    const response = await fetch(url);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  it('refuses an upload URL used for another path', async () => {
    const response = await fetch(`${testCloud.cloud.url}/admin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'storage.getUploadMetadata', path: 'mine.txt', method: 'put' }),
    });
    const { data } = (await response.json()) as { data: { url: string } };
    expect((await fetch(data.url.replace('mine.txt', 'theirs.txt'), { method: 'PUT', body: 'x' })).status).toBe(403);
    expect((await fetch(data.url, { method: 'PUT', body: 'x' })).status).toBe(200);
  });

  it('refuses a fileID of another env', async () => {
    const fileList = await tempUrls(['cloud://other-env.x/a.txt']);
    expect(fileList[0]).toMatchObject({ status: -503002, tempFileURL: '' });
  });
});

describe('browser upload route', () => {
  async function signedInHeaders(): Promise<Record<string, string>> {
    const response = await fetch(`${testCloud.cloud.url}/auth/signin`, { method: 'POST', body: JSON.stringify({ openid: 'o-uploader' }) });
    const { token } = (await response.json()) as { token: string };
    return { authorization: `Bearer ${token}` };
  }

  it('refuses an upload from a browser that has not signed in', async () => {
    const response = await fetch(`${testCloud.cloud.url}/storage/upload?cloudPath=h5/anon.png`, { method: 'POST', body: PNG_BYTES });
    expect(response.status).toBe(401);
    const fileList = await tempUrls([`cloud://test-env.x/h5/anon.png`]);
    expect(fileList[0]).toMatchObject({ status: -503003 });
  });

  it('stores raw bytes under cloudPath and answers the fileID', async () => {
    const response = await fetch(`${testCloud.cloud.url}/storage/upload?cloudPath=${encodeURIComponent('h5/photo')}`, {
      method: 'POST',
      body: PNG_BYTES,
      headers: await signedInHeaders(),
    });
    expect(response.status).toBe(200);
    const { fileID } = (await response.json()) as { fileID: string };
    expect(parseFileId(fileID)).toEqual({ envId: 'test-env', cloudPath: 'h5/photo' });
    const served = await fetch(await tempUrlOf(fileID));
    expect(served.headers.get('content-type')).toBe('image/png'); // no extension: told from the bytes
    expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG_BYTES);
  });

  it('answers 400 for a bad cloudPath', async () => {
    const response = await fetch(`${testCloud.cloud.url}/storage/upload?cloudPath=a//b`, {
      method: 'POST',
      body: 'x',
      headers: await signedInHeaders(),
    });
    expect(response.status).toBe(400);
  });
});

describe('file store and URL signer', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'storage-unit-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps written files for a new store on the same folder (as after a restart)', () => {
    createFileStore(dir).write('a/b.txt', Buffer.from('kept'));
    const reopened = createFileStore(dir);
    expect(reopened.read('a/b.txt')?.toString()).toBe('kept');
    expect(reopened.remove('a/b.txt')).toBe(true);
    expect(reopened.exists('a/b.txt')).toBe(false);
  });

  it('accepts a signed URL until it expires, and only for its purpose and path', () => {
    const signer = createUrlSigner(join(dir, 'secret'));
    const params = new URLSearchParams(signer.query('download', 'a.png', 1000));
    expect(signer.check('download', 'a.png', params, 1000)).toBe('ok');
    expect(signer.check('download', 'a.png', params, 1001)).toBe('expired');
    expect(signer.check('upload', 'a.png', params, 1000)).toBe('bad-signature');
    expect(signer.check('download', 'b.png', params, 1000)).toBe('bad-signature');
  });

  it('keeps its secret across restarts, so URLs handed out stay valid', () => {
    const query = createUrlSigner(join(dir, 'secret')).query('download', 'a.png', 1000);
    expect(createUrlSigner(join(dir, 'secret')).check('download', 'a.png', new URLSearchParams(query), 999)).toBe('ok');
  });
});
