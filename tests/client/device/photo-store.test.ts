import { photoStore } from '../../../client/src/device/photo-store';
import { installFakeLocalcloud } from '../helpers/fake-localcloud';
import { __files } from '../stand-ins/taro';

/** The browser's photo store as a fresh page load has it (no blob URLs made yet; IndexedDB as it was). */
async function freshStore(): Promise<typeof import('../../../client/src/device/photo-store')> {
  let store: typeof import('../../../client/src/device/photo-store') | undefined;
  await jest.isolateModulesAsync(async () => {
    store = await import('../../../client/src/device/photo-store');
  });
  return store!;
}

describe('photo store, browser build (IndexedDB)', () => {
  it('keeps a picked photo’s bytes past the page that picked it', async () => {
    const cloud = installFakeLocalcloud({});
    const key = await (await freshStore()).photoStore().keep('blob:picked-1');
    expect(cloud.fetch).toHaveBeenCalledWith('blob:picked-1');
    // A new page load: the blob URL it was picked as is gone, the store makes one from the kept bytes.
    const source = await (await freshStore()).photoStore().source(key);
    expect(source).toMatch(/^blob:/);
    expect(source).not.toBe('blob:picked-1');
  });

  it('hands out one blob URL per photo in a page load, and none once the photo is forgotten', async () => {
    installFakeLocalcloud({});
    const { photoStore } = await freshStore();
    const key = await photoStore().keep('blob:picked-1');
    expect(await photoStore().source(key)).toBe(await photoStore().source(key));
    await photoStore().forget(key);
    expect(await (await freshStore()).photoStore().source(key)).toBeUndefined();
  });

  it('keeps two photos apart', async () => {
    installFakeLocalcloud({});
    const { photoStore } = await freshStore();
    const [a, b] = [await photoStore().keep('blob:a'), await photoStore().keep('blob:b')];
    expect(a).not.toBe(b);
    await photoStore().forget(a);
    expect(await photoStore().source(b)).toMatch(/^blob:/);
  });

  it('finds nothing under a key it never kept', async () => {
    expect(await (await freshStore()).photoStore().source('never-kept')).toBeUndefined();
  });
});

describe('photo store, mini-program build (file system under USER_DATA_PATH)', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
  });

  it('moves the temp file into the user’s own files, where it outlives the temp path', async () => {
    __files().set('wxfile://tmp/picked.jpg', 'jpeg bytes');
    const key = await photoStore().keep('wxfile://tmp/picked.jpg');
    expect(key).toMatch(/^wxfile:\/\/usr\/draft-photos\/[a-z0-9]+-[a-z0-9]{6}\.jpg$/);
    expect(__files().get(key)).toBe('jpeg bytes');
    expect(__files().has('wxfile://tmp/picked.jpg')).toBe(false);
    expect(await photoStore().source(key)).toBe(key);
  });

  it('says a photo is gone once forgotten, or when the user cleared the files', async () => {
    __files().set('wxfile://tmp/a.jpg', 'a');
    __files().set('wxfile://tmp/b.jpg', 'b');
    const a = await photoStore().keep('wxfile://tmp/a.jpg');
    const b = await photoStore().keep('wxfile://tmp/b.jpg');
    await photoStore().forget(a);
    expect(await photoStore().source(a)).toBeUndefined();
    __files().delete(b);
    expect(await photoStore().source(b)).toBeUndefined();
    await expect(photoStore().forget(b)).resolves.toBeUndefined();
  });

  it('refuses to keep a temp file that is not there', async () => {
    await expect(photoStore().keep('wxfile://tmp/none.jpg')).rejects.toThrow(/saveFile:fail/);
  });
});
