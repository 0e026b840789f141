import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { StatementRowView } from '@pingan/shared/contracts';
import { forgetMe } from '../../../client/src/hooks/use-me';
import InformantHomePage from '../../../client/src/informant/pages/home';
import StatementPage from '../../../client/src/informant/pages/statement';
import { rowWhy } from '../../../client/src/informant/statement-line';
import PointsPage from '../../../client/src/pages/points';
import { entryWhy } from '../../../client/src/pages/points/ledger-line';
import StaffCasePage from '../../../client/src/staff/pages/case';
import { forgetTemplates } from '../../../client/src/staff/case/use-templates';
import Taro, { __setRouterParams } from '../stand-ins/taro';
import { installFakeLocalcloud, ok } from '../helpers/fake-localcloud';
import { detail, me } from '../helpers/fixtures';

const HOME = {
  name: '李明',
  grids: [
    { code: '410399001001-02', name: '城关社区第2网格' },
    { code: '410399001001-03', name: '城关社区第3网格' },
  ],
  today: { dayKey: '2026-12-02', earnedFen: 1500, capFen: 2000, leftFen: 500, reached: false },
  month: { monthKey: '2026-12', totalFen: 2350, awards: 6 },
  settlementDay: '2027-01-01',
  lastStatement: { monthKey: '2026-11', totalFen: 4250, payableFen: 4250, carriedFen: 0 },
};
const STATEMENTS = [
  { monthKey: '2026-11', totalFen: 4250, payableFen: 4250, carriedFen: 0, settledAt: Date.parse('2026-12-01T00:20:00+08:00') },
  { monthKey: '2026-10', totalFen: -150, payableFen: 0, carriedFen: -150, settledAt: Date.parse('2026-11-01T00:20:00+08:00') },
];
const row = (fields: Partial<StatementRowView> & Pick<StatementRowView, 'entryId' | 'kind' | 'amountFen'>): StatementRowView => ({
  dayKey: '2026-11-03',
  ...fields,
});
const ROWS: StatementRowView[] = [
  row({ entryId: 'carry:u-informant-01:2026-11', kind: 'carry', amountFen: -150, dayKey: '2026-11-01' }),
  row({
    entryId: 'award:r1',
    kind: 'award',
    amountFen: 500,
    reportId: 'r1',
    categoryCode: 'HJWS',
    categoryName: '环境卫生',
    basis: 'informant',
  }),
  row({ entryId: 'award:r2', kind: 'award', amountFen: 0, reportId: 'r2', categoryName: '消防隐患', basis: 'daily_cap' }),
  row({
    entryId: 'reversal:r0',
    kind: 'reversal',
    amountFen: -300,
    reportId: 'r0',
    categoryName: '环境卫生',
    cause: 'duplicate',
    reason: '与张秀兰的重复',
  }),
  row({ entryId: 'adjustment:u-informant-01:k', kind: 'adjustment', amountFen: 100, reason: '10月漏发' }),
];

describe('the informant home (信息员)', () => {
  it('shows the approved grids, today against the cap, the month so far, how it is paid, and the statements', async () => {
    installFakeLocalcloud({
      informantHome: () => ok(HOME),
      myStatements: () => ok({ statements: STATEMENTS, nextCursor: null }),
    });
    render(<InformantHomePage />);
    expect(await screen.findByText('城关社区第3网格')).toBeTruthy();
    expect(screen.getByText('15.00 元')).toBeTruthy();
    expect(screen.getByText('每天上限 20.00 元，今天还能得 5.00 元。')).toBeTruthy();
    expect(screen.getByText('23.50 元')).toBeTruthy();
    expect(screen.getByText('6 条奖励，尚未结算。看明细 ›')).toBeTruthy();
    expect(screen.getByText(/本月的在 1月1日 结算/)).toBeTruthy();
    expect(screen.getByText('已结算月份的奖励如果被撤销，从下一次结算的金额中扣除。')).toBeTruthy();
    expect(await screen.findByText('应发 42.50 元')).toBeTruthy();
    expect(screen.getByText('结转下月 -1.50 元')).toBeTruthy();
    fireEvent.click(screen.getByText('2026年11月'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/informant/pages/statement/index?month=2026-11' });
    fireEvent.click(screen.getByText('本月至今（2026年12月）'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/informant/pages/statement/index?month=2026-12' });
  });

  it('says so when today has reached the cap', async () => {
    installFakeLocalcloud({
      informantHome: () => ok({ ...HOME, today: { ...HOME.today, earnedFen: 2000, leftFen: 0, reached: true } }),
      myStatements: () => ok({ statements: [], nextCursor: null }),
    });
    render(<InformantHomePage />);
    expect(await screen.findByText('今天已到上限 20.00 元，今天再受理的上报不再计奖励金。')).toBeTruthy();
  });
});

describe('a monthly statement (结算单)', () => {
  it('lists every row with what and why, and the total, payable and carried in yuan', async () => {
    __setRouterParams({ month: '2026-11' });
    const cloud = installFakeLocalcloud({
      myStatement: () =>
        ok({
          statement: {
            monthKey: '2026-11',
            settled: true,
            settledAt: Date.parse('2026-12-01T00:20:00+08:00'),
            settlementDay: '2026-12-01',
            totalFen: 150,
            payableFen: 150,
            carriedFen: 0,
            rows: ROWS,
          },
        }),
    });
    render(<StatementPage />);
    expect(await screen.findByText('已结算（12月1日 00:20）')).toBeTruthy();
    expect(cloud.calls.myStatement).toEqual([{ monthKey: '2026-11' }]);
    expect(screen.getByText('环境卫生，信息员奖励金')).toBeTruthy();
    expect(screen.getByText('消防隐患，已到当天上限')).toBeTruthy();
    expect(screen.getByText('环境卫生，与别人的上报重复，与张秀兰的重复')).toBeTruthy();
    expect(screen.getByText('原因：10月漏发')).toBeTruthy();
    expect(screen.getByText('+5.00')).toBeTruthy();
    expect(screen.getByText('-3.00')).toBeTruthy();
    expect(screen.getByText('-1.50')).toBeTruthy();
    expect(document.querySelector('#statement-total')?.textContent).toBe('1.50 元');
    expect(document.querySelector('#statement-payable')?.textContent).toBe('1.50 元');
    expect(document.querySelector('#statement-carried')).toBeNull();
  });

  it('shows the month so far as provisional, and a negative month as carried to the next', async () => {
    __setRouterParams({ month: '2026-12' });
    installFakeLocalcloud({
      myStatement: () =>
        ok({
          statement: {
            monthKey: '2026-12',
            settled: false,
            settlementDay: '2027-01-01',
            totalFen: -200,
            payableFen: 0,
            carriedFen: -200,
            rows: [ROWS[3]],
          },
        }),
    });
    render(<StatementPage />);
    expect(await screen.findByText('本月至今，尚未结算：1月1日 结算，期间还会变动。')).toBeTruthy();
    expect(screen.getByText('按现在结算应发')).toBeTruthy();
    expect(document.querySelector('#statement-carried')?.textContent).toBe('-2.00 元');
    expect(screen.getByText('这个月撤销的多于所得，差额从下个月的奖励金中扣除。')).toBeTruthy();
  });

  it('says why each kind of row has its amount', () => {
    expect(ROWS.map(rowWhy)).toEqual([
      '上月合计为负，从本月扣除',
      '环境卫生，信息员奖励金',
      '消防隐患，已到当天上限',
      '环境卫生，与别人的上报重复，与张秀兰的重复',
      '原因：10月漏发',
    ]);
  });
});

describe('my points (我的积分) for an informant and for a resident', () => {
  const points = () => ok({ fenBalance: 550, pointBalance: 8, entries: [], nextCursor: null });
  beforeEach(() => forgetMe());

  it('tells an informant about the monthly settlement and links their informant home', async () => {
    installFakeLocalcloud({ me: () => ok(me({ name: '李明', roles: ['informant', 'resident'] })), myPoints: points });
    render(<PointsPage />);
    fireEvent.click(await screen.findByText('信息员：今天、本月和结算单 ›'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/informant/pages/home/index' });
    expect(screen.getByText(/每月 1 日结算上个月的/)).toBeTruthy();
  });

  it('does not speak of reward money to a resident who earns none', async () => {
    installFakeLocalcloud({ me: () => ok(me()), myPoints: points });
    render(<PointsPage />);
    expect(await screen.findByText('上报的问题被受理为有效，就会得到爱心积分。')).toBeTruthy();
    expect(screen.queryByText(/结算/)).toBeNull();
  });

  it('says why each ledger line has its amount: a reversal its cause and words, a settlement its month', () => {
    const at = Date.UTC(2026, 11, 1);
    expect(entryWhy({ id: 'reversal:r', kind: 'reversal', unit: 'fen', amount: -300, at, cause: 'invalid', reason: '现场没有' })).toBe(
      '核实为无效上报：现场没有',
    );
    expect(entryWhy({ id: 'adjustment:p:k', kind: 'adjustment', unit: 'fen', amount: 100, at, reason: '漏发' })).toBe('原因：漏发');
    expect(entryWhy({ id: 'settlement:p:2026-11', kind: 'settlement', unit: 'fen', amount: -4250, at, monthKey: '2026-11' })).toBe(
      '2026年11月奖励金结算',
    );
    expect(entryWhy({ id: 'carry:p:2026-12', kind: 'carry', unit: 'fen', amount: -150, at, monthKey: '2026-12' })).toBe(
      '上月撤销多于所得，差额计入2026年12月',
    );
  });
});

describe('撤销奖励 on the staff case page', () => {
  beforeEach(() => {
    __setRouterParams({ id: 'rep-1' });
    forgetTemplates();
  });

  function caseOffering(moves: string[], award?: { unit: 'fen' | 'point'; amount: number }) {
    return installFakeLocalcloud({
      reportDetail: () => ok({ report: detail({ status: 'accepted' }) }),
      caseActions: () => ok({ moves, people: [], departments: [], ...(award && { award }) }),
      responseTemplates: (request) => ok({ gridCode: request.gridCode, templates: [] }),
      reverseAward: () =>
        ok({ reversal: { id: 'reversal:rep-1', personId: 'u-resident-01', unit: 'fen', amount: -500, monthKey: '2026-12' } }),
    });
  }

  it('is offered only when caseActions offers it', async () => {
    caseOffering(['assign']);
    render(<StaffCasePage />);
    await screen.findByText('派给谁办理');
    expect(screen.queryByText('撤销奖励')).toBeNull();
  });

  it('asks for a cause and words, then once more, saying what is taken back', async () => {
    const cloud = caseOffering(['reverseAward'], { unit: 'fen', amount: 500 });
    render(<StaffCasePage />);
    fireEvent.click(await screen.findByText('撤销奖励'));
    expect(screen.getByText('撤销奖励：已发5.00 元奖励金')).toBeTruthy();
    const confirm = () => screen.getByText('确认撤销奖励').closest('button') as HTMLButtonElement;
    expect(confirm().disabled).toBe(true);
    expect(screen.getByText('请选择撤销的原因')).toBeTruthy();
    fireEvent.click(screen.getByText('与别人的上报重复'));
    expect(screen.getByText('请写明撤销的理由')).toBeTruthy();
    fireEvent.change(document.querySelector('#reverseAward-note')!, { target: { value: '  与 rep-0 重复  ' } });
    fireEvent.click(confirm());
    const dialog = await screen.findByRole('dialog');
    expect(cloud.calls.reverseAward).toBeUndefined();
    expect(dialog.textContent).toContain('撤销上报人因这条上报得到的5.00 元奖励金。');
    expect(dialog.textContent).toContain('原因：与别人的上报重复');
    expect(dialog.textContent).toContain('说明：与 rep-0 重复');
    fireEvent.click(within(dialog).getByText('撤销奖励'));
    await waitFor(() => expect(cloud.calls.reverseAward).toHaveLength(1));
    expect(cloud.calls.reverseAward![0]).toEqual({ reportId: 'rep-1', cause: 'duplicate', note: '与 rep-0 重复' });
  });

  it("shows the reversal on the report's timeline with its cause and words", async () => {
    installFakeLocalcloud({
      reportDetail: () =>
        ok({
          report: detail({
            status: 'accepted',
            events: [
              { seq: 0, type: 'submitted', at: Date.UTC(2026, 10, 3, 6, 5), status: 'submitted' },
              {
                seq: 1,
                type: 'award_reversed',
                at: Date.UTC(2026, 10, 4, 6, 5),
                status: 'accepted',
                actor: { id: 'u-grid-leader-03', name: '陈志强', role: 'gridLeader' },
                note: '现场没有杂物',
                reversalCause: 'invalid',
              },
            ],
          }),
        }),
      caseActions: () => ok({ moves: [], people: [], departments: [] }),
      responseTemplates: (request) => ok({ gridCode: request.gridCode, templates: [] }),
    });
    render(<StaffCasePage />);
    expect(await screen.findByText('奖励已撤销')).toBeTruthy();
    expect(screen.getByText('原因：核实为无效上报')).toBeTruthy();
    expect(screen.getByText('现场没有杂物')).toBeTruthy();
  });
});
