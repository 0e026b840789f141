import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReportDetail } from '@pingan/shared/contracts';
import StaffCasePage from '../../../client/src/staff/pages/case';
import { forgetTemplates } from '../../../client/src/staff/case/use-templates';
import { __setRouterParams } from '../stand-ins/taro';
import { installFakeLocalcloud, ok, type Handler } from '../helpers/fake-localcloud';
import { detail, summary } from '../helpers/fixtures';

const grids = [
  { code: '410399001001-03', name: '城关社区第3网格' },
  { code: '410399001001-09', name: '城关社区第9网格' },
];

/** The case page over a case, offered `actions` as caseActions would answer them. */
function caseWith(report: Partial<ReportDetail>, actions: Record<string, unknown>, handlers: Record<string, Handler> = {}) {
  return installFakeLocalcloud({
    reportDetail: () => ok({ report: detail(report) }),
    caseActions: () => ok({ people: [], departments: [], ...actions }),
    responseTemplates: (request) => ok({ gridCode: request.gridCode, templates: [] }),
    ...handlers,
  });
}
const button = (text: string) => screen.getByText(text).closest('button') as HTMLButtonElement;
const write = (id: string, text: string) =>
  fireEvent.input(document.querySelector(`#${id}`) as HTMLTextAreaElement, { target: { value: text }, detail: { value: text } });
const answered = () => ok({ report: summary(1, { status: 'accepted' }) });

describe('staff case page: 上报上级, 下派, 督办, 回复督办', () => {
  beforeEach(() => {
    __setRouterParams({ id: 'rep-1' });
    forgetTemplates();
  });

  it('shows none of them unless caseActions offers them', async () => {
    caseWith(
      { status: 'accepted' },
      { moves: ['assign'], people: [{ id: 'u-grid-worker-03', name: '赵丽', role: 'gridWorker', self: true }] },
    );
    render(<StaffCasePage />);
    await screen.findByText('我自己处理');
    for (const word of ['上报上级', '下派到网格', '督办', '回复督办']) expect(screen.queryByText(word)).toBeNull();
  });

  it('escalates with the reason written, the confirm waiting for one', async () => {
    const cloud = caseWith({ status: 'accepted' }, { moves: ['escalate'] }, { escalateReport: answered });
    render(<StaffCasePage />);
    fireEvent.click(await screen.findByText('上报上级'));
    expect(button('确认上报上级').disabled).toBe(true);
    expect(screen.getByText('请写明上报的原因')).toBeTruthy();
    write('escalate-note', '涉及多个网格，需社区协调');
    fireEvent.click(button('确认上报上级'));
    await waitFor(() => expect(cloud.calls.escalateReport).toEqual([{ reportId: 'rep-1', reason: '涉及多个网格，需社区协调' }]));
  });

  it('hands down to the grid picked, among those offered', async () => {
    const cloud = caseWith(
      { status: 'accepted', ownerLevel: 'community', ownerCode: '410399001001' },
      { moves: ['escalate', 'handBack'], grids },
      { handBackReport: answered },
    );
    render(<StaffCasePage />);
    fireEvent.click(await screen.findByText('下派到网格'));
    write('handBack-note', '属网格职责');
    expect(button('确认下派').disabled).toBe(true);
    expect(screen.getByText('请选择网格')).toBeTruthy();
    fireEvent.click(screen.getByText('城关社区第9网格'));
    fireEvent.click(button('确认下派'));
    await waitFor(() =>
      expect(cloud.calls.handBackReport).toEqual([{ reportId: 'rep-1', gridCode: '410399001001-09', reason: '属网格职责' }]),
    );
  });

  it('lets a centre above 督办, and the owner answer a pending one first', async () => {
    const centre = caseWith({ status: 'in_progress' }, { moves: ['supervise'] }, { superviseReport: answered });
    const { unmount } = render(<StaffCasePage />);
    fireEvent.click(await screen.findByText('督办'));
    write('supervise-note', '请三日内办结');
    fireEvent.click(button('发出督办'));
    await waitFor(() => expect(centre.calls.superviseReport).toEqual([{ reportId: 'rep-1', note: '请三日内办结' }]));
    unmount();

    const owner = caseWith(
      { status: 'in_progress', supervisionPending: true },
      { moves: ['escalate', 'answerSupervision'] },
      { answerSupervision: answered },
    );
    render(<StaffCasePage />);
    expect(await screen.findByText('上级督办待回复')).toBeTruthy();
    const labels = [...document.querySelectorAll('#supervision-moves button')].map((b) => b.textContent);
    expect(labels).toEqual(['回复督办', '上报上级']);
    fireEvent.click(screen.getByText('回复督办'));
    write('answerSupervision-note', '已安排，明天办结');
    fireEvent.click(button('提交回复'));
    await waitFor(() => expect(owner.calls.answerSupervision).toEqual([{ reportId: 'rep-1', note: '已安排，明天办结' }]));
  });
});
