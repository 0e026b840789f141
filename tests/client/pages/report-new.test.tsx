import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { submitReportRequestSchema } from '../../../shared/src/contracts';
import ReportNewPage from '../../../client/src/pages/report-new';
import { DRAFT_STORAGE_KEY } from '../../../client/src/report-draft/draft';
import Taro, { __setRouterParams, __storage } from '../stand-ins/taro';
import { fail, installFakeLocalcloud, ok, type FakeCloud } from '../helpers/fake-localcloud';
import { summary } from '../helpers/fixtures';

const submitted = (request: Record<string, unknown>) =>
  ok({
    report: summary(1, { text: String(request.text) }),
    route: { reason: 'contained', ownerCode: '410399001001-03', ownerLevel: 'grid', departments: [] },
    replayed: false,
  });

function fillIn() {
  fireEvent.click(screen.getByText('消防隐患'));
  fireEvent.change(document.querySelector('#report-text')!, { target: { value: '楼道里堆满纸箱' } });
}

async function addPhoto(cloud: FakeCloud) {
  Taro.chooseImage.mockResolvedValue({ tempFilePaths: ['blob:photo-1'] });
  fireEvent.click(screen.getByText('拍照或选照片'));
  await screen.findByText('已上传');
  expect(cloud.uploads).toHaveLength(1);
}

describe('report form (随手拍)', () => {
  it('keeps what was typed when the page is left and opened again', () => {
    installFakeLocalcloud({});
    const first = render(<ReportNewPage />);
    fillIn();
    first.unmount();
    render(<ReportNewPage />);
    expect((document.querySelector('#report-text') as HTMLTextAreaElement).value).toBe('楼道里堆满纸箱');
    expect(screen.getByText('✓ 消防隐患')).toBeTruthy();
    expect(screen.getByText('草稿已自动保存，离开后回来还在。')).toBeTruthy();
  });

  it('cannot be sent without a category and some words or a photo', () => {
    installFakeLocalcloud({});
    render(<ReportNewPage />);
    expect(screen.getByText('请选择问题类别')).toBeTruthy();
    expect((screen.getByText('提交上报').closest('button') as HTMLButtonElement).disabled).toBe(true);
  });

  it('uploads a photo when it is picked and sends its fileID with the location and the scanned grid', async () => {
    __setRouterParams({ grid: '410399001001-03' });
    const cloud = installFakeLocalcloud({ submitReport: submitted });
    render(<ReportNewPage />);
    fillIn();
    await addPhoto(cloud);
    Taro.getLocation.mockResolvedValue({ longitude: 111.58187, latitude: 33.79805 });
    fireEvent.click(screen.getByText('用我现在的位置'));
    await screen.findByText('我现在的位置');
    fireEvent.click(screen.getByText('提交上报'));
    await screen.findByText('上报成功');
    const [request] = cloud.calls.submitReport!;
    expect(submitReportRequestSchema.safeParse(request).success).toBe(true);
    expect(request).toMatchObject({ categoryCode: 'XFYH', text: '楼道里堆满纸箱', scannedGridCode: '410399001001-03', anonymous: false });
    expect(request!.photos).toEqual([`cloud://test-env.7465-test-env-1250000000/${cloud.uploads[0]}`]);
    // The browser's WGS-84 position went out as GCJ-02 (about 500 m away here).
    expect((request!.location as number[])[0]).not.toBeCloseTo(111.58187, 3);
    expect(screen.getByText('410399001001-03')).toBeTruthy();
    expect(__storage().has(DRAFT_STORAGE_KEY)).toBe(false);
  });

  it('keeps the draft when the network drops and retries as the same report', async () => {
    const cloud = installFakeLocalcloud({ submitReport: submitted });
    render(<ReportNewPage />);
    fillIn();
    cloud.dropNext();
    fireEvent.click(screen.getByText('提交上报'));
    expect(await screen.findByText(/网络不好，没有连上/)).toBeTruthy();
    expect(__storage().has(DRAFT_STORAGE_KEY)).toBe(true);
    fireEvent.click(screen.getByText('重新提交'));
    await screen.findByText('上报成功');
    const keys = cloud.calls.submitReport!.map((r) => r.idempotencyKey);
    // The dropped call never reached the server; the retry carries the draft's one key.
    const draftKey = keys[0];
    expect(keys).toEqual([draftKey]);
    expect(draftKey).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });

  it('sends the same idempotency key again after the server failed', async () => {
    let answer: (r: Record<string, unknown>) => unknown = () => fail('INTERNAL.ERROR');
    const cloud = installFakeLocalcloud({ submitReport: (r) => answer(r) });
    render(<ReportNewPage />);
    fillIn();
    fireEvent.click(screen.getByText('提交上报'));
    expect(await screen.findByText(/系统开小差了/)).toBeTruthy();
    answer = submitted;
    fireEvent.click(screen.getByText('重新提交'));
    await screen.findByText('上报成功');
    const [first, second] = cloud.calls.submitReport!;
    expect(second!.idempotencyKey).toBe(first!.idempotencyKey);
  });

  it('marks a photo that did not upload and uploads it again on submit', async () => {
    const cloud = installFakeLocalcloud({ submitReport: submitted });
    render(<ReportNewPage />);
    fillIn();
    Taro.chooseImage.mockResolvedValue({ tempFilePaths: ['blob:photo-1'] });
    cloud.dropNext(1); // reading the picked photo fails
    fireEvent.click(screen.getByText('拍照或选照片'));
    expect(await screen.findByText('没传上，点这里重试')).toBeTruthy();
    fireEvent.click(screen.getByText('提交上报'));
    await screen.findByText('上报成功');
    expect(cloud.calls.submitReport![0]!.photos).toHaveLength(1);
  });

  it('lets the reporter stay anonymous', async () => {
    const cloud = installFakeLocalcloud({ submitReport: submitted });
    render(<ReportNewPage />);
    fillIn();
    fireEvent.click(screen.getByText('匿名上报'));
    expect(screen.getByText('网格员看不到您的名字；积分照常给您。')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByText('提交上报'));
    });
    await waitFor(() => expect(cloud.calls.submitReport).toHaveLength(1));
    expect(cloud.calls.submitReport![0]!.anonymous).toBe(true);
  });
});
