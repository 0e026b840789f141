import { DEMO, reportEvent, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';

type PhotoUrls = { expiresAt: number; files: { fileID: string; url: string }[] };
type Detail = { id: string; photos: string[]; photoUrls?: PhotoUrls; flagged?: boolean };
type Submitted = { report: { id: string } };

/** The first bytes of a PNG, enough for the content type to be told from them. */
const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const VOLUNTEER = 'o-demo-volunteer-01'; // 王建国, a volunteer (no staff role) registered to grid 410399001001-03

let cloud: FunctionsCloud;
let photo: string;
let proof: string;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
  const upload = async (cloudPath: string) => (await cloud.testCloud.sdk().uploadFile({ cloudPath, fileContent: PNG_BYTES })).fileID;
  [photo, proof] = await Promise.all([upload('reports/photo-test/1.png'), upload('reports/photo-test/proof.png')]);
});
afterAll(async () => cloud?.stop());

const submit = async (overrides: Record<string, unknown>) =>
  (await cloud.data<Submitted>('submitReport', reportEvent({ photos: [photo], ...overrides }), DEMO.resident)).report.id;
const detail = async (reportId: string, openid: string) => (await cloud.data<{ report: Detail }>('reportDetail', { reportId }, openid)).report;
const urlOf = (report: Detail, fileID: string) => report.photoUrls?.files.find((file) => file.fileID === fileID)?.url;
const withUrls = (report: Detail) => (report.photoUrls?.files ?? []).map((file) => file.fileID);

/** Assigns the report to the volunteer as a dispatcher would (no function does that yet). */
async function assignToVolunteer(reportId: string): Promise<void> {
  await cloud.db().collection('reports').doc(reportId).update({ data: { assignee: { kind: 'person', personId: 'u-volunteer-01' } } });
}

describe('reportDetail: photos a browser can show', () => {
  it('hands the reporter a short-lived URL for each photo, serving the uploaded bytes', async () => {
    const id = await submit({});
    const before = Date.now();
    const report = await detail(id, DEMO.resident);
    expect(report.photos).toEqual([photo]);
    const url = urlOf(report, photo);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/storage\/file\/reports\/photo-test\/1\.png\?/);
    // 20 minutes, told a minute short.
    expect(report.photoUrls!.expiresAt).toBeGreaterThanOrEqual(before + 19 * 60_000 - 1000);
    expect(report.photoUrls!.expiresAt).toBeLessThanOrEqual(Date.now() + 19 * 60_000);
    const response = await fetch(url!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PNG_BYTES);
  });

  it('hands them to the grid’s staff too, whom the mini-program’s storage rules would not let read the file', async () => {
    const id = await submit({});
    expect(withUrls(await detail(id, DEMO.gridWorker))).toEqual([photo]);
  });

  it('covers the photos of the timeline as well', async () => {
    const id = await submit({});
    const _ = cloud.db().command;
    const event = { seq: 1, type: 'accepted', at: Date.now(), actorId: 'u-grid-worker-03', actorName: '赵丽', status: 'accepted', photos: [proof] };
    await cloud.db().collection('reports').doc(id).update({ data: { events: _.push([event]), status: 'accepted', version: _.inc(1) } });
    expect(withUrls(await detail(id, DEMO.resident))).toEqual([photo, proof]);
  });

  it('leaves out a photo whose file is gone, and sends no URLs when none is left', async () => {
    const gone = photo.replace('1.png', 'gone.png');
    const some = await detail(await submit({ photos: [photo, gone] }), DEMO.resident);
    expect(some.photos).toEqual([photo, gone]);
    expect(withUrls(some)).toEqual([photo]);
    const none = await detail(await submit({ photos: [gone] }), DEMO.resident);
    expect(none).not.toHaveProperty('photoUrls');
  });

  it('sends no URLs for a report without photos', async () => {
    expect(await detail(await submit({ photos: [] }), DEMO.resident)).not.toHaveProperty('photoUrls');
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
      expect(urlOf(report, photo)).toBeDefined();
    }
  });

  it('are held from anyone else who may read the report: the volunteer it is assigned to', async () => {
    const report = await detail(held, VOLUNTEER);
    expect(report.id).toBe(held);
    expect(report).not.toHaveProperty('photoUrls');
  });

  it('are shown to him too once staff cleared the report', async () => {
    // As a staff member's review will (no function clears a report yet).
    await cloud.db().collection('reports').doc(held).update({ data: { 'moderation.pending': false } });
    expect(urlOf(await detail(held, VOLUNTEER), photo)).toBeDefined();
  });
});
