import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { HelpCallView } from '@pingan/shared/contracts';
import StaffHelpCallPage from '../../../client/src/staff/pages/help-call';
import { __setRouterParams } from '../stand-ins/taro';
import { installFakeLocalcloud, ok } from '../helpers/fake-localcloud';
import { grid03 } from '../helpers/fixtures';

const RAISED_AT = Date.UTC(2026, 11, 2, 7, 0);

const acknowledged: HelpCallView = {
  id: 'h-1',
  status: 'acknowledged',
  raisedAt: RAISED_AT,
  requesterName: '张秀兰',
  profile: { tags: ['高龄'], note: '有心脏病', phone: '13900000001' },
  location: [111.587499, 33.796931],
  placeName: '城关社区第3网格',
  level: 'grid',
  responder: { name: '赵丽', role: 'gridWorker' },
  contacts: grid03.staff,
  steps: [
    { seq: 1, type: 'raised', at: RAISED_AT, level: 'grid' },
    { seq: 2, type: 'acknowledged', at: RAISED_AT + 60_000, level: 'grid', actorName: '赵丽', actorRole: 'gridWorker' },
  ],
  viewerIs: 'responder',
};

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(async () => undefined);
}

describe('the staff help call page', () => {
  it('shows who called with what they shared and closes the call only with a note, asked once more', async () => {
    __setRouterParams({ id: 'h-1' });
    const cloud = installFakeLocalcloud({
      helpCallDetail: () => ok({ call: acknowledged }),
      closeHelp: (request) =>
        ok({
          call: {
            ...acknowledged,
            status: 'closed',
            steps: [
              ...acknowledged.steps,
              {
                seq: 3,
                type: 'closed',
                at: RAISED_AT + 600_000,
                level: 'grid',
                actorName: '赵丽',
                actorRole: 'gridWorker',
                note: request.note,
              },
            ],
          },
        }),
    });
    render(<StaffHelpCallPage />);
    await settle();
    expect(screen.getByText('情况：高龄')).toBeTruthy();
    expect(screen.getByText('本人留言：有心脏病')).toBeTruthy();
    expect(document.querySelector('#dial-requester')?.getAttribute('href')).toBe('tel:13900000001');
    expect(screen.getByText('看地图')).toBeTruthy();
    fireEvent.click(screen.getByText('已处置'));
    expect(screen.getByText(/请写一句处置情况/)).toBeTruthy();
    fireEvent.input(document.querySelector('#staff-help-note') as HTMLElement, { target: { value: '已到场，无大碍' } });
    fireEvent.click(screen.getByText('已处置'));
    expect(cloud.calls.closeHelp).toBeUndefined();
    fireEvent.click(within(document.querySelector('#staff-help-close-confirm') as HTMLElement).getByText('已处置'));
    await settle();
    expect(cloud.calls.closeHelp).toEqual([{ callId: 'h-1', note: '已到场，无大碍' }]);
    expect(screen.getByText('赵丽（网格员）已处置：已到场，无大碍')).toBeTruthy();
  });
});
