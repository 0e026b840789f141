import { DEMO, reportEvent, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';

type Actor = { id: string; name: string; role?: string; centreLevel?: string; department?: string };
type Step = { type: string; actor?: Actor; rating?: { satisfaction: number; comment?: string } };
type Detail = {
  reporter?: { name: string };
  location?: unknown;
  gridName?: string;
  communityName?: string;
  events: Step[];
};

let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
});
afterAll(async () => cloud?.stop());

const ok = async (name: string, event: Record<string, unknown>, openid: string) =>
  (await cloud.data<{ report: { id: string } }>(name, event, openid)).report;
const detail = async (reportId: string, openid: string) =>
  (await cloud.data<{ report: Detail }>('reportDetail', { reportId }, openid)).report;

/** A case of grid -03 taken to 结案 by its staff (赵丽 accepts, takes and resolves it; 陈志强 closes it), then rated. */
async function ratedCase(anonymous: boolean): Promise<string> {
  const { id } = await ok('submitReport', reportEvent({ anonymous }), DEMO.resident);
  await ok('acceptReport', { reportId: id }, DEMO.gridWorker);
  await ok('assignReport', { reportId: id, to: { kind: 'person', personId: 'u-grid-worker-03' } }, DEMO.gridWorker);
  await ok('startReport', { reportId: id }, DEMO.gridWorker);
  await ok('resolveReport', { reportId: id, note: '已清理', photos: [], uploadKey: `k-${id}` }, DEMO.gridWorker);
  await ok('verifyReport', { reportId: id, decision: 'close' }, DEMO.communityCentre);
  await ok('rateReport', { reportId: id, satisfaction: 4, comment: '很快' }, DEMO.resident);
  return id;
}

/**
 * Each test's time limit, sized from its work: the function calls it makes, at 10 s each (a cold
 * instance of a busy 2-core machine was seen above 3 s), so a loaded machine cannot fail it.
 */
const forCalls = (calls: number) => calls * 10_000;

const who = (step: Step) => (step.actor ? [step.actor.role ?? step.actor.department, step.actor.name] : undefined);

describe('the timeline names who acted, under the visibility rules', () => {
  it(
    'shows the reporter every step with the staff member’s capacity and name, the rating on its step',
    async () => {
      const id = await ratedCase(false);
      const seen = await detail(id, DEMO.resident);
      expect(seen.events.map((step) => [step.type, who(step)])).toEqual([
        ['submitted', ['reporter', '张秀兰']],
        ['accepted', ['gridWorker', '赵丽']],
        ['assigned', ['gridWorker', '赵丽']],
        ['started', ['gridWorker', '赵丽']],
        ['resolved', ['gridWorker', '赵丽']],
        ['closed', ['centre', '魏俊']],
        ['rated', ['reporter', '张秀兰']],
      ]);
      expect(seen.events[5]!.actor).toMatchObject({ centreLevel: 'community' });
      expect(seen.events[6]!.rating).toEqual({ satisfaction: 4, comment: '很快' });
    },
    forCalls(9),
  );

  it(
    'hides an anonymous reporter from grid staff, on every step of theirs, and shows them to the centre over it',
    async () => {
      const id = await ratedCase(true);
      for (const openid of [DEMO.gridWorker, DEMO.gridLeader, DEMO.police]) {
        const seen = await detail(id, openid);
        expect(seen.reporter).toBeUndefined();
        expect(seen.events.filter((step) => step.type === 'submitted' || step.type === 'rated').map((step) => step.actor)).toEqual([
          undefined,
          undefined,
        ]);
        expect(JSON.stringify(seen)).not.toContain('张秀兰');
        expect(seen.events[1]!.actor).toMatchObject({ role: 'gridWorker', name: '赵丽' });
      }
      const centre = await detail(id, DEMO.communityCentre);
      expect(centre.reporter).toMatchObject({ name: '张秀兰' });
      expect(who(centre.events[0]!)).toEqual(['reporter', '张秀兰']);
      // The reporter still sees themself, and the staff by name.
      const own = await detail(id, DEMO.resident);
      expect(who(own.events[0]!)).toEqual(['reporter', '张秀兰']);
      expect(who(own.events[5]!)).toEqual(['centre', '魏俊']);
    },
    forCalls(14),
  );

  it(
    'shows a follower (我也遇到) the staff by name, but never the reporter, nor the coordinates',
    async () => {
      const { id } = await ok('submitReport', reportEvent(), DEMO.otherResident);
      await ok('acceptReport', { reportId: id }, DEMO.gridWorker);
      await cloud.data('followReport', { reportId: id }, DEMO.resident);
      const seen = await detail(id, DEMO.resident);
      expect(seen.reporter).toBeUndefined();
      expect(seen.events.map((step) => [step.type, who(step)])).toEqual([
        ['submitted', undefined],
        ['accepted', ['gridWorker', '赵丽']],
      ]);
      expect(seen.location).toBeUndefined();
      expect(JSON.stringify(seen)).not.toContain('王桂英');
    },
    forCalls(6),
  );

  it(
    'gives a resident the place by name and never its coordinates; staff get both',
    async () => {
      const { id } = await ok('submitReport', reportEvent(), DEMO.resident);
      const own = await detail(id, DEMO.resident);
      expect(own.location).toBeUndefined();
      expect(own).toMatchObject({ gridName: expect.stringContaining('第3网格'), communityName: '城关社区' });
      expect(JSON.stringify(own)).not.toMatch(/111\.58|33\.79/);
      const staff = await detail(id, DEMO.gridWorker);
      expect(staff.location).toEqual([111.587499, 33.796931]);
      expect(staff).toMatchObject({ gridName: expect.stringContaining('第3网格'), communityName: '城关社区' });
    },
    forCalls(5),
  );
});
