import { fireEvent, render, screen } from '@testing-library/react';
import ReportPhotos from '../../../client/src/components/report-photos';
import ReportPage from '../../../client/src/pages/report';
import Taro, { __setRouterParams } from '../stand-ins/taro';
import { installFakeLocalcloud, ok } from '../helpers/fake-localcloud';
import { detail } from '../helpers/fixtures';

const ONE = 'cloud://test-env.7465-test-env-1250000000/reports/k/1.jpg';
const TWO = 'cloud://test-env.7465-test-env-1250000000/reports/k/2.jpg';
const cdn = (n: number) => `https://test-env.tcb.qcloud.la/reports/k/${n}.jpg?sign=abc`;
const later = () => Date.now() + 10 * 60_000;

const images = () => [...document.querySelectorAll('img')].map((img) => img.getAttribute('src'));

describe('report photos', () => {
  it('shows a thumbnail for each photo with a URL, and opens them all full-screen on a tap', () => {
    render(
      <ReportPhotos
        photos={[ONE, TWO]}
        urls={{
          expiresAt: later(),
          files: [
            { fileID: ONE, url: cdn(1) },
            { fileID: TWO, url: cdn(2) },
          ],
        }}
      />,
    );
    expect(images()).toEqual([cdn(1), cdn(2)]);
    expect(screen.getByText('点照片可以放大看')).toBeTruthy();
    fireEvent.click(document.querySelectorAll('img')[1]!);
    expect(Taro.previewImage).toHaveBeenCalledWith({ urls: [cdn(1), cdn(2)], current: cdn(2) });
  });

  it('shows a numbered tile for a photo without a URL (held for review, or its file gone)', () => {
    render(<ReportPhotos photos={[ONE, TWO]} urls={{ expiresAt: later(), files: [{ fileID: ONE, url: cdn(1) }] }} />);
    expect(images()).toEqual([cdn(1)]);
    expect(screen.getByText('照片 2')).toBeTruthy();
  });

  it('shows tiles when the server sent no URLs (an older server) or they have expired', () => {
    const { unmount } = render(<ReportPhotos photos={[ONE]} />);
    expect(screen.getByText('照片 1')).toBeTruthy();
    unmount();
    render(<ReportPhotos photos={[ONE]} urls={{ expiresAt: Date.now() - 1, files: [{ fileID: ONE, url: cdn(1) }] }} />);
    expect(images()).toEqual([]);
    expect(screen.getByText('照片 1')).toBeTruthy();
    expect(screen.queryByText('点照片可以放大看')).toBeNull();
  });

  it('falls back to the tile when a thumbnail does not load', () => {
    render(<ReportPhotos photos={[ONE]} urls={{ expiresAt: later(), files: [{ fileID: ONE, url: cdn(1) }] }} />);
    fireEvent.error(document.querySelector('img')!);
    expect(screen.getByText('照片 1')).toBeTruthy();
  });

  it('does not open the viewer on URLs that expired while the page was open', () => {
    jest.useFakeTimers({ now: Date.UTC(2025, 4, 3, 6, 0) });
    try {
      render(<ReportPhotos photos={[ONE]} urls={{ expiresAt: Date.now() + 1000, files: [{ fileID: ONE, url: cdn(1) }] }} />);
      jest.setSystemTime(Date.now() + 2000);
      fireEvent.click(document.querySelector('img')!);
      expect(Taro.previewImage).not.toHaveBeenCalled();
      expect(screen.getByText('照片 1')).toBeTruthy();
    } finally {
      jest.useRealTimers();
    }
  });

  it('loads the local cloud’s URL through the page’s own origin in the browser build', () => {
    const signed = 'http://127.0.0.1:8787/storage/file/reports/k/1.jpg?expires=1&sig=x';
    render(<ReportPhotos photos={[ONE]} urls={{ expiresAt: later(), files: [{ fileID: ONE, url: signed }] }} />);
    expect(images()).toEqual(['/storage/file/reports/k/1.jpg?expires=1&sig=x']);
  });

  it('in the mini-program, uses the URL as it is and shows a photo without one from its fileID', () => {
    process.env.TARO_ENV = 'weapp';
    render(
      <ReportPhotos
        photos={[ONE, TWO]}
        urls={{ expiresAt: later(), files: [{ fileID: ONE, url: 'http://127.0.0.1:8787/storage/file/reports/k/1.jpg?s=1' }] }}
      />,
    );
    expect(images()).toEqual(['http://127.0.0.1:8787/storage/file/reports/k/1.jpg?s=1', TWO]);
  });
});

describe('report detail page (办理进度) with photos', () => {
  it('shows the photos the server made URLs for as thumbnails', async () => {
    __setRouterParams({ id: 'rep-1' });
    installFakeLocalcloud({
      reportDetail: () => ok({ report: detail({ photoUrls: { expiresAt: later(), files: [{ fileID: ONE, url: cdn(1) }] } }) }),
    });
    render(<ReportPage />);
    await screen.findByText('提交上报');
    expect(images()).toEqual([cdn(1)]);
    expect(screen.queryByText('照片 1')).toBeNull();
  });
});
