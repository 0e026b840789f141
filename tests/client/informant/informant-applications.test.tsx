import { fireEvent, render, screen, within } from '@testing-library/react';
import type { InformantApplicationView } from '@pingan/shared/contracts';
import InformantApplyPage from '../../../client/src/informant/pages/apply';
import GridCardView from '../../../client/src/pages/home/grid-card';
import InformantApplicationsPage from '../../../client/src/staff/pages/informant-applications';
import Taro, { __setRouterParams } from '../stand-ins/taro';
import { installFakeLocalcloud, ok } from '../helpers/fake-localcloud';
import { grid03 } from '../helpers/fixtures';

const GRID = '410399001001-03';
const THU_9 = Date.UTC(2026, 11, 3, 1);
const joinedGrid = { code: GRID, name: '城关社区第3网格' };

function application(overrides: Partial<InformantApplicationView> = {}): InformantApplicationView {
  return {
    id: `${GRID}:u-02`,
    gridCode: GRID,
    gridName: '城关社区第3网格',
    personId: 'u-02',
    name: '王桂英',
    phone: '13800000102',
    motive: '每天在小区门口摆摊',
    status: 'pending',
    appliedAt: THU_9,
    ...overrides,
  };
}

describe('申请成为信息员', () => {
  it('is offered from the home’s grid card to those who may apply, and to nobody else', () => {
    const { unmount } = render(<GridCardView grid={grid03} informantOffer />);
    fireEvent.click(screen.getByText('当本网格的兼职信息员，上报有奖 ›'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/informant/pages/apply/index' });
    unmount();
    render(<GridCardView grid={grid03} />);
    expect(screen.queryByText('当本网格的兼职信息员，上报有奖 ›')).toBeNull();
  });

  it('checks the form with the function’s own schema, applies to my joined grid, then shows it pending', async () => {
    const cloud = installFakeLocalcloud({
      myInformantApplications: () => ok({ applications: [], gridCodes: [], joinedGrid }),
      applyInformant: (request) => ok({ application: application({ ...(request as object), gridCode: GRID }) }),
    });
    render(<InformantApplyPage />);
    fireEvent.click(await screen.findByText('提交申请'));
    expect(screen.getByText('请写您的真实姓名')).toBeTruthy();
    expect(screen.getByText('请填写 11 位手机号')).toBeTruthy();
    expect(cloud.calls.applyInformant).toBeUndefined();
    fireEvent.change(screen.getByPlaceholderText('您的真实姓名'), { target: { value: '王桂英' } });
    fireEvent.change(screen.getByPlaceholderText('11 位手机号'), { target: { value: '13800000102' } });
    fireEvent.input(document.querySelector('#informant-motive')!, { target: { value: '每天在小区门口摆摊' } });
    fireEvent.click(screen.getByText('提交申请'));
    expect(await screen.findByText('已提交，等网格员审核')).toBeTruthy();
    // The joined grid goes unnamed: the function applies to it.
    expect(cloud.calls.applyInformant).toEqual([{ name: '王桂英', phone: '13800000102', motive: '每天在小区门口摆摊' }]);
    expect(screen.queryByText('提交申请')).toBeNull();
  });

  it('names another grid by its code, and says a code that is no grid code in words', async () => {
    const cloud = installFakeLocalcloud({
      myInformantApplications: () => ok({ applications: [], gridCodes: [], joinedGrid }),
      applyInformant: (request) => ok({ application: application({ ...(request as object) }) }),
    });
    render(<InformantApplyPage />);
    fireEvent.click(await screen.findByText('其他网格'));
    fireEvent.change(screen.getByPlaceholderText('您的真实姓名'), { target: { value: '王桂英' } });
    fireEvent.change(screen.getByPlaceholderText('11 位手机号'), { target: { value: '13800000102' } });
    fireEvent.input(document.querySelector('#informant-motive')!, { target: { value: '常去那边买菜' } });
    fireEvent.change(screen.getByPlaceholderText('网格编码，如 410399001001-03'), { target: { value: '第9网格' } });
    fireEvent.click(screen.getByText('提交申请'));
    expect(screen.getByText('网格编码不对，请照网格二维码下方的编码填写')).toBeTruthy();
    fireEvent.change(screen.getByPlaceholderText('网格编码，如 410399001001-03'), { target: { value: '410399001001-09' } });
    fireEvent.click(screen.getByText('提交申请'));
    await screen.findByText('已提交，等网格员审核');
    expect(cloud.calls.applyInformant).toEqual([
      { gridCode: '410399001001-09', name: '王桂英', phone: '13800000102', motive: '常去那边买菜' },
    ]);
  });

  it('shows a removal with the grid worker’s words, and the form to apply again', async () => {
    installFakeLocalcloud({
      myInformantApplications: () =>
        ok({
          applications: [application({ status: 'removed', reason: '已搬离本网格', decidedAt: THU_9 + 3_600_000 })],
          gridCodes: [],
          joinedGrid,
        }),
    });
    render(<InformantApplyPage />);
    expect(await screen.findByText('已取消信息员资格')).toBeTruthy();
    expect(screen.getByText('网格员说：已搬离本网格')).toBeTruthy();
    expect(screen.getByText('重新申请')).toBeTruthy();
  });
});

describe('信息员 (a grid’s applications, for its staff)', () => {
  beforeEach(() => __setRouterParams({ grid: GRID, name: '城关社区第3网格' }));

  it('approves after asking once more, and removes an informant only with words, asked once more', async () => {
    let items = [application(), application({ personId: 'u-03', id: `${GRID}:u-03`, name: '李明', status: 'approved' })];
    const cloud = installFakeLocalcloud({
      informantApplications: () => ok({ items, nextCursor: null }),
      reviewInformant: (request) => {
        const status = { approve: 'approved', refuse: 'refused', remove: 'removed' }[request.decision as string];
        items = items.map((a) => (a.personId === request.personId ? { ...a, status } : a)) as InformantApplicationView[];
        return ok({ application: items.find((a) => a.personId === request.personId) });
      },
    });
    render(<InformantApplicationsPage />);
    fireEvent.click(await screen.findByText('通过', { selector: '#approve-u-02 *, #approve-u-02' }));
    fireEvent.click(within(document.querySelector('#confirm-approve-u-02') as HTMLElement).getByText('通过'));
    expect(await screen.findByText('王桂英：已通过，成为本网格信息员')).toBeTruthy();

    fireEvent.click(document.querySelector('#remove-u-03')!);
    const confirm = document.querySelector('#confirm-remove-u-03') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.input(document.querySelector('#remove-reason-u-03')!, { target: { value: '已搬离本网格' } });
    fireEvent.click(document.querySelector('#confirm-remove-u-03')!);
    expect(cloud.calls.reviewInformant).toHaveLength(1);
    fireEvent.click(within(document.querySelector('#confirm-remove-dialog-u-03') as HTMLElement).getByText('取消资格'));
    expect(await screen.findByText('李明：已取消信息员资格')).toBeTruthy();
    expect(cloud.calls.reviewInformant).toEqual([
      { gridCode: GRID, personId: 'u-02', decision: 'approve' },
      { gridCode: GRID, personId: 'u-03', decision: 'remove', reason: '已搬离本网格' },
    ]);
  });

  it('refuses a pending application only with words', async () => {
    const cloud = installFakeLocalcloud({
      informantApplications: () => ok({ items: [application()], nextCursor: null }),
      reviewInformant: (request) => ok({ application: application({ status: 'refused', reason: String(request.reason) }) }),
    });
    render(<InformantApplicationsPage />);
    fireEvent.click(await screen.findByText('不通过'));
    expect((document.querySelector('#confirm-refuse-u-02') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(document.querySelector('#refuse-reason-u-02')!, { target: { value: '本网格信息员已够' } });
    fireEvent.click(document.querySelector('#confirm-refuse-u-02')!);
    expect(await screen.findByText('王桂英：未通过')).toBeTruthy();
    expect(cloud.calls.reviewInformant).toEqual([{ gridCode: GRID, personId: 'u-02', decision: 'refuse', reason: '本网格信息员已够' }]);
  });
});
