import { DEMO, draftKey, reportEvent, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';
import { uploadAt, uploadPhoto } from './helpers/uploads';

type Summary = { id: string; status: string };
type Step = { type: string; status: string; note?: string; photos?: string[]; actor?: { id: string; name: string } };
type Detail = { id: string; status: string; events: Step[]; photoUrls?: { files: { fileID: string }[] } };
type Stored = { version: number; status: string; events: Array<Record<string, unknown>> };

const WORKER_04 = 'o-demo-grid-worker-04'; // 薛淑华, a second 网格员 of grid -03

let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
});
afterAll(async () => cloud?.stop());

const call = (name: string, event: Record<string, unknown>, openid: string) => cloud.call<{ report: Summary }>(name, event, openid);
const ok = async (name: string, event: Record<string, unknown>, openid: string) =>
  (await cloud.data<{ report: Summary }>(name, event, openid)).report;
const stored = async (id: string) => (await cloud.get<Stored>('reports', id)) as Stored;
const detail = async (reportId: string, openid: string) =>
  (await cloud.data<{ report: Detail }>('reportDetail', { reportId }, openid)).report;
const toPerson = (personId: string) => ({ kind: 'person', personId });

/** The caller's 'proof' slot for a key, as the client asks for it. */
const proofSlot = async (openid: string, key: string) =>
  (await cloud.data<{ dir: string }>('uploadSlot', { purpose: 'proof', key }, openid)).dir;

/** A report in grid -03 (环境卫生, co-handled by 环卫所), moved on by the demo grid's staff to `until`. */
async function caseAt(until: 'submitted' | 'accepted' | 'assigned' | 'in_progress', assignee = WORKER_04): Promise<string> {
  const { id } = await ok('submitReport', reportEvent(), DEMO.resident);
  if (until === 'submitted') return id;
  await ok('acceptReport', { reportId: id }, DEMO.gridWorker);
  if (until === 'accepted') return id;
  await ok('assignReport', { reportId: id, to: toPerson(`u-${assignee.slice('o-demo-'.length)}`) }, DEMO.gridLeader);
  if (until === 'assigned') return id;
  await ok('startReport', { reportId: id }, assignee);
  return id;
}

describe('the handling loop: assign, start, resolve with proof', () => {
  it('takes a case from 受理 to 办结 with a proof photo, each step on the timeline with who did it', async () => {
    const id = await caseAt('accepted');
    expect(await ok('assignReport', { reportId: id, to: toPerson('u-grid-worker-04'), note: '请今天处理' }, DEMO.gridLeader)).toMatchObject(
      {
        status: 'assigned',
      },
    );
    expect(await ok('startReport', { reportId: id, note: '已到现场' }, WORKER_04)).toMatchObject({ status: 'in_progress' });
    const uploadKey = draftKey();
    const photo = await uploadAt(cloud, `${await proofSlot(WORKER_04, uploadKey)}after.png`);
    const resolved = await ok('resolveReport', { reportId: id, note: '杂物已清理', photos: [photo], uploadKey }, WORKER_04);
    expect(resolved).toMatchObject({ status: 'resolved' });

    const seen = await detail(id, DEMO.resident);
    expect(seen.events.map((step) => [step.type, step.status, step.note])).toEqual([
      ['submitted', 'submitted', undefined],
      ['accepted', 'accepted', undefined],
      ['assigned', 'assigned', '请今天处理'],
      ['started', 'in_progress', '已到现场'],
      ['resolved', 'resolved', '杂物已清理'],
    ]);
    expect(seen.events[4]).toMatchObject({ photos: [photo] });
    expect(seen.photoUrls?.files.map((file) => file.fileID)).toContain(photo);
    const staffView = await detail(id, DEMO.gridLeader);
    expect(staffView.events.slice(2).map((step) => step.actor?.name)).toEqual(['陈志强', '薛淑华', '薛淑华']);
    // The proof's slot is kept on the event for the server alone, and never shown.
    expect((await stored(id)).events[4]).toMatchObject({ actorOpenid: WORKER_04, uploadKey });
    expect(JSON.stringify(staffView)).not.toContain(WORKER_04);
  });

  it('lets a 网格员 take a case himself, but not hand it to another 网格员', async () => {
    const id = await caseAt('accepted');
    expect(await call('assignReport', { reportId: id, to: toPerson('u-grid-worker-04') }, DEMO.gridWorker)).toMatchObject({
      code: 'REPORT.FORBIDDEN',
    });
    expect(await ok('assignReport', { reportId: id, to: toPerson('u-grid-worker-03') }, DEMO.gridWorker)).toMatchObject({
      status: 'assigned',
    });
    expect(await ok('startReport', { reportId: id }, DEMO.gridWorker)).toMatchObject({ status: 'in_progress' });
  });

  it('assigns to a co-handling department of the case’s category, and to nobody outside the grid', async () => {
    const id = await caseAt('accepted');
    const refused = [
      toPerson('u-grid-worker-10'), // 网格员 of another grid
      toPerson('u-resident-01'), // a resident of the grid
      toPerson('u-police-01'), // 网格警: co-handles, never owns
      toPerson('u-nobody'),
      { kind: 'department', department: '消防救援站' }, // not a co-handler of 环境卫生
    ];
    for (const to of refused) {
      expect(await call('assignReport', { reportId: id, to }, DEMO.gridLeader)).toMatchObject({ code: 'REPORT.INVALID_ASSIGNEE' });
    }
    expect(await stored(id)).toMatchObject({ status: 'accepted', version: 2 });
    const assigned = await ok('assignReport', { reportId: id, to: { kind: 'department', department: '环卫所' } }, DEMO.gridLeader);
    expect(assigned).toMatchObject({ status: 'assigned' });
    // Nobody of grid -03 is 环卫所's staff: the case is theirs to start now.
    expect(await call('startReport', { reportId: id }, DEMO.gridWorker)).toMatchObject({ code: 'REPORT.FORBIDDEN' });
  });

  it('refuses each move from a status the table has no such move from', async () => {
    const submitted = await caseAt('submitted');
    expect(await call('assignReport', { reportId: submitted, to: toPerson('u-grid-worker-04') }, DEMO.gridLeader)).toMatchObject({
      code: 'REPORT.INVALID_TRANSITION',
    });
    const accepted = await caseAt('accepted');
    expect(await call('startReport', { reportId: accepted }, DEMO.gridLeader)).toMatchObject({ code: 'REPORT.INVALID_TRANSITION' });
    const assigned = await caseAt('assigned');
    const resolve = { reportId: assigned, note: '已处理', photos: [], uploadKey: draftKey() };
    expect(await call('resolveReport', resolve, WORKER_04)).toMatchObject({ code: 'REPORT.INVALID_TRANSITION' });
    expect(await call('assignReport', { reportId: assigned, to: toPerson('u-grid-worker-03') }, DEMO.gridLeader)).toMatchObject({
      code: 'REPORT.INVALID_TRANSITION',
    });
    expect(await stored(assigned)).toMatchObject({ status: 'assigned', version: 3 });
  });

  it('lets only the assignee start and resolve; another grid’s staff do not even find the case', async () => {
    const id = await caseAt('assigned');
    for (const openid of [DEMO.gridWorker, DEMO.gridLeader, DEMO.countyCentre])
      expect(await call('startReport', { reportId: id }, openid)).toMatchObject({ code: 'REPORT.FORBIDDEN' });
    expect(await call('startReport', { reportId: id }, DEMO.gridWorkerElsewhere)).toMatchObject({ code: 'REPORT.NOT_FOUND' });
    expect(await call('startReport', { reportId: id }, DEMO.otherResident)).toMatchObject({ code: 'REPORT.NOT_FOUND' });
    await ok('startReport', { reportId: id }, WORKER_04);
    const resolve = { reportId: id, note: '已处理', photos: [], uploadKey: draftKey() };
    expect(await call('resolveReport', resolve, DEMO.gridWorker)).toMatchObject({ code: 'REPORT.FORBIDDEN' });
    expect(await call('resolveReport', resolve, DEMO.gridWorkerElsewhere)).toMatchObject({ code: 'REPORT.NOT_FOUND' });
    expect(await call('assignReport', { reportId: id, to: toPerson('u-grid-worker-10') }, DEMO.gridWorkerElsewhere)).toMatchObject({
      code: 'REPORT.NOT_FOUND',
    });
    expect(await stored(id)).toMatchObject({ status: 'in_progress', version: 4 });
  });

  it('wants proof: a photo or a note', async () => {
    const id = await caseAt('in_progress');
    expect(await call('resolveReport', { reportId: id, note: '  ', photos: [], uploadKey: draftKey() }, WORKER_04)).toMatchObject({
      code: 'REPORT.PROOF_REQUIRED',
    });
    expect(await ok('resolveReport', { reportId: id, note: '已清理', photos: [], uploadKey: draftKey() }, WORKER_04)).toMatchObject({
      status: 'resolved',
    });
  });

  it('refuses a proof photo outside the caller’s own proof slot, and writes nothing', async () => {
    const id = await caseAt('in_progress');
    const uploadKey = draftKey();
    const asReportPhoto = await uploadPhoto(cloud, WORKER_04, uploadKey, 'p1.png'); // their 'report' slot, same key
    const othersProof = await uploadAt(cloud, `${await proofSlot(DEMO.gridWorker, uploadKey)}p1.png`);
    const otherKey = await uploadAt(cloud, `${await proofSlot(WORKER_04, draftKey())}p1.png`);
    for (const photo of [asReportPhoto, othersProof, otherKey]) {
      expect(await call('resolveReport', { reportId: id, note: '已处理', photos: [photo], uploadKey }, WORKER_04)).toMatchObject({
        code: 'FILE.NOT_YOURS',
      });
    }
    expect(await stored(id)).toMatchObject({ status: 'in_progress', version: 4 });
  });
});

describe('uploadSlot for proof', () => {
  it('gives staff a proof slot and refuses one to residents and to callers without a record', async () => {
    expect(await proofSlot(DEMO.gridWorker, draftKey())).toMatch(/^uploads\/proof\/[0-9a-f]{32}\/$/);
    for (const openid of [DEMO.resident, DEMO.informant, 'o-handling-loop-stranger']) {
      expect(await cloud.call('uploadSlot', { purpose: 'proof', key: draftKey() }, openid)).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    }
    expect(await cloud.call('uploadSlot', { purpose: 'report', key: draftKey() }, DEMO.resident)).toMatchObject({ ok: true });
  });
});
