import { fireEvent, render, screen, waitFor } from '@testing-library/react';
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
    await waitFor(() => expect(cloud.calls.rejectReport).toHaveLength(1));
    expect(cloud.calls.rejectReport![0]).toEqual({ reportId: 'rep-1', reason: 'duplicate', duplicateOf: 'rep-0', note: '昨天已有人报过' });
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
