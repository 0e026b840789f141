import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import ReportCard from '../../../client/src/components/report-card';
import ReportDetailView from '../../../client/src/components/report-detail-view';
import Timeline from '../../../client/src/components/timeline';
import { detail, summary } from '../helpers/fixtures';
import Taro from '../stand-ins/taro';

const named = { ownerName: '第3网格', communityName: '城关社区' };
const submittedStep = detail().events[0]!;
const rejectedStep = {
  seq: 1,
  type: 'rejected' as const,
  at: Date.UTC(2025, 4, 3, 7, 0),
  status: 'rejected' as const,
  actor: { id: 'u-grid-worker-03', name: '赵丽' },
};

describe('ReportDetailView: 办理单位', () => {
  it('names the owner as a resident knows it', () => {
    render(<ReportDetailView report={detail(named)} />);
    expect(screen.getByText('办理单位：城关社区第3网格')).toBeTruthy();
  });

  it('names a centre above the grids as a centre', () => {
    render(<ReportDetailView report={detail({ ownerCode: '410399001', ownerLevel: 'street', ownerName: '城关街道' })} />);
    expect(screen.getByText('办理单位：城关街道综治中心')).toBeTruthy();
  });

  it('falls back to level and code for a report stored without the name', () => {
    render(<ReportDetailView report={detail()} />);
    expect(screen.getByText('办理单位：网格 410399001001-03')).toBeTruthy();
  });
});

describe('ReportDetailView: a report turned down as a duplicate', () => {
  const duplicate = { status: 'rejected' as const, rejection: { reason: 'duplicate' as const, duplicateOf: 'rep-0' } };

  it('tells its reporter which report it repeated, and opens that one', () => {
    render(<ReportDetailView report={detail(duplicate)} />);
    const link = document.querySelector('#duplicate-of') as HTMLElement;
    expect(link.textContent).toContain('已和先报的同一件事一起办理');
    expect(link.textContent).toContain('那一条的编号：rep-0');
    fireEvent.click(link);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/report/index?id=rep-0' });
  });

  it('opens it as a case for staff, and says nothing of a report turned down for another reason', () => {
    render(<ReportDetailView report={detail(duplicate)} staffView />);
    fireEvent.click(document.querySelector('#duplicate-of') as HTMLElement);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/pages/case/index?id=rep-0' });
    cleanup();
    render(<ReportDetailView report={detail({ status: 'rejected', rejection: { reason: 'invalid' } })} />);
    expect(document.querySelector('#duplicate-of')).toBeNull();
  });
});

describe('ReportCard: who has it', () => {
  it('names the owner on the card when the server did', () => {
    render(<ReportCard report={summary(1, { ownerName: '城关社区第3网格', communityName: '城关社区' })} onOpen={() => undefined} />);
    expect(screen.getByText('办理单位：城关社区第3网格')).toBeTruthy();
  });

  it('shows no code on a card without the name', () => {
    render(<ReportCard report={summary(1)} onOpen={() => undefined} />);
    expect(screen.queryByText(/办理单位/)).toBeNull();
  });
});

describe('Timeline: why a report was turned down', () => {
  it('says the reason on the 不予受理 step, in the words the detail uses, above the note', () => {
    render(
      <Timeline
        events={[submittedStep, { ...rejectedStep, note: '一并处理', rejection: { reason: 'duplicate', duplicateOf: 'rep-0' } }]}
      />,
    );
    const step = document.querySelector('[data-event="rejected"]')!;
    expect(step.textContent).toContain('不予受理');
    expect(step.textContent).toContain('原因：别人已经报过了');
    expect(step.textContent!.indexOf('原因：')).toBeLessThan(step.textContent!.indexOf('一并处理'));
  });

  it.each([
    ['invalid', '原因：信息不实或无法核实'],
    ['out_of_scope', '原因：不属于网格受理范围'],
  ] as const)('names %s in plain words', (reason, words) => {
    render(<Timeline events={[submittedStep, { ...rejectedStep, rejection: { reason } }]} />);
    expect(screen.getByText(words)).toBeTruthy();
  });

  it('says no reason on a step from an older server, and none on other steps', () => {
    render(<Timeline events={[submittedStep, rejectedStep]} />);
    expect(screen.getByText('不予受理')).toBeTruthy();
    expect(screen.queryByText(/原因：/)).toBeNull();
  });
});
