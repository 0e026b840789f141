import { render, screen } from '@testing-library/react';
import ReportDetailView from '../../../client/src/components/report-detail-view';
import Timeline from '../../../client/src/components/timeline';
import type { ReportDetail, TimelineActor } from '@pingan/shared/contracts';
import { detail } from '../helpers/fixtures';

type Step = ReportDetail['events'][number];

const at = Date.UTC(2025, 4, 3, 7, 0);
const step = (seq: number, type: Step['type'], actor?: TimelineActor, extra: Partial<Step> = {}): Step => ({
  seq,
  type,
  at: at + seq * 60_000,
  status: 'accepted',
  ...(actor && { actor }),
  ...extra,
});

describe('Timeline: who acted, by capacity and name', () => {
  it('names staff by role and name, a centre by its level, a department by itself', () => {
    render(
      <Timeline
        events={[
          step(0, 'submitted', { id: 'r', name: '张秀兰', role: 'reporter' }),
          step(1, 'accepted', { id: 'w', name: '赵丽', role: 'gridWorker' }),
          step(2, 'resolved', { id: 'd', name: '孙磊', department: '环卫所' }),
          step(3, 'closed', { id: 'c', name: '魏俊', role: 'centre', centreLevel: 'community' }),
        ]}
      />,
    );
    expect(screen.getByText('5月3日 15:00 上报人 张秀兰')).toBeTruthy();
    expect(screen.getByText('5月3日 15:01 网格员 赵丽')).toBeTruthy();
    expect(screen.getByText('5月3日 15:02 环卫所 孙磊')).toBeTruthy();
    expect(screen.getByText('5月3日 15:03 社区综治中心 魏俊')).toBeTruthy();
  });

  it('says only 上报人 where the viewer may not see who reported', () => {
    render(<Timeline events={[step(0, 'submitted'), step(1, 'accepted', { id: 'w', name: '赵丽', role: 'gridWorker' })]} />);
    expect(screen.getByText('5月3日 15:00 上报人')).toBeTruthy();
  });

  it('shows the verdict on the 评价 step in stars and words, with the comment', () => {
    render(
      <Timeline
        events={[step(0, 'rated', { id: 'r', name: '张秀兰', role: 'reporter' }, { rating: { satisfaction: 2, comment: '还是很脏' } })]}
      />,
    );
    expect(screen.getByText('★★☆☆☆ 不满意')).toBeTruthy();
    expect(screen.getByText('还是很脏')).toBeTruthy();
  });

  it('shows a step’s photos', () => {
    const photo = 'cloud://test-env.7465-test-env-1250000000/uploads/proof/abc/1-x.jpg';
    render(
      <Timeline
        events={[step(0, 'resolved', { id: 'w', name: '赵丽', role: 'gridWorker' }, { photos: [photo] })]}
        photoUrls={{ expiresAt: Date.now() + 60_000, files: [{ fileID: photo, url: 'http://127.0.0.1:1/after.jpg' }] }}
      />,
    );
    expect(document.querySelector('[data-event="resolved"] img')).toBeTruthy();
  });
});

describe('ReportDetailView: the place by name', () => {
  it('names the grid and community, and shows no coordinates when the server sent none (a resident)', () => {
    render(<ReportDetailView report={detail({ location: undefined, gridName: '城关社区第3网格', communityName: '城关社区' })} />);
    expect(screen.getByText('位置：城关社区第3网格')).toBeTruthy();
    expect(screen.queryByText(/经度/)).toBeNull();
  });

  it('joins a community and a grid name that does not carry it', () => {
    render(<ReportDetailView report={detail({ location: undefined, gridName: '第3网格', communityName: '城关社区' })} />);
    expect(screen.getByText('位置：城关社区第3网格')).toBeTruthy();
  });
});
