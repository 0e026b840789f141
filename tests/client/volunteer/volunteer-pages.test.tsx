import { fireEvent, render, screen, within } from '@testing-library/react';
import type { HallItem, OrderDetail, VolunteerApplicationView } from '@pingan/shared/contracts';
import { forgetMe } from '../../../client/src/hooks/use-me';
import VolunteerHome from '../../../client/src/pages/home/volunteer-home';
import VolunteerApplicationsPage from '../../../client/src/staff/pages/volunteer-applications';
import VolunteerRegisterPage from '../../../client/src/volunteer/pages/register';
import VolunteerTaskPage from '../../../client/src/volunteer/pages/task';
import { hoursText, serviceTallyOf } from '../../../client/src/volunteer/service-hours';
import Taro, { __setRouterParams, __storage } from '../stand-ins/taro';
import { CATALOG_STORAGE_KEY, forgetCatalogInMemory } from '../../../client/src/catalog/catalog-store';
import { fail, installFakeLocalcloud, ok } from '../helpers/fake-localcloud';
import { me } from '../helpers/fixtures';

const GRID = '410399001001-03';
const THU_9 = Date.UTC(2026, 11, 3, 1);
const HOUR = 3_600_000;

function task(id: string, startsAt: number, overrides: Partial<OrderDetail> = {}): OrderDetail {
  return {
    id,
    kind: 'task',
    gridCode: GRID,
    title: '环境卫生整治',
    status: 'claimed',
    address: '幸福路 3 号',
    slot: { key: '2026-12-03T09:00', startsAt, endsAt: startsAt + 2 * HOUR },
    createdAt: THU_9 - 86_400_000,
    events: [],
    steps: [],
    viewerIs: ['claimant'],
    ...overrides,
  };
}

function hallItem(id: string, overrides: Partial<HallItem> = {}): HallItem {
  const { steps: _steps, viewerIs: _viewerIs, ...view } = task(id, THU_9 + 24 * HOUR, { status: 'posted' });
  return { ...view, title: '政策宣传', taskKind: 'policyPromotion', skills: [], minutes: 120, points: 10, ...overrides };
}

function application(overrides: Partial<VolunteerApplicationView> = {}): VolunteerApplicationView {
  return {
    id: `${GRID}:u-02`,
    gridCode: GRID,
    personId: 'u-02',
    name: '王桂英',
    phone: '13800000102',
    partyMember: true,
    skills: ['代办'],
    posts: ['mediation'],
    status: 'pending',
    appliedAt: THU_9,
    ...overrides,
  };
}

const ledger = {
  fenBalance: 0,
  pointBalance: 35,
  entries: [
    { id: 'service:t-1', kind: 'service', unit: 'point', amount: 10, at: THU_9, orderId: 't-1', minutes: 120 },
    { id: 'award:r-1', kind: 'award', unit: 'point', amount: 5, at: THU_9 },
    { id: 'service:t-2', kind: 'service', unit: 'point', amount: 5, at: THU_9, orderId: 't-2', minutes: 50 },
  ],
  nextCursor: null,
};

describe('a volunteer’s home', () => {
  beforeEach(forgetMe);

  it('lists my tasks as myTasks answers them, 完成 on those still to do, what waits on the others', async () => {
    const mine = [
      hallItem('t-soon', { status: 'claimed', title: '社情民意收集' }),
      hallItem('t-done', { status: 'completed', title: '环境卫生整治' }),
      hallItem('t-argued', { status: 'disputed', title: '上门理发' }),
      hallItem('t-late', { status: 'claimed', title: '矛盾纠纷调解' }),
      hallItem('t-paid', { status: 'confirmed', title: '助餐送餐', minutes: 60, points: 5 }),
    ];
    const cloud = installFakeLocalcloud({
      myTasks: () => ok({ items: mine, nextCursor: null }),
      myPoints: () => ok(ledger),
      taskHall: () => ok({ items: [], nextCursor: null }),
    });
    render(<VolunteerHome />);
    const list = document.querySelector('#my-tasks') as HTMLElement;
    await within(list).findByText('社情民意收集');
    expect(cloud.calls.myTasks).toEqual([{ limit: 10 }]);
    expect(
      within(list)
        .getAllByText(/社情民意收集|矛盾纠纷调解|环境卫生整治|上门理发|助餐送餐/)
        .map((el) => el.textContent),
    ).toEqual(['社情民意收集', '环境卫生整治', '上门理发', '矛盾纠纷调解', '助餐送餐']);
    expect(within(list).getAllByText('完成')).toHaveLength(2);
    expect(within(list).getByText('已提交完成，等居民确认')).toBeTruthy();
    expect(within(list).getByText('居民有异议，等网格员裁定')).toBeTruthy();
    expect(within(list).getByText('已记服务时长 1 小时，积分 5')).toBeTruthy();
    fireEvent.click(within(list).getAllByText('完成')[0]!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/volunteer/pages/task/index?id=t-soon' });
    expect(await screen.findByText('2 小时 50 分钟')).toBeTruthy();
    expect(screen.getByText('35 分')).toBeTruthy();
    expect(screen.getByText('积分（服务得 15 分）›')).toBeTruthy();
  });

  it('claims a task from the hall with 接单, then reads 我的任务 again', async () => {
    let hall = [hallItem('t-9')];
    let mine: HallItem[] = [];
    const cloud = installFakeLocalcloud({
      myTasks: () => ok({ items: mine, nextCursor: null }),
      myPoints: () => ok(ledger),
      taskHall: () => ok({ items: hall, nextCursor: null }),
      claimOrder: () => {
        mine = [{ ...hallItem('t-9'), status: 'claimed' }];
        hall = [];
        return ok({ order: { ...hallItem('t-9'), status: 'claimed' } });
      },
    });
    render(<VolunteerHome />);
    expect(await screen.findByText('服务时长 2 小时，积分 10')).toBeTruthy();
    fireEvent.click(screen.getByText('接单'));
    expect(await screen.findByText('已接单：政策宣传，请按时上门')).toBeTruthy();
    expect(cloud.calls.claimOrder).toEqual([{ orderId: 't-9' }]);
    const list = document.querySelector('#my-tasks') as HTMLElement;
    expect(await within(list).findByText('政策宣传')).toBeTruthy();
    expect(cloud.calls.myTasks).toHaveLength(2);
    expect(await screen.findByText('任务大厅暂时没有适合您的任务')).toBeTruthy();
  });

  it('says in words that someone else took the task first, and reads the hall again', async () => {
    const cloud = installFakeLocalcloud({
      myTasks: () => ok({ items: [], nextCursor: null }),
      myPoints: () => ok(ledger),
      taskHall: () => ok({ items: cloud.calls.claimOrder ? [] : [hallItem('t-9')], nextCursor: null }),
      claimOrder: () => fail('ORDER.INVALID_TRANSITION'),
    });
    render(<VolunteerHome />);
    fireEvent.click(await screen.findByText('接单'));
    expect((await screen.findByRole('alert')).textContent).toBe('这个点单的状态已经变了，请刷新后再看。');
    expect(await screen.findByText('任务大厅暂时没有适合您的任务')).toBeTruthy();
    expect(cloud.calls.taskHall).toHaveLength(2);
  });

  it('adds up the service minutes and points of the ledger’s service lines only', () => {
    expect(serviceTallyOf(ledger.entries as never)).toEqual({ minutes: 170, points: 15 });
    expect([hoursText(45), hoursText(120), hoursText(170)]).toEqual(['45 分钟', '2 小时', '2 小时 50 分钟']);
  });
});

/** The county's catalog as `catalog` answers it: the volunteers' skills are those its services name. */
const catalog = () => ok({ categories: [], services: [], skills: ['代办', '理发', '陪诊'] });

describe('网格报到', () => {
  beforeEach(() => {
    forgetMe();
    forgetCatalogInMemory();
    __storage().clear();
  });

  it('offers the skills the catalog hands out, and a saved catalog without them waits for the server', async () => {
    __storage().set(CATALOG_STORAGE_KEY, { categories: [], services: [] });
    installFakeLocalcloud({
      me: () => ok(me()),
      myVolunteering: () => ok({ applications: [], gridCodes: [], skills: [] }),
      catalog,
    });
    render(<VolunteerRegisterPage />);
    const choices = await screen.findByText('陪诊');
    expect(Array.from(choices.closest('#volunteer-skills')!.querySelectorAll('.orders__choice')).map((el) => el.textContent)).toEqual([
      '代办',
      '理发',
      '陪诊',
    ]);
    expect(screen.queryByText('心理')).toBeNull();
  });

  it('checks the form with the function’s own schema, sends it for my grid, then shows it pending', async () => {
    const cloud = installFakeLocalcloud({
      catalog,
      me: () => ok(me({ name: '王桂英' })),
      myVolunteering: () => ok({ applications: [], gridCodes: [], skills: [] }),
      registerVolunteer: (request) => ok({ application: application({ ...(request as object), status: 'pending' }) }),
    });
    render(<VolunteerRegisterPage />);
    fireEvent.click(await screen.findByText('提交报到'));
    expect(screen.getByText('请写您的姓名')).toBeTruthy();
    expect(screen.getByText('请填写 11 位手机号')).toBeTruthy();
    expect(cloud.calls.registerVolunteer).toBeUndefined();
    fireEvent.change(screen.getByPlaceholderText('您的姓名'), { target: { value: '王桂英' } });
    fireEvent.change(screen.getByPlaceholderText('11 位手机号'), { target: { value: '13800000102' } });
    fireEvent.click(screen.getByText('党员'));
    fireEvent.click(screen.getByText('代办'));
    fireEvent.click(screen.getByText('矛盾纠纷调解'));
    fireEvent.click(screen.getByText('提交报到'));
    expect(await screen.findByText('已提交，等网格员审核')).toBeTruthy();
    expect(cloud.calls.registerVolunteer).toEqual([
      { gridCode: GRID, name: '王桂英', phone: '13800000102', partyMember: true, skills: ['代办'], posts: ['mediation'] },
    ]);
    expect(screen.queryByText('提交报到')).toBeNull();
  });

  it('shows a refusal with its reason, and the form to apply again', async () => {
    installFakeLocalcloud({
      catalog,
      me: () => ok(me()),
      myVolunteering: () =>
        ok({ applications: [application({ status: 'refused', reason: '请先完成社区登记' })], gridCodes: [], skills: [] }),
    });
    render(<VolunteerRegisterPage />);
    expect(await screen.findByText('没有通过')).toBeTruthy();
    expect(screen.getByText('原因：请先完成社区登记')).toBeTruthy();
    expect(screen.getByText('重新提交报到')).toBeTruthy();
  });
});

describe('报到审核 (a grid’s applications)', () => {
  beforeEach(() => __setRouterParams({ grid: GRID, name: '城关社区第3网格' }));

  it('refuses only with a reason, and approves after asking once more', async () => {
    let items = [application(), application({ personId: 'u-03', id: `${GRID}:u-03`, name: '李明' })];
    const cloud = installFakeLocalcloud({
      volunteerApplications: () => ok({ items, nextCursor: null }),
      reviewVolunteer: (request) => {
        items = items.map((a) =>
          a.personId === request.personId ? { ...a, status: request.decision === 'approve' ? 'approved' : 'refused' } : a,
        );
        return ok({ application: items.find((a) => a.personId === request.personId) });
      },
    });
    render(<VolunteerApplicationsPage />);
    fireEvent.click(await screen.findByText('通过', { selector: '#approve-u-02 *, #approve-u-02' }));
    fireEvent.click(within(document.querySelector('#confirm-approve-u-02') as HTMLElement).getByText('通过'));
    expect(await screen.findByText('王桂英：已通过，成为本网格志愿者')).toBeTruthy();
    fireEvent.click(document.querySelector('#refuse-u-03')!);
    const refuse = document.querySelector('#confirm-refuse-u-03') as HTMLButtonElement;
    expect(refuse.disabled).toBe(true);
    fireEvent.input(document.querySelector('#refuse-reason-u-03')!, { target: { value: '不是本网格居民' } });
    fireEvent.click(document.querySelector('#confirm-refuse-u-03')!);
    expect(await screen.findByText('李明：未通过')).toBeTruthy();
    expect(cloud.calls.reviewVolunteer).toEqual([
      { gridCode: GRID, personId: 'u-02', decision: 'approve' },
      { gridCode: GRID, personId: 'u-03', decision: 'refuse', reason: '不是本网格居民' },
    ]);
  });
});

describe('a claimed task', () => {
  beforeEach(() => __setRouterParams({ id: 't-1' }));

  it("completes with photos uploaded into the caller's own 'completion' slot and a note", async () => {
    (Taro.chooseImage as jest.Mock).mockResolvedValue({ tempFilePaths: ['blob:done-1'] });
    let order = task('t-1', THU_9 + 24 * HOUR);
    const cloud = installFakeLocalcloud({
      orderDetail: () => ok({ order }),
      uploadSlot: () => ok({ dir: 'uploads/completion/0123456789abcdef0123456789abcdef/' }),
      completeOrder: () => {
        order = { ...order, status: 'completed' };
        return ok({ order });
      },
    });
    render(<VolunteerTaskPage />);
    fireEvent.click(await screen.findByText('拍照'));
    expect(await screen.findByText('已上传')).toBeTruthy();
    expect(cloud.calls.uploadSlot![0]).toMatchObject({ purpose: 'completion' });
    fireEvent.input(document.querySelector('#complete-note')!, { target: { value: '楼道已打扫干净' } });
    fireEvent.click(screen.getByText('完成'));
    expect(await screen.findByText('已提交完成，等居民确认')).toBeTruthy();
    expect(cloud.calls.completeOrder![0]).toMatchObject({
      orderId: 't-1',
      note: '楼道已打扫干净',
      uploadKey: cloud.calls.uploadSlot![0]!.key,
      photos: [`cloud://test-env.7465-test-env-1250000000/${cloud.uploads[0]}`],
    });
    expect(screen.queryByText('去不了？服务开始前可以退回任务大厅。')).toBeNull();
  });

  it('gives the task back with 退单 after asking, and shows the function’s refusal once it has started', async () => {
    const cloud = installFakeLocalcloud({
      orderDetail: () => ok({ order: task('t-1', THU_9) }),
      withdrawOrder: () => fail('ORDER.TOO_LATE'),
    });
    render(<VolunteerTaskPage />);
    await screen.findByText('去不了？服务开始前可以退回任务大厅。');
    fireEvent.click(document.querySelector('#withdraw-task')!);
    fireEvent.click(within(document.querySelector('#confirm-withdraw') as HTMLElement).getByText('退单'));
    expect((await screen.findByRole('alert')).textContent).toBe('服务时间已到，不能再退单。');
    expect(cloud.calls.withdrawOrder).toEqual([{ orderId: 't-1' }]);
  });
});
