import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { forgetMe } from '../../../client/src/hooks/use-me';
import HomePage from '../../../client/src/pages/home';
import StaffTemplatesPage from '../../../client/src/staff/pages/templates';
import { templatesProblem } from '../../../client/src/staff/templates/template-section';
import Taro, { __setRouterParams } from '../stand-ins/taro';
import { fail, installFakeLocalcloud, ok } from '../helpers/fake-localcloud';
import { me } from '../helpers/fixtures';

const GRID = '410399001001-03';
const ACTIONS = ['accept', 'reject', 'assign', 'start', 'resolve', 'close', 'rework'];
const sets = ACTIONS.map((action) => ({
  action,
  texts: action === 'accept' ? ['已受理，尽快处理', '已转交网格员'] : [`${action} 默认`],
  custom: action === 'accept',
}));
const templates = () => ok({ gridCode: GRID, templates: sets });
const saved = (request: Record<string, unknown>) =>
  ok({ gridCode: GRID, template: { action: request.action, texts: request.texts, custom: (request.texts as string[]).length > 0 } });

const section = (action: string) => document.querySelector(`#templates-${action}`) as HTMLElement;
const input = (action: string, i: number) => document.querySelector(`#templates-${action}-${i}`) as HTMLTextAreaElement;

beforeEach(() => __setRouterParams({ grid: GRID, name: '城关社区第3网格' }));
afterEach(() => __setRouterParams({}));

describe('常用语 (the 网格长 edits the grid’s response templates)', () => {
  it('shows each move’s phrases and the limits, and saves one move’s edited, deleted and added phrases', async () => {
    const cloud = installFakeLocalcloud({ responseTemplates: templates, saveResponseTemplates: saved });
    render(<StaffTemplatesPage />);
    expect(await screen.findByText('城关社区第3网格的常用语')).toBeTruthy();
    expect(screen.getByText(/每种办理最多 10 条，每条不超过 200 字/)).toBeTruthy();
    expect(['受理', '不予受理', '派单', '开始办理', '办结', '核查结案', '返工'].every((name) => screen.getByText(name))).toBe(true);
    expect(within(section('accept')).getByText('本网格自定')).toBeTruthy();
    expect(within(section('reject')).getByText('全县默认')).toBeTruthy();

    fireEvent.change(input('accept', 0), { target: { value: '已受理，今天处理' } });
    fireEvent.click(within(section('accept')).getAllByText('删除')[1]!);
    fireEvent.click(within(section('accept')).getByText('＋ 添加一条'));
    fireEvent.change(input('accept', 1), { target: { value: '  已联系物业  ' } });
    fireEvent.click(within(section('accept')).getByText('保存受理的常用语'));
    expect(await within(section('accept')).findByText('已保存，本网格办案时就用这些常用语。')).toBeTruthy();
    expect(cloud.calls.saveResponseTemplates).toEqual([{ gridCode: GRID, action: 'accept', texts: ['已受理，今天处理', '已联系物业'] }]);
  });

  it('says which phrase is empty or too long instead of sending it', async () => {
    const cloud = installFakeLocalcloud({ responseTemplates: templates, saveResponseTemplates: saved });
    render(<StaffTemplatesPage />);
    await screen.findByText('城关社区第3网格的常用语');
    fireEvent.change(input('reject', 0), { target: { value: '长'.repeat(201) } });
    fireEvent.click(within(section('reject')).getByText('保存不予受理的常用语'));
    expect(within(section('reject')).getByText('第 1 条有 201 字，每条不能超过 200 字。')).toBeTruthy();
    fireEvent.click(within(section('reject')).getByText('＋ 添加一条'));
    fireEvent.change(input('reject', 0), { target: { value: '不在本网格范围' } });
    fireEvent.click(within(section('reject')).getByText('保存不予受理的常用语'));
    expect(within(section('reject')).getByText('第 2 条是空的，请填写或删除。')).toBeTruthy();
    expect(cloud.calls.saveResponseTemplates).toBeUndefined();
    expect(templatesProblem(Array.from({ length: 11 }, (_, i) => `第${i}句`))).toBe('最多 10 条，请删去 1 条。');
  });

  it('stops adding at 10 phrases', async () => {
    installFakeLocalcloud({ responseTemplates: templates, saveResponseTemplates: saved });
    render(<StaffTemplatesPage />);
    await screen.findByText('城关社区第3网格的常用语');
    for (let i = 0; i < 9; i += 1) fireEvent.click(within(section('start')).getByText('＋ 添加一条'));
    expect(within(section('start')).getByText('已有 10 条，不能再添加')).toBeTruthy();
    expect(section('start').querySelectorAll('textarea')).toHaveLength(10);
  });

  it('shows a refusal as a sentence and keeps the edits to send again; 恢复全县默认 saves an empty list', async () => {
    let refuse = true;
    const cloud = installFakeLocalcloud({
      responseTemplates: templates,
      saveResponseTemplates: (request) => (refuse ? fail('AUTH.FORBIDDEN') : saved(request)),
    });
    render(<StaffTemplatesPage />);
    await screen.findByText('城关社区第3网格的常用语');
    fireEvent.change(input('resolve', 0), { target: { value: '已清理完毕' } });
    fireEvent.click(within(section('resolve')).getByText('保存办结的常用语'));
    expect(await within(section('resolve')).findByText('您没有权限做这件事。')).toBeTruthy();
    expect(input('resolve', 0).value).toBe('已清理完毕');

    refuse = false;
    fireEvent.click(within(section('accept')).getByText('恢复全县默认'));
    await within(section('accept')).findByText('已恢复为全县默认的常用语。');
    expect(cloud.calls.saveResponseTemplates![1]).toEqual({ gridCode: GRID, action: 'accept', texts: [] });
    await waitFor(() => expect(within(section('accept')).getByText('全县默认')).toBeTruthy());
  });

  it('is opened from the 网格长’s home', async () => {
    forgetMe();
    installFakeLocalcloud({
      me: () => ok(me({ name: '陈志强', roles: ['gridLeader'], joinedGrid: null })),
      workbench: () =>
        ok({
          kind: 'gridLeader',
          grids: [{ code: GRID, name: '城关社区第3网格' }],
          counts: { submitted: 0, handling: 0, resolved: 0, dueSoon: 0, overdue: 0 },
          queues: { toAssign: 0, toVerify: 0 },
          supervisionUnanswered: 0,
          dueSoonHours: 4,
        }),
    });
    render(<HomePage />);
    fireEvent.click(await screen.findByText('编辑本网格的常用语 ›'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: `/staff/pages/templates/index?grid=${GRID}&name=${encodeURIComponent('城关社区第3网格')}`,
    });
  });
});
