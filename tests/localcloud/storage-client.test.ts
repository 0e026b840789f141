import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';

/**
 * The browser's storage routes (what the H5 build has in place of wx.cloud), held to the project's storage
 * rules, database/storage.rules.json: creator-only read and write. Every request goes through the real HTTP
 * routes; what is stored is checked through the real wx-server-sdk, which is an administrator.
 */

const ALICE = 'o-alice';
const BOB = 'o-bob';

let testCloud: TestCloud;
beforeAll(async () => {
  testCloud = await startTestCloud();
});
afterAll(async () => {
  await testCloud.stop();
});

type FileStatus = { fileID: string; status: number; errMsg: string; tempFileURL?: string; maxAge?: number };

/** A browser client of one cloud, signed in as `openid` (or not at all). */
function browser(cloud: () => TestCloud, openid?: string) {
  let token: string | undefined;
  const headers = async (): Promise<Record<string, string>> => {
    if (!openid) return {};
    if (!token) {
      const response = await fetch(`${cloud().cloud.url}/auth/signin`, { method: 'POST', body: JSON.stringify({ openid }) });
      token = ((await response.json()) as { token: string }).token;
    }
    return { authorization: `Bearer ${token}` };
  };
  const post = async (path: string, body: string) =>
    fetch(`${cloud().cloud.url}${path}`, { method: 'POST', body, headers: await headers() });
  return {
    post,
    upload: (cloudPath: string, bytes: string) => post(`/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, bytes),
    async uploaded(cloudPath: string, bytes: string): Promise<string> {
      const response = await this.upload(cloudPath, bytes);
      expect(response.status).toBe(200);
      return ((await response.json()) as { fileID: string }).fileID;
    },
    tempUrls: (fileList: unknown[]) => post('/storage/temp-urls', JSON.stringify({ fileList })),
    deleteFiles: (fileList: unknown[]) => post('/storage/delete', JSON.stringify({ fileList })),
  };
}

async function fileListOf(response: Response): Promise<FileStatus[]> {
  expect(response.status).toBe(200);
  return ((await response.json()) as { fileList: FileStatus[] }).fileList;
}

/** What is stored at a fileID, read as the server (undefined when there is no file). */
async function storedText(fileID: string): Promise<string | undefined> {
  try {
    return (await testCloud.sdk().downloadFile({ fileID })).fileContent.toString();
  } catch {
    return undefined;
  }
}

const alice = browser(() => testCloud, ALICE);
const bob = browser(() => testCloud, BOB);
const signedOut = browser(() => testCloud);

describe('browser uploads under the storage rules', () => {
  it("refuses user B's upload over user A's file, and A's bytes stay", async () => {
    const fileID = await alice.uploaded('evidence/a-photo.jpg', "alice's photo");
    const response = await bob.upload('evidence/a-photo.jpg', "bob's bytes");
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'STORAGE_EXCEED_AUTHORITY' });
    expect(await storedText(fileID)).toBe("alice's photo");
  });

  it('refuses every browser upload over a file the server wrote, such as the routing index', async () => {
    const { fileID } = await testCloud
      .sdk()
      .uploadFile({ cloudPath: 'system/routing-index.json', fileContent: Buffer.from('{"grids":[]}') });
    for (const user of [alice, bob]) {
      const response = await user.upload('system/routing-index.json', '{"grids":"forged"}');
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: 'STORAGE_EXCEED_AUTHORITY' });
    }
    expect(await storedText(fileID)).toBe('{"grids":[]}');
  });

  it('lets a user overwrite their own file', async () => {
    const fileID = await alice.uploaded('evidence/own.jpg', 'first');
    expect(await alice.uploaded('evidence/own.jpg', 'second')).toBe(fileID);
    expect(await storedText(fileID)).toBe('second');
  });

  it('refuses a signed-out browser on every storage route, storing nothing', async () => {
    const fileID = await alice.uploaded('evidence/signed-out.jpg', 'kept');
    expect((await signedOut.upload('evidence/anon.jpg', 'x')).status).toBe(401);
    expect((await signedOut.upload('evidence/signed-out.jpg', 'x')).status).toBe(401);
    expect((await signedOut.tempUrls([fileID])).status).toBe(401);
    expect((await signedOut.deleteFiles([fileID])).status).toBe(401);
    expect(await storedText(fileID.replace('signed-out.jpg', 'anon.jpg'))).toBeUndefined();
    expect(await storedText(fileID)).toBe('kept');
  });
});

describe('browser temporary URLs and deletes under the storage rules', () => {
  it('gives A a working temporary URL for A’s file and B none', async () => {
    const fileID = await alice.uploaded('evidence/url.jpg', 'jpeg bytes');
    const [mine] = await fileListOf(await alice.tempUrls([{ fileID, maxAge: 60 }]));
    expect(mine).toMatchObject({ fileID, status: 0, errMsg: 'ok', maxAge: 60 });
    expect(await (await fetch(encodeURI(mine!.tempFileURL!))).text()).toBe('jpeg bytes');
    const [theirs] = await fileListOf(await bob.tempUrls([fileID]));
    expect(theirs).toEqual({ fileID, tempFileURL: '', status: -503002, errMsg: 'storage permission denied' });
  });

  it('gives no client a temporary URL for a file the server wrote', async () => {
    const { fileID } = await testCloud.sdk().uploadFile({ cloudPath: 'system/secret-index.json', fileContent: Buffer.from('{}') });
    const [answer] = await fileListOf(await alice.tempUrls([fileID]));
    expect(answer).toMatchObject({ status: -503002, tempFileURL: '' });
  });

  it('answers a missing file as denied, so a refused caller cannot tell it from someone else’s', async () => {
    const fileID = await alice.uploaded('evidence/probe.jpg', 'x');
    const missing = fileID.replace('probe.jpg', 'never-uploaded.jpg');
    expect((await fileListOf(await bob.tempUrls([missing, fileID]))).map((f) => f.status)).toEqual([-503002, -503002]);
  });

  it("refuses B's delete of A's file and keeps it; A's own delete removes it", async () => {
    const fileID = await alice.uploaded('evidence/delete-me.jpg', 'bytes');
    expect(await fileListOf(await bob.deleteFiles([fileID]))).toEqual([{ fileID, status: -503002, errMsg: 'storage permission denied' }]);
    expect(await storedText(fileID)).toBe('bytes');
    expect(await fileListOf(await alice.deleteFiles([fileID]))).toEqual([{ fileID, status: 0, errMsg: 'ok' }]);
    expect(await storedText(fileID)).toBeUndefined();
  });

  it('refuses a fileList that is not a list of at most 50 files', async () => {
    const fileID = await alice.uploaded('evidence/list.jpg', 'x');
    expect((await alice.tempUrls(Array.from({ length: 51 }, () => fileID))).status).toBe(400);
    expect((await alice.tempUrls([])).status).toBe(400);
    expect((await alice.post('/storage/delete', 'fileList=1')).status).toBe(400);
    expect((await alice.post('/storage/delete', '{"fileList":"cloud://x"}')).status).toBe(400);
  });
});

describe('the server under the storage rules', () => {
  it("still reads and overwrites a user's file, and the overwritten file is then the server's alone", async () => {
    const fileID = await alice.uploaded('evidence/moderated.jpg', 'original');
    const sdk = testCloud.sdk();
    const temp = await sdk.getTempFileURL({ fileList: [fileID] });
    expect(temp?.fileList[0]).toMatchObject({ status: 0 });
    await sdk.uploadFile({ cloudPath: 'evidence/moderated.jpg', fileContent: Buffer.from('blurred by the server') });
    expect(await storedText(fileID)).toBe('blurred by the server');
    expect((await alice.upload('evidence/moderated.jpg', 'original again')).status).toBe(403);
    expect((await fileListOf(await alice.tempUrls([fileID])))[0]).toMatchObject({ status: -503002 });
  });

  it("deletes a user's file through the SDK", async () => {
    const fileID = await alice.uploaded('evidence/server-delete.jpg', 'x');
    const result = await testCloud.sdk().deleteFile({ fileList: [fileID] });
    expect(result?.fileList[0]).toMatchObject({ status: 0 });
    expect(await storedText(fileID)).toBeUndefined();
  });
});

describe('the rules file decides', () => {
  let dir: string;
  let other: TestCloud;
  afterEach(async () => {
    await other?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function cloudWith(rules: object | undefined): Promise<TestCloud> {
    dir = mkdtempSync(join(tmpdir(), 'storage-client-rules-'));
    const file = join(dir, 'storage.rules.json');
    if (rules) writeFileSync(file, JSON.stringify(rules));
    other = await startTestCloud({ storageRulesFile: rules ? file : undefined });
    return other;
  }

  it('refuses every browser request when no rules file is given (CloudBase default)', async () => {
    await cloudWith(undefined);
    const carol = browser(() => other, 'o-carol');
    const response = await carol.upload('evidence/c.jpg', 'x');
    expect(response.status).toBe(403);
    const fileID = `cloud://${other.cloud.envId}.x/evidence/c.jpg`;
    expect((await fileListOf(await carol.tempUrls([fileID])))[0]).toMatchObject({ status: -503002 });
  });

  it('follows rules that let any signed-in user write and anyone read', async () => {
    await cloudWith({ read: true, write: 'auth != null' });
    const carol = browser(() => other, 'o-carol');
    const dave = browser(() => other, 'o-dave');
    const fileID = await carol.uploaded('shared/board.txt', 'carol');
    expect(await dave.uploaded('shared/board.txt', 'dave')).toBe(fileID);
    const [answer, missing] = await fileListOf(await carol.tempUrls([fileID, fileID.replace('board', 'none')]));
    expect(await (await fetch(answer!.tempFileURL!)).text()).toBe('dave');
    expect(missing).toMatchObject({ status: -503003, errMsg: 'storage file not exists' });
  });
});
