/**
 * A report carries only files its reporter uploaded for it (issue 7, finding 1): `uploadSlot` hands out
 * the draft's folder, and submitReport refuses any other file before anything is stored. Through the real
 * SDK against the local cloud, uploads included.
 */
import { DEMO, draftKey, reportEvent, startFunctionsCloud, type Answer, type FunctionsCloud } from './helpers/functions-cloud';
import { slotOf, uploadAt, uploadPhoto } from './helpers/uploads';

type Submitted = { report: { id: string }; replayed: boolean };
type Detail = { photos: string[]; photoUrls?: { files: { fileID: string; url: string }[] } };

const A = DEMO.resident;
const B = DEMO.otherResident;

let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
});
afterAll(async () => cloud?.stop());

const submitAs = (openid: string, key: string, photos: string[], overrides: Record<string, unknown> = {}) =>
  cloud.call<Submitted>('submitReport', reportEvent({ idempotencyKey: key, photos, ...overrides }), openid);
const storedWithKey = (openid: string, key: string) => cloud.count('reports', { reporterOpenid: openid, idempotencyKey: key });

/** Submits as A with these photos on a fresh draft and expects a refusal with `code` and nothing stored. */
async function expectRefused(photos: (key: string) => Promise<string[]>, code: string): Promise<void> {
  const key = draftKey();
  const answer = await submitAs(A, key, await photos(key));
  expect(answer).toMatchObject({ ok: false, code });
  expect(await storedWithKey(A, key)).toBe(0);
}

describe('uploadSlot', () => {
  it('hands out one folder per caller, purpose and draft, the same every time it is asked', async () => {
    const [key, other] = [draftKey(), draftKey()];
    const dir = await slotOf(cloud, A, key);
    expect(dir).toMatch(/^uploads\/report\/[0-9a-f]{32}\/$/);
    expect(await slotOf(cloud, A, key)).toBe(dir);
    expect(await slotOf(cloud, A, other)).not.toBe(dir);
    expect(await slotOf(cloud, B, key)).not.toBe(dir);
    expect(dir).not.toContain(A);
  });

  it('refuses a purpose it does not know, a malformed key and a caller without an openid', async () => {
    expect(await cloud.call('uploadSlot', { purpose: 'avatar', key: draftKey() }, A)).toMatchObject({
      ok: false,
      code: 'INPUT.INVALID',
    });
    expect(await cloud.call('uploadSlot', { purpose: 'report', key: '../x' }, A)).toMatchObject({ ok: false, code: 'INPUT.INVALID' });
    expect(await cloud.call('uploadSlot', { purpose: 'report', key: { $ne: null } }, A)).toMatchObject({
      ok: false,
      code: 'INPUT.INVALID',
    });
    expect(await cloud.call('uploadSlot', { purpose: 'report', key: draftKey() }, '')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });
});

describe('submitReport takes only the reporter’s own uploads for this draft', () => {
  it('accepts a photo A uploaded into the draft’s slot, and reportDetail serves it', async () => {
    const key = draftKey();
    const photo = await uploadPhoto(cloud, A, key);
    const answer = (await submitAs(A, key, [photo])) as Answer<Submitted>;
    expect(answer.ok).toBe(true);
    const { report } = await cloud.data<{ report: Detail }>(
      'reportDetail',
      { reportId: (answer as { data: Submitted }).data.report.id },
      A,
    );
    expect(report.photos).toEqual([photo]);
    expect(report.photoUrls?.files.map((file) => file.fileID)).toEqual([photo]);
  });

  it('refuses B’s photo, uploaded into B’s own slot, with FILE.NOT_YOURS and stores nothing', async () => {
    const theirs = await uploadPhoto(cloud, B, draftKey());
    await expectRefused(async () => [theirs], 'FILE.NOT_YOURS');
  });

  it('refuses B’s photo even when B uploaded it under A’s draft key', async () => {
    await expectRefused(async (key) => [await uploadPhoto(cloud, B, key)], 'FILE.NOT_YOURS');
  });

  it('refuses the routing index, a system file, with FILE.NOT_YOURS', async () => {
    const routing = await cloud.get<{ indexFileID: string }>('settings', 'routing');
    expect(routing?.indexFileID).toMatch(/^cloud:\/\//);
    await expectRefused(async () => [routing!.indexFileID], 'FILE.NOT_YOURS');
  });

  it('refuses a file from A’s slot of another draft', async () => {
    const earlier = await uploadPhoto(cloud, A, draftKey());
    await expectRefused(async () => [earlier], 'FILE.NOT_YOURS');
  });

  it('refuses A’s own upload named as if it were in another environment', async () => {
    await expectRefused(
      async (key) => [(await uploadPhoto(cloud, A, key)).replace(/^cloud:\/\/[^.]+\./, 'cloud://other-env.')],
      'FILE.NOT_YOURS',
    );
  });

  it('refuses a file in a subfolder of the slot or with a name the client never makes', async () => {
    await expectRefused(async (key) => [await uploadAt(cloud, `${await slotOf(cloud, A, key)}sub/p1.png`)], 'FILE.NOT_YOURS');
    await expectRefused(async (key) => [await uploadAt(cloud, `${await slotOf(cloud, A, key)}p1.html`)], 'FILE.NOT_YOURS');
  });

  it('refuses the whole report when one photo of several is not A’s', async () => {
    const theirs = await uploadPhoto(cloud, B, draftKey());
    await expectRefused(async (key) => [await uploadPhoto(cloud, A, key), theirs], 'FILE.NOT_YOURS');
  });

  it('refuses a name in A’s slot with no file behind it with FILE.NOT_FOUND', async () => {
    const key = draftKey();
    const uploaded = await uploadPhoto(cloud, A, key, 'p1.png');
    const never = uploaded.replace(/p1\.png$/, 'p2.png');
    const answer = await submitAs(A, key, [uploaded, never]);
    expect(answer).toMatchObject({ ok: false, code: 'FILE.NOT_FOUND' });
    expect(await storedWithKey(A, key)).toBe(0);
  });

  it('answers a retry of a stored report as before, even once its photo is gone', async () => {
    const key = draftKey();
    const photo = await uploadPhoto(cloud, A, key);
    const first = (await submitAs(A, key, [photo])) as { ok: true; data: Submitted };
    expect(first.ok).toBe(true);
    await cloud.testCloud.sdk().deleteFile({ fileList: [photo] });
    expect(await submitAs(A, key, [photo])).toMatchObject({ ok: true, data: { replayed: true, report: { id: first.data.report.id } } });
  });
});

describe('reportDetail signs URLs only for the reporter’s own uploads', () => {
  it('leaves out a file a stored report carries from outside its slot (a record written around submitReport)', async () => {
    const key = draftKey();
    const own = await uploadPhoto(cloud, A, key);
    const submitted = (await submitAs(A, key, [own])) as { ok: true; data: Submitted };
    const foreign = await uploadPhoto(cloud, B, draftKey());
    // As an import or an older version might have written it: the report names B's photo too.
    await cloud
      .db()
      .collection('reports')
      .doc(submitted.data.report.id)
      .update({ data: { photos: [own, foreign] } });
    const { report } = await cloud.data<{ report: Detail }>('reportDetail', { reportId: submitted.data.report.id }, A);
    expect(report.photoUrls?.files.map((file) => file.fileID)).toEqual([own]);
  });
});
