import { submitReportRequestSchema } from '../../../shared/src/contracts';
import { draftProblems, loadDraft, newDraft, newIdempotencyKey, saveDraft, withPhotosAdded } from '../../../client/src/report-draft/draft';
import { photoCloudPath } from '../../../client/src/report-draft/photo-upload';
import { submitRequestOf } from '../../../client/src/report-draft/submit-request';

describe('report draft', () => {
  it('makes idempotency keys the contract accepts, different for different drafts', () => {
    const a = newIdempotencyKey(1_746_252_300_000);
    const b = newIdempotencyKey(1_746_252_300_000);
    expect(a).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(a).not.toBe(b);
  });

  it('numbers photos after the highest number, so a removed photo’s file is never overwritten', () => {
    let draft = withPhotosAdded(newDraft(0), ['a.jpg', 'b.jpg', 'c.jpg']);
    draft = { ...draft, photos: draft.photos.filter((p) => p.no !== 2) };
    draft = withPhotosAdded(draft, ['d.png']);
    expect(draft.photos.map((p) => p.no)).toEqual([1, 3, 4]);
    expect(draft.photos.map((p) => photoCloudPath(draft, p))).toEqual([
      `reports/${draft.idempotencyKey}/1.jpg`,
      `reports/${draft.idempotencyKey}/3.jpg`,
      `reports/${draft.idempotencyKey}/4.png`,
    ]);
  });

  it('says what is missing before it can be sent', () => {
    expect(draftProblems(newDraft(0))).toEqual(['请选择问题类别', '请写几句话或拍张照片']);
    expect(draftProblems({ ...newDraft(0), categoryCode: 'XFYH', text: '  ' })).toEqual(['请写几句话或拍张照片']);
    expect(draftProblems({ ...withPhotosAdded(newDraft(0), ['a.jpg']), categoryCode: 'XFYH' })).toEqual([]);
  });

  it('becomes a request the submitReport contract accepts, with only uploaded photos', () => {
    const draft = {
      ...newDraft(0),
      categoryCode: 'NBJF',
      text: ' 吵架 ',
      photos: [
        { no: 1, localPath: 'a.jpg', fileID: 'cloud://env.bucket/reports/k/1.jpg' },
        { no: 2, localPath: 'b.jpg', failed: true },
      ],
      location: { lngLat: [111.587499, 33.796931] as [number, number], label: '地图上选的点', source: 'map' as const },
    };
    const request = submitRequestOf(draft);
    expect(submitReportRequestSchema.safeParse(request).success).toBe(true);
    expect(request).toMatchObject({ text: '吵架', photos: ['cloud://env.bucket/reports/k/1.jpg'], location: [111.587499, 33.796931] });
    expect(request).not.toHaveProperty('scannedGridCode');
  });

  it('survives a round trip through storage', () => {
    const draft = { ...newDraft(5), text: '路灯坏了' };
    saveDraft(draft);
    expect(loadDraft()).toEqual(draft);
  });
});
