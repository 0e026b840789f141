import { DEMO, draftKey, reportEvent, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';
import { PNG_BYTES, uploadAt, uploadPhoto } from './helpers/uploads';

type PhotoUrls = { expiresAt: number; files: { fileID: string; url: string }[] };
type Detail = { id: string; photos: string[]; photoUrls?: PhotoUrls; flagged?: boolean };
type Submitted = { report: { id: string } };

const VOLUNTEER = 'o-demo-volunteer-01'; // 王建国, a volunteer (no staff role) registered to grid 410399001001-03

let cloud: FunctionsCloud;
let elsewhere: string;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
  elsewhere = await uploadAt(cloud, 'reports/photo-test/proof.png');
});
afterAll(async () => cloud?.stop());

/** A report by the resident with photos she uploaded into its draft's slot (by name); its id and photos. */
async function submitWith(names: string[], overrides: Record<string, unknown> = {}): Promise<{ id: string; photos: string[] }> {
  const idempotencyKey = draftKey();
  const photos = await Promise.all(names.map((name) => uploadPhoto(cloud, DEMO.resident, idempotencyKey, name)));
  const { report } = await cloud.data<Submitted>('submitReport', reportEvent({ photos, idempotencyKey, ...overrides }), DEMO.resident);
  return { id: report.id, photos };
}
const submit = async (overrides: Record<string, unknown> = {}) => (await submitWith(['p1.png'], overrides)).id;
const detail = async (reportId: string, openid: string) =>
  (await cloud.data<{ report: Detail }>('reportDetail', { reportId }, openid)).report;
const urlOf = (report: Detail, fileID: string) => report.photoUrls?.files.find((file) => file.fileID === fileID)?.url;
const withUrls = (report: Detail) => (report.photoUrls?.files ?? []).map((file) => file.fileID);
const photoOf = async (reportId: string) => (await detail(reportId, DEMO.resident)).photos[0]!;
const deleteFile = (fileID: string) => cloud.testCloud.sdk().deleteFile({ fileList: [fileID] });

/** Assigns the report to the volunteer as a dispatcher would (no function does that yet). */
async function assignToVolunteer(reportId: string): Promise<void> {
  await cloud
    .db()
    .collection('reports')
    .doc(reportId)
    .update({ data: { assignee: { kind: 'person', personId: 'u-volunteer-01' } } });
}

describe('reportDetail: photos a browser can show', () => {
  it('hands the reporter a short-lived URL for each photo, serving the uploaded bytes', async () => {
    const {
      id,
      photos: [photo],
    } = await submitWith(['p1.png']);
    const before = Date.now();
    const report = await detail(id, DEMO.resident);
    expect(report.photos).toEqual([photo]);
    const url = urlOf(report, photo!);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/storage\/file\/uploads\/report\/[0-9a-f]{32}\/p1\.png\?/);
    // 20 minutes, told a minute short.
    expect(report.photoUrls!.expiresAt).toBeGreaterThanOrEqual(before + 19 * 60_000 - 1000);
    expect(report.photoUrls!.expiresAt).toBeLessThanOrEqual(Date.now() + 19 * 60_000);
    const response = await fetch(url!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PNG_BYTES);
  });

  it('hands them to the grid’s staff too, whom the mini-program’s storage rules would not let read the file', async () => {
    const { id, photos } = await submitWith(['p1.png']);
    expect(withUrls(await detail(id, DEMO.gridWorker))).toEqual(photos);
  });

  /** Appends an accepted-step event with these photos and storage fields, as a transition with proof would. */
  async function pushStep(id: string, photos: string[], stored: Record<string, unknown>): Promise<void> {
    const _ = cloud.db().command;
    const event = {
      seq: 1,
      type: 'accepted',
      at: Date.now(),
      actorId: 'u-grid-worker-03',
      actorName: '赵丽',
      status: 'accepted',
      photos,
      ...stored,
    };
    await cloud
      .db()
      .collection('reports')
      .doc(id)
      .update({ data: { events: _.push([event]), status: 'accepted', version: _.inc(1) } });
  }

  it('covers the photos of the timeline as well, when they lie in their actor’s proof slot', async () => {
    const { id, photos } = await submitWith(['p1.png']);
    const uploadKey = draftKey();
    const slot = (await cloud.data<{ dir: string }>('uploadSlot', { purpose: 'proof', key: uploadKey }, DEMO.gridWorker)).dir;
    const proof = await uploadAt(cloud, `${slot}done.png`);
    await pushStep(id, [proof], { actorOpenid: DEMO.gridWorker, uploadKey });
    expect(withUrls(await detail(id, DEMO.resident))).toEqual([...photos, proof]);
  });

  it('signs no timeline photo outside its actor’s proof slot, nor one whose event keeps no slot', async () => {
    const { id, photos } = await submitWith(['p1.png']);
    await pushStep(id, [elsewhere], { actorOpenid: DEMO.gridWorker, uploadKey: draftKey() });
    expect(withUrls(await detail(id, DEMO.resident))).toEqual(photos);
    const bare = await submitWith(['p1.png']);
    await pushStep(bare.id, [elsewhere], {});
    expect(withUrls(await detail(bare.id, DEMO.resident))).toEqual(bare.photos);
  });

  it('leaves out a photo whose file is gone, and sends no URLs when none is left', async () => {
    const some = await submitWith(['p1.png', 'p2.png']);
    await deleteFile(some.photos[1]!);
    const report = await detail(some.id, DEMO.resident);
    expect(report.photos).toEqual(some.photos);
    expect(withUrls(report)).toEqual([some.photos[0]]);
    const none = await submitWith(['p1.png']);
    await deleteFile(none.photos[0]!);
    expect(await detail(none.id, DEMO.resident)).not.toHaveProperty('photoUrls');
  });

  it('sends no URLs for a report without photos', async () => {
    expect(await detail((await submitWith([])).id, DEMO.resident)).not.toHaveProperty('photoUrls');
  });
});

describe('reportDetail: photos of a report held for review (content check said `review`)', () => {
  let held: string;
  beforeAll(async () => {
    held = await submit({ text: '一段待审词测试文字' });
    await assignToVolunteer(held);
  });

  it('are shown to the reporter and to staff', async () => {
    for (const openid of [DEMO.resident, DEMO.gridWorker, DEMO.countyCentre]) {
      const report = await detail(held, openid);
      expect(report.flagged).toBe(true);
      expect(urlOf(report, await photoOf(held))).toBeDefined();
    }
  });

  it('are held from anyone else who may read the report: the volunteer it is assigned to', async () => {
    const report = await detail(held, VOLUNTEER);
    expect(report.id).toBe(held);
    expect(report).not.toHaveProperty('photoUrls');
  });

  it('are shown to him too once staff cleared the report', async () => {
    // As a staff member's review will (no function clears a report yet).
    await cloud
      .db()
      .collection('reports')
      .doc(held)
      .update({ data: { 'moderation.pending': false } });
    expect(urlOf(await detail(held, VOLUNTEER), await photoOf(held))).toBeDefined();
  });
});
