import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';

type CategoryView = {
  code: string;
  name: string;
  group: string;
  acceptLimitHours: number;
  handleLimitHours: number;
  clock?: 'natural' | 'working';
  visibleToOtherResidents: boolean;
  reward: { points: number; fenInApprovedGrids?: number } | null;
};
type ServiceView = { code: string; name: string; description: string; durationMinutes: number; forGroups: string[] };
type Catalog = { categories: CategoryView[]; services: ServiceView[]; skills: string[] };

const demoFile = (name: string) => JSON.parse(readFileSync(join(__dirname, '../../data/demo-county', name), 'utf8'));
const demoCategories = demoFile('categories.json').categories as (CategoryView & { informantPointsFen: number; residentPoints: number })[];
const demoServices = demoFile('services.json').services as ServiceView[];

/** More services than one read returns (100), so the catalogue must be read a page at a time. */
const EXTRA_SERVICES = Array.from({ length: 110 }, (_, i) => ({
  _id: `EXTRA${String(i).padStart(3, '0')}`,
  code: `EXTRA${String(i).padStart(3, '0')}`,
  name: `便民服务${i}`,
  description: '',
  durationMinutes: 30,
  skills: ['代办'],
  volunteerPoints: 1,
  forGroups: [],
  order: 1000 + i,
}));

let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
  for (const service of EXTRA_SERVICES) await cloud.db().collection('services').add({ data: service });
});
afterAll(async () => cloud?.stop());

const catalog = (openid: string) => cloud.data<Catalog>('catalog', {}, openid);

describe('catalog: the report categories', () => {
  it('lists every category in the county’s order, with its group, time limits and visibility', async () => {
    const { categories } = await catalog(DEMO.resident);
    expect(categories.map((c) => c.code)).toEqual(demoCategories.map((c) => c.code));
    const fire = categories.find((c) => c.code === 'XFYH');
    expect(fire).toEqual({
      code: 'XFYH',
      name: '消防隐患',
      group: '安全隐患',
      acceptLimitHours: 1,
      handleLimitHours: 24,
      clock: 'natural',
      visibleToOtherResidents: true,
      reward: { points: 5 },
    });
    // 环境卫生 counts working hours (data/demo-county/work-calendar.json): the form says so.
    expect(categories.find((c) => c.code === 'HJWS')).toMatchObject({ acceptLimitHours: 2, clock: 'working' });
  });

  it('offers a resident each category’s community points', async () => {
    const { categories } = await catalog(DEMO.resident);
    expect(categories.map((c) => c.reward)).toEqual(demoCategories.map((c) => ({ points: c.residentPoints })));
  });

  it('offers an informant money in the grids he is approved for', async () => {
    const { categories } = await catalog(DEMO.informant);
    expect(categories.find((c) => c.code === 'XFYH')?.reward).toEqual({ points: 5, fenInApprovedGrids: 500 });
  });

  it('promises a grid worker nothing: staff earn nothing in their own area', async () => {
    const { categories } = await catalog(DEMO.gridWorker);
    expect(categories.every((c) => c.reward === null)).toBe(true);
  });

  it('answers someone never seen as a resident, without making them a user', async () => {
    const { categories } = await catalog('o-just-looking');
    expect(categories[0]?.reward).toEqual({ points: demoCategories[0]!.residentPoints });
    expect(await cloud.count('users', { openid: 'o-just-looking' })).toBe(0);
  });
});

describe('catalog: the bookable services', () => {
  it('lists all of them, past one read’s 100, in the catalogue’s order, without the volunteers’ fields', async () => {
    const { services } = await catalog(DEMO.resident);
    expect(services.map((s) => s.code)).toEqual([...demoServices.map((s) => s.code), ...EXTRA_SERVICES.map((s) => s.code)]);
    const haircut = demoServices.find((s) => s.code === 'SMLF')!;
    expect(services.find((s) => s.code === 'SMLF')).toEqual({
      code: 'SMLF',
      name: haircut.name,
      description: haircut.description,
      durationMinutes: haircut.durationMinutes,
      forGroups: haircut.forGroups,
    });
  });
});

describe('catalog: the volunteers’ skills', () => {
  it('hands out every skill the services name, once each, in the order they first appear', async () => {
    const { skills } = await catalog(DEMO.resident);
    const named = demoFile('services.json').services.flatMap((s: { skills: string[] }) => s.skills) as string[];
    expect(skills).toEqual([...new Set(named)]);
    expect(skills).toEqual(expect.arrayContaining(['代办', '理发', '法律']));
  });
});

describe('catalog: kept by a warm instance', () => {
  it('answers from memory until its minute is up; a cold instance reads the change', async () => {
    const fire = cloud.db().collection('categories').doc('XFYH');
    cloud.testCloud.cloud.functions.recycle('catalog');
    try {
      expect((await catalog(DEMO.resident)).categories.find((c) => c.code === 'XFYH')?.name).toBe('消防隐患');
      await fire.update({ data: { name: '消防安全隐患' } });
      // Calls one after another reuse the one warm instance, which still holds the list.
      expect((await catalog(DEMO.resident)).categories.find((c) => c.code === 'XFYH')?.name).toBe('消防隐患');
      cloud.testCloud.cloud.functions.recycle('catalog');
      expect((await catalog(DEMO.resident)).categories.find((c) => c.code === 'XFYH')?.name).toBe('消防安全隐患');
    } finally {
      await fire.update({ data: { name: '消防隐患' } });
      cloud.testCloud.cloud.functions.recycle('catalog');
    }
  });

  it('ignores what else an event carries (the userInfo WeChat adds, or anything forged)', async () => {
    expect(await cloud.call('catalog', { $where: 'x', userInfo: { openId: 'o-forged' } }, DEMO.resident)).toMatchObject({ ok: true });
  });
});
