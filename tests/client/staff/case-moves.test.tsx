import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReportDetail } from '@pingan/shared/contracts';
import StaffCasePage from '../../../client/src/staff/pages/case';
import { withPhrase } from '../../../client/src/staff/case/note-field';
import { forgetTemplates } from '../../../client/src/staff/case/use-templates';
import Taro, { __setRouterParams } from '../stand-ins/taro';
import { installFakeLocalcloud, ok, type Handler } from '../helpers/fake-localcloud';
import { detail, summary } from '../helpers/fixtures';

const PROOF_SLOT = `uploads/proof/${'b'.repeat(32)}/`;
const people = [
  { id: 'u-grid-leader-03', name: '陈志强', role: 'gridLeader', self: true },
  { id: 'u-grid-worker-03', name: '赵丽', role: 'gridWorker', self: false },
];
const templates = [
  { action: 'assign', texts: ['请尽快到现场处理并反馈。'], custom: false },
  { action: 'rework', texts: ['现场核查未达到要求，请重新处理。'], custom: true },
];

/** The case page over a case in `status`, offered `moves` as caseActions would answer them. */
function caseWith(status: ReportDetail['status'], actions: Record<string, unknown>, handlers: Record<string, Handler> = {}) {
  return installFakeLocalcloud({
    reportDetail: () => ok({ report: detail({ status }) }),
    caseActions: () => ok({ people: [], departments: [], ...actions }),
    responseTemplates: (request) => ok({ gridCode: request.gridCode, templates }),
    uploadSlot: () => ok({ dir: PROOF_SLOT }),
    ...handlers,
  });
}

describe('staff case page: the moves after 受理', () => {
  beforeEach(() => {
    __setRouterParams({ id: 'rep-1' });
    forgetTemplates();
  });

  it('offers only what caseActions answers: nothing on a case the caller may not move', async () => {
    caseWith('assigned', { moves: [], assignee: { kind: 'person', name: '赵丽' } });
    render(<StaffCasePage />);
    expect(await screen.findByText('办理人：赵丽')).toBeTruthy();
    for (const word of ['受理（有效上报）', '派单', '开始处置', '办结', '核查通过，结案', '返工重办'])
      expect(screen.queryByText(word)).toBeNull();
  });

  it('assigns to the person picked, with a 常用语 tapped into the note', async () => {
    const cloud = caseWith(
      'accepted',
      { moves: ['assign'], people, departments: ['环卫所'] },
      {
        assignReport: () => ok({ report: summary(1, { status: 'assigned' }) }),
      },
    );
    render(<StaffCasePage />);
    const send = () => screen.getByText('派单').closest('button') as HTMLButtonElement;
    await screen.findByText('派给谁办理');
    expect(screen.getByText('陈志强（我自己处理）')).toBeTruthy();
    expect(screen.getByText('环卫所')).toBeTruthy();
    expect(send().disabled).toBe(true);
    fireEvent.click(screen.getByText('赵丽'));
    fireEvent.click(await screen.findByText('请尽快到现场处理并反馈。'));
    expect((document.querySelector('#assign-note') as HTMLTextAreaElement).value).toBe('请尽快到现场处理并反馈。');
    fireEvent.click(send());
    await waitFor(() => expect(cloud.calls.assignReport).toHaveLength(1));
    expect(cloud.calls.assignReport![0]).toEqual({
      reportId: 'rep-1',
      to: { kind: 'person', personId: 'u-grid-worker-03' },
      note: '请尽快到现场处理并反馈。',
    });
    expect(cloud.calls.responseTemplates).toEqual([{ gridCode: '410399001001-03' }]);
  });

  it('gives a 网格员 one button to take the case himself', async () => {
    const cloud = caseWith(
      'accepted',
      { moves: ['assign'], people: [{ id: 'u-grid-worker-03', name: '赵丽', role: 'gridWorker', self: true }] },
      { assignReport: () => ok({ report: summary(1, { status: 'assigned' }) }) },
    );
    render(<StaffCasePage />);
    fireEvent.click(await screen.findByText('我自己处理'));
    await waitFor(() =>
      expect(cloud.calls.assignReport).toEqual([{ reportId: 'rep-1', to: { kind: 'person', personId: 'u-grid-worker-03' } }]),
    );
  });

  it('改派 to someone else only with a reason', async () => {
    const cloud = caseWith(
      'in_progress',
      { moves: ['reassign'], people: [people[1]], departments: [], assignee: { kind: 'person', name: '薛淑华' } },
      { reassignReport: () => ok({ report: summary(1, { status: 'assigned' }) }) },
    );
    render(<StaffCasePage />);
    fireEvent.click(await screen.findByText('改派给别人'));
    fireEvent.click(screen.getByText('赵丽'));
    const send = () => screen.getByText('确认改派').closest('button') as HTMLButtonElement;
    expect(screen.getByText('请写明改派的原因')).toBeTruthy();
    expect(send().disabled).toBe(true);
    fireEvent.change(document.querySelector('#assign-note')!, { target: { value: '薛淑华请假了' } });
    fireEvent.click(send());
    await waitFor(() =>
      expect(cloud.calls.reassignReport).toEqual([
        { reportId: 'rep-1', to: { kind: 'person', personId: 'u-grid-worker-03' }, reason: '薛淑华请假了' },
      ]),
    );
  });

  it("resolves with the photo uploaded into the caller's own 'proof' slot and a note", async () => {
    (Taro.chooseImage as jest.Mock).mockResolvedValue({ tempFilePaths: ['blob:after-1'] });
    const cloud = caseWith(
      'in_progress',
      { moves: ['resolve'] },
      { resolveReport: () => ok({ report: summary(1, { status: 'resolved' }) }) },
    );
    render(<StaffCasePage />);
    const send = async () => (await screen.findByText('办结')).closest('button') as HTMLButtonElement;
    expect((await send()).disabled).toBe(true);
    expect(screen.getByText('请拍一张处理后的照片，或写一句处理情况')).toBeTruthy();
    fireEvent.click(screen.getByText('拍照'));
    expect(await screen.findByText('已上传')).toBeTruthy();
    expect(cloud.calls.uploadSlot).toHaveLength(1);
    expect(cloud.calls.uploadSlot![0]).toMatchObject({ purpose: 'proof' });
    expect(cloud.uploads[0]!.startsWith(PROOF_SLOT)).toBe(true);
    fireEvent.change(document.querySelector('#resolve-note')!, { target: { value: '垃圾已清运' } });
    fireEvent.click(await send());
    await waitFor(() => expect(cloud.calls.resolveReport).toHaveLength(1));
    const request = cloud.calls.resolveReport![0]!;
    expect(request).toMatchObject({ reportId: 'rep-1', note: '垃圾已清运', uploadKey: cloud.calls.uploadSlot![0]!.key });
    expect(request.photos).toEqual([`cloud://test-env.7465-test-env-1250000000/${cloud.uploads[0]}`]);
  });

  it('closes at once, and sends back for rework only with a note', async () => {
    const cloud = caseWith(
      'resolved',
      { moves: ['close', 'rework'] },
      { verifyReport: () => ok({ report: summary(1, { status: 'in_progress' }) }) },
    );
    render(<StaffCasePage />);
    const rework = async () => (await screen.findByText('返工重办')).closest('button') as HTMLButtonElement;
    expect((await rework()).disabled).toBe(true);
    fireEvent.click(await screen.findByText('现场核查未达到要求，请重新处理。'));
    expect((await rework()).disabled).toBe(false);
    fireEvent.click(await rework());
    await waitFor(() =>
      expect(cloud.calls.verifyReport).toEqual([{ reportId: 'rep-1', decision: 'rework', note: '现场核查未达到要求，请重新处理。' }]),
    );
  });

  it('keeps the note fields working when the templates cannot be had', async () => {
    installFakeLocalcloud({
      reportDetail: () => ok({ report: detail({ status: 'resolved' }) }),
      caseActions: () => ok({ moves: ['close'], people: [], departments: [] }),
    });
    render(<StaffCasePage />);
    expect(await screen.findByText('核查通过，结案')).toBeTruthy();
    expect(document.querySelector('#verify-note-phrases')).toBeNull();
  });

  it('calls a reporter who is not anonymous at the phone caseActions gives', async () => {
    caseWith('submitted', { moves: ['accept', 'reject'], reporterPhone: '13800000119' });
    render(<StaffCasePage />);
    fireEvent.click(await screen.findByLabelText('给上报人张秀兰打电话'));
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13800000119' });
  });
});

describe('a 常用语 in a note', () => {
  it('fills an empty note, and follows what is written with a comma unless it ends a sentence', () => {
    expect(withPhrase('', '已到现场。')).toBe('已到现场。');
    expect(withPhrase('垃圾已清运', '请查看照片')).toBe('垃圾已清运，请查看照片');
    expect(withPhrase('垃圾已清运。 ', '请查看照片')).toBe('垃圾已清运。请查看照片');
  });
});
