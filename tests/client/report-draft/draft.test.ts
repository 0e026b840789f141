import { submitReportRequestSchema, UPLOAD_FILE_NAME_PATTERN } from '@pingan/shared/contracts';
import Taro from '@tarojs/taro';
import {
  DRAFT_STORAGE_KEY,
  draftProblems,
  loadDraft,
  newDraft,
  newIdempotencyKey,
  saveDraft,
  withPhotosAdded,
} from '../../../client/src/report-draft/draft';
import { photoCloudPath, slotDirOf } from '../../../client/src/report-draft/photo-upload';
import { submitRequestOf } from '../../../client/src/report-draft/submit-request';

const DIR = `uploads/report/${'0'.repeat(32)}/`;

describe('report draft', () => {
  it('makes idempotency keys the contract accepts, different for different drafts', () => {
    const a = newIdempotencyKey(1_746_252_300_000);
    const b = newIdempotencyKey(1_746_252_300_000);
    expect(a).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(a).not.toBe(b);
  });

  it('numbers photos after the highest number, never reusing a removed photo’s number', () => {
    let draft = withPhotosAdded(newDraft(0), ['a.jpg', 'b.jpg', 'c.jpg']);
    draft = { ...draft, photos: draft.photos.filter((p) => p.no !== 2) };
    draft = withPhotosAdded(draft, ['d.png']);
    expect(draft.photos.map((p) => p.no)).toEqual([1, 3, 4]);
  });

  it('names each upload inside the slot, by photo number, a fresh random part and the extension', () => {
    const [photo] = withPhotosAdded(newDraft(0), ['wxfile://tmp/abc.PNG']).photos;
    const first = photoCloudPath(DIR, photo!);
    const again = photoCloudPath(DIR, photo!);
    expect(first).toMatch(/^uploads\/report\/0{32}\/1-[0-9a-z]{8}\.png$/);
    expect(again).not.toBe(first);
    expect(UPLOAD_FILE_NAME_PATTERN.test(first.slice(DIR.length))).toBe(true);
    expect(photoCloudPath(DIR, { no: 2, kept: 'lx2k1-00a1b2' }, () => 0)).toBe(`${DIR}2-00000000.jpg`);
  });

  it('keeps the slot only for the key it was asked for', () => {
    const draft = { ...newDraft(0), uploadSlot: { key: 'k-other-draft', dir: DIR } };
    expect(slotDirOf(draft)).toBeUndefined();
    expect(slotDirOf({ ...draft, uploadSlot: { key: draft.idempotencyKey, dir: DIR } })).toBe(DIR);
  });

  it('says what is missing before it can be sent', () => {
    expect(draftProblems(newDraft(0))).toEqual(['请选择问题类别', '请写几句话或拍张照片']);
    expect(draftProblems({ ...newDraft(0), categoryCode: 'XFYH', text: '  ' })).toEqual(['请写几句话或拍张照片']);
    // Zero-width characters pasted from a chat are not words either (the server refuses them alike).
    expect(draftProblems({ ...newDraft(0), categoryCode: 'XFYH', text: '\u200B\u200D' })).toEqual(['请写几句话或拍张照片']);
    expect(draftProblems({ ...withPhotosAdded(newDraft(0), ['a.jpg']), categoryCode: 'XFYH' })).toEqual([]);
  });

  it('becomes a request the submitReport contract accepts, with only uploaded photos', () => {
    const draft = {
      ...newDraft(0),
      categoryCode: 'NBJF',
      text: ' 吵架 ',
      photos: [
        { no: 1, kept: 'a.jpg', fileID: 'cloud://env.bucket/reports/k/1.jpg' },
        { no: 2, kept: 'b.jpg', failed: true },
      ],
      location: { lngLat: [111.587499, 33.796931] as [number, number], label: '地图上选的点', source: 'map' as const },
    };
    const request = submitRequestOf(draft);
    const parsed = submitReportRequestSchema.safeParse(request);
    expect(parsed.success).toBe(true);
    // What goes over the wire is the contract's output: the text normalised as the server stores it.
    expect(parsed.data?.text).toBe('吵架');
    expect(request).toMatchObject({ photos: ['cloud://env.bucket/reports/k/1.jpg'], location: [111.587499, 33.796931] });
    expect(request).not.toHaveProperty('scannedGridCode');
  });

  it('survives a round trip through storage', () => {
    const draft = { ...newDraft(5), text: '路灯坏了' };
    saveDraft(draft);
    expect(loadDraft()).toEqual(draft);
  });

  it('reads a photo saved before photos were kept on the device as lost, unless it was uploaded', () => {
    const saved = {
      ...newDraft(5),
      photos: [
        { no: 1, localPath: 'blob:http://x/dead', fileID: 'cloud://env.bucket/uploads/report/k/1-a.jpg' },
        { no: 2, localPath: 'blob:http://x/dead-too', failed: true },
      ],
    };
    Taro.setStorageSync(DRAFT_STORAGE_KEY, saved);
    expect(loadDraft()!.photos).toEqual([
      { no: 1, fileID: 'cloud://env.bucket/uploads/report/k/1-a.jpg' },
      { no: 2, failed: true, lost: true },
    ]);
  });

  it('cannot be sent while a photo is lost: it can only be removed and taken again', () => {
    const draft = { ...newDraft(0), categoryCode: 'XFYH', text: '楼道堆物', photos: [{ no: 1, lost: true }] };
    expect(draftProblems(draft)).toEqual(['有照片在手机上找不到了，请删掉后重新拍']);
  });
});
