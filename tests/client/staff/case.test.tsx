import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import StaffCasePage from '../../../client/src/staff/pages/case';
import { __setRouterParams } from '../stand-ins/taro';
import { fail, installFakeLocalcloud, ok } from '../helpers/fake-localcloud';
import { detail, summary } from '../helpers/fixtures';

const acceptedEvent = { seq: 1, type: 'accepted' as const, at: Date.UTC(2025, 4, 3, 7, 0), status: 'accepted' as const, actor: { id: 'u-grid-worker-03', name: '赵丽' } };

describe('staff case page', () => {
  beforeEach(() => __setRouterParams({ id: 'rep-1' }));

  it('accepts a submitted report and shows the new step in its timeline', async () => {
    let current = detail();
    const cloud = installFakeLocalcloud({
      reportDetail: () => ok({ report: current }),
      acceptReport: () => {
        current = detail({ status: 'accepted', events: [...current.events, acceptedEvent] });
        return ok({ report: summary(1, { status: 'accepted' }) });
      },
    });
    render(<StaffCasePage />);
    fireEvent.click(await screen.findByText('受理（有效上报）'));
    expect(await screen.findByText('网格员受理')).toBeTruthy();
    expect(cloud.calls.acceptReport).toEqual([{ reportId: 'rep-1' }]);
    expect(screen.queryByText('受理（有效上报）')).toBeNull();
    expect(screen.getByText('上报人：张秀兰')).toBeTruthy();
  });

  it('needs a reason to reject, and the original report for a duplicate', async () => {
    const cloud = installFakeLocalcloud({
      reportDetail: () => ok({ report: detail() }),
      rejectReport: () => ok({ report: summary(1, { status: 'rejected', light: null }) }),
    });
    render(<StaffCasePage />);
    fireEvent.click(await screen.findByText('不予受理'));
    const confirm = () => screen.getByText('确认不予受理').closest('button') as HTMLButtonElement;
    expect(confirm().disabled).toBe(true);
    fireEvent.click(screen.getByText('别人已经报过了'));
    expect(screen.getByText('请填写重复的那条上报的编号')).toBeTruthy();
    fireEvent.change(document.querySelector('#duplicate-of')!, { target: { value: 'rep-0' } });
    fireEvent.change(document.querySelector('#reject-note')!, { target: { value: '昨天已有人报过' } });
    fireEvent.click(confirm());
    const dialog = await screen.findByRole('dialog');
    expect(cloud.calls.rejectReport).toBeUndefined();
    expect(dialog.textContent).toContain('原因：别人已经报过了');
    expect(dialog.textContent).toContain('重复的上报：rep-0');
    expect(dialog.textContent).toContain('说明：昨天已有人报过');
    fireEvent.click(within(dialog).getByText('不予受理'));
    await waitFor(() => expect(cloud.calls.rejectReport).toHaveLength(1));
    expect(cloud.calls.rejectReport![0]).toEqual({ reportId: 'rep-1', reason: 'duplicate', duplicateOf: 'rep-0', note: '昨天已有人报过' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('asks before rejecting, and sends nothing when the staff member thinks again', async () => {
    const cloud = installFakeLocalcloud({ reportDetail: () => ok({ report: detail() }) });
    render(<StaffCasePage />);
    fireEvent.click(await screen.findByText('不予受理'));
    fireEvent.click(screen.getByText('信息不实或无法核实'));
    fireEvent.click(screen.getByText('确认不予受理'));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText('确定不予受理吗？')).toBeTruthy();
    expect(dialog.textContent).toContain('原因：信息不实或无法核实');
    expect(dialog.textContent).toContain('没有写说明。');
    fireEvent.click(within(dialog).getByText('再想想'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('确认不予受理')).toBeTruthy();
    expect(cloud.calls.rejectReport).toBeUndefined();
  });

  it('closes the dialog on a refused reject and says why beside the form', async () => {
    installFakeLocalcloud({
      reportDetail: () => ok({ report: detail() }),
      rejectReport: () => fail('REPORT.INVALID_TRANSITION'),
    });
    render(<StaffCasePage />);
    fireEvent.click(await screen.findByText('不予受理'));
    fireEvent.click(screen.getByText('不属于网格受理范围'));
    fireEvent.click(screen.getByText('确认不予受理'));
    fireEvent.click(within(screen.getByRole('dialog')).getByText('不予受理'));
    expect(await screen.findByText('这件事的办理状态已经变了，请刷新后再看。')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('确认不予受理')).toBeTruthy();
  });

  it('accepts at once, without a dialog (the frequent, positive decision)', async () => {
    const cloud = installFakeLocalcloud({
      reportDetail: () => ok({ report: detail() }),
      acceptReport: () => ok({ report: summary(1, { status: 'accepted' }) }),
    });
    render(<StaffCasePage />);
    fireEvent.click(await screen.findByText('受理（有效上报）'));
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(cloud.calls.acceptReport).toHaveLength(1));
  });

  it('explains a refused action in plain words and keeps the buttons', async () => {
    installFakeLocalcloud({
      reportDetail: () => ok({ report: detail() }),
      acceptReport: () => fail('REPORT.INVALID_TRANSITION'),
    });
    render(<StaffCasePage />);
    fireEvent.click(await screen.findByText('受理（有效上报）'));
    expect(await screen.findByText('这件事的办理状态已经变了，请刷新后再看。')).toBeTruthy();
    expect(screen.getByText('受理（有效上报）')).toBeTruthy();
  });

  it('hides the reporter of an anonymous report', async () => {
    installFakeLocalcloud({ reportDetail: () => ok({ report: detail({ anonymous: true, reporter: undefined }) }) });
    render(<StaffCasePage />);
    expect(await screen.findByText('上报人：匿名')).toBeTruthy();
  });
});
