import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { submitReportRequestSchema, UPLOAD_FILE_NAME_PATTERN } from '@pingan/shared/contracts';
import { forgetCatalogInMemory } from '../../../client/src/catalog/catalog-store';
import ReportNewPage from '../../../client/src/pages/report-new';
import { placeLine } from '../../../client/src/pages/report-new/location-field';
import { gcj02ToWgs84 } from '../../../client/src/device/wgs84-to-gcj02';
import { DRAFT_STORAGE_KEY } from '../../../client/src/report-draft/draft';
import Taro, { __setRouterParams, __storage } from '../stand-ins/taro';
import { fail, installFakeLocalcloud, ok, type FakeCloud, type Handler } from '../helpers/fake-localcloud';
import { catalog, summary } from '../helpers/fixtures';

const ROUTE = {
  reason: 'contained',
  ownerCode: '410399001001-03',
  ownerLevel: 'grid',
  ownerName: '城关社区第3网格',
  communityName: '城关社区',
  departments: [],
};

const submitted = (request: Record<string, unknown>) =>
  ok({ report: summary(1, { text: String(request.text) }), route: ROUTE, replayed: false });

/** The upload folder the fake server hands out for a draft key (any 32 hex digits will do). */
const SLOT = `uploads/report/${'a'.repeat(32)}/`;
const FILE_ID_PREFIX = 'cloud://test-env.7465-test-env-1250000000/';

/** The local cloud with the catalog and uploadSlot calls answering, and whatever else the test scripts. */
const withCatalog = (handlers: Record<string, Handler> = {}) =>
  installFakeLocalcloud({ catalog: () => ok(catalog()), uploadSlot: () => ok({ dir: SLOT }), ...handlers });

beforeEach(() => forgetCatalogInMemory());

async function fillIn() {
  fireEvent.click(await screen.findByText('消防隐患'));
  fireEvent.change(document.querySelector('#report-text')!, { target: { value: '楼道里堆满纸箱' } });
}

async function addPhoto(cloud: FakeCloud) {
  Taro.chooseImage.mockResolvedValue({ tempFilePaths: ['blob:photo-1'] });
  fireEvent.click(screen.getByText('拍照或选照片'));
  await screen.findByText('已上传');
  expect(cloud.uploads).toHaveLength(1);
}

describe('report form (随手拍)', () => {
  it('keeps what was typed when the page is left and opened again', async () => {
    withCatalog();
    const first = render(<ReportNewPage />);
    await fillIn();
    first.unmount();
    render(<ReportNewPage />);
    expect((document.querySelector('#report-text') as HTMLTextAreaElement).value).toBe('楼道里堆满纸箱');
    expect(screen.getByText('✓ 消防隐患')).toBeTruthy();
    expect(screen.getByText('草稿已自动保存，离开后回来还在。')).toBeTruthy();
    // The saved categories showed at once; let the fresh answer arrive before the test ends.
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  });

  it('says what is missing only once they try to send it, and sends nothing without a category and words or a photo', async () => {
    const cloud = withCatalog();
    render(<ReportNewPage />);
    await screen.findByText('消防隐患');
    // No red before a word is typed (issue 13): the hints come with the first tap on 提交上报.
    expect(screen.queryByText('请选择问题类别')).toBeNull();
    expect(screen.queryByText('请写几句话或拍张照片')).toBeNull();
    fireEvent.click(screen.getByText('提交上报'));
    expect(screen.getByText('请选择问题类别')).toBeTruthy();
    expect(screen.getByText('请写几句话或拍张照片')).toBeTruthy();
    expect(cloud.calls.submitReport).toBeUndefined();
  });

  it('uploads a photo when it is picked and sends its fileID with the location and the scanned grid', async () => {
    __setRouterParams({ grid: '410399001001-03' });
    const cloud = withCatalog({ submitReport: submitted });
    render(<ReportNewPage />);
    await fillIn();
    await addPhoto(cloud);
    Taro.getLocation.mockResolvedValue({ longitude: 111.58187, latitude: 33.79805 });
    fireEvent.click(screen.getByText('用我现在的位置'));
    await screen.findByText('我现在的位置');
    fireEvent.click(screen.getByText('提交上报'));
    await screen.findByText('上报成功');
    const [request] = cloud.calls.submitReport!;
    expect(submitReportRequestSchema.safeParse(request).success).toBe(true);
    expect(request).toMatchObject({ categoryCode: 'XFYH', text: '楼道里堆满纸箱', scannedGridCode: '410399001001-03', anonymous: false });
    expect(request!.photos).toEqual([`${FILE_ID_PREFIX}${cloud.uploads[0]}`]);
    expect(cloud.uploads[0]!.startsWith(SLOT)).toBe(true);
    // The browser's WGS-84 position went out as GCJ-02 (about 500 m away here).
    expect((request!.location as number[])[0]).not.toBeCloseTo(111.58187, 3);
    expect(screen.getByText('已分派到 城关社区第3网格')).toBeTruthy();
    expect(document.querySelector('#routed-owner')!.getAttribute('data-owner-code')).toBe('410399001001-03');
    expect(__storage().has(DRAFT_STORAGE_KEY)).toBe(false);
  });

  it('keeps the draft when the network drops and retries as the same report', async () => {
    const cloud = withCatalog({ submitReport: submitted });
    render(<ReportNewPage />);
    await fillIn();
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
    const cloud = withCatalog({ submitReport: (r) => answer(r) });
    render(<ReportNewPage />);
    await fillIn();
    fireEvent.click(screen.getByText('提交上报'));
    expect(await screen.findByText(/系统开小差了/)).toBeTruthy();
    answer = submitted;
    fireEvent.click(screen.getByText('重新提交'));
    await screen.findByText('上报成功');
    const [first, second] = cloud.calls.submitReport!;
    expect(second!.idempotencyKey).toBe(first!.idempotencyKey);
  });

  it('marks a photo that did not upload and uploads it again on submit', async () => {
    const cloud = withCatalog({ submitReport: submitted });
    render(<ReportNewPage />);
    await fillIn();
    await addPhoto(cloud); // the draft's folder is known from here on
    Taro.chooseImage.mockResolvedValue({ tempFilePaths: ['blob:photo-2'] });
    cloud.goOffline(); // its upload fails
    fireEvent.click(screen.getByText('拍照或选照片'));
    expect(await screen.findByText('没传上，点这里重试')).toBeTruthy();
    cloud.goOnline();
    fireEvent.click(screen.getByText('提交上报'));
    await screen.findByText('上报成功');
    expect(cloud.calls.submitReport![0]!.photos).toHaveLength(2);
    expect(cloud.calls.uploadSlot).toHaveLength(1);
  });

  it('lets the reporter stay anonymous', async () => {
    const cloud = withCatalog({ submitReport: submitted });
    render(<ReportNewPage />);
    await fillIn();
    fireEvent.click(screen.getByText('匿名上报'));
    expect(screen.getByText('网格员看不到您的名字；积分照常给您。')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByText('提交上报'));
    });
    await waitFor(() => expect(cloud.calls.submitReport).toHaveLength(1));
    expect(cloud.calls.submitReport![0]!.anonymous).toBe(true);
  });
});

describe('report form: photos go into the draft’s upload folder (uploadSlot)', () => {
  const inSlot = (path: string) => path.startsWith(SLOT) && UPLOAD_FILE_NAME_PATTERN.test(path.slice(SLOT.length));

  it('asks for the folder once, with the draft’s key, and uploads every photo picked together into it', async () => {
    const cloud = withCatalog({ submitReport: submitted });
    render(<ReportNewPage />);
    await fillIn();
    Taro.chooseImage.mockResolvedValue({ tempFilePaths: ['blob:photo-1', 'blob:photo-2', 'blob:photo-3'] });
    fireEvent.click(screen.getByText('拍照或选照片'));
    await waitFor(() => expect(screen.getAllByText('已上传')).toHaveLength(3));
    const key = (__storage().get(DRAFT_STORAGE_KEY) as { idempotencyKey: string }).idempotencyKey;
    expect(cloud.calls.uploadSlot).toEqual([{ purpose: 'report', key }]);
    expect(cloud.uploads.every(inSlot)).toBe(true);
    expect(new Set(cloud.uploads).size).toBe(3);
    fireEvent.click(screen.getByText('提交上报'));
    await screen.findByText('上报成功');
    expect(cloud.calls.submitReport![0]!.photos).toEqual(cloud.uploads.map((path) => `${FILE_ID_PREFIX}${path}`));
  });

  it('keeps a photo waiting when the folder cannot be asked (offline), and uploads it on submit', async () => {
    const cloud = withCatalog({ submitReport: submitted });
    render(<ReportNewPage />);
    await fillIn();
    Taro.chooseImage.mockResolvedValue({ tempFilePaths: ['blob:photo-1'] });
    cloud.goOffline(); // the uploadSlot call fails
    fireEvent.click(screen.getByText('拍照或选照片'));
    expect(await screen.findByText('没传上，点这里重试')).toBeTruthy();
    expect(cloud.uploads).toEqual([]);
    cloud.goOnline();
    fireEvent.click(screen.getByText('提交上报'));
    await screen.findByText('上报成功');
    expect(cloud.uploads).toHaveLength(1);
    expect(cloud.uploads.every(inSlot)).toBe(true);
    expect(cloud.calls.submitReport![0]!.photos).toEqual([`${FILE_ID_PREFIX}${cloud.uploads[0]}`]);
  });

  it('uploads the photos again, into a freshly asked folder, when the server refuses them as not this draft’s', async () => {
    let answer: Handler = () => fail('FILE.NOT_YOURS');
    const cloud = withCatalog({ submitReport: (r) => answer(r) });
    render(<ReportNewPage />);
    await fillIn();
    await addPhoto(cloud);
    fireEvent.click(screen.getByText('提交上报'));
    expect(await screen.findByText(/照片不是您为这一条上传的，需要重新上传。 草稿还在/)).toBeTruthy();
    expect(screen.getByText('没传上，点这里重试')).toBeTruthy();
    answer = submitted;
    fireEvent.click(screen.getByText('重新提交'));
    await screen.findByText('上报成功');
    expect(cloud.calls.uploadSlot).toHaveLength(2);
    const [first, second] = cloud.calls.submitReport!;
    expect(second!.idempotencyKey).toBe(first!.idempotencyKey);
    expect(second!.photos).toEqual([`${FILE_ID_PREFIX}${cloud.uploads[1]}`]);
    expect(cloud.uploads[1]).not.toBe(cloud.uploads[0]);
  });
});

describe('report form: the categories (catalog call)', () => {
  it('offers the county’s categories and tells the chosen one’s time limit, reward and visibility', async () => {
    const cloud = withCatalog();
    render(<ReportNewPage />);
    fireEvent.click(await screen.findByText('消防隐患'));
    expect(cloud.calls.catalog).toHaveLength(1);
    expect(screen.getByText('网格员会在 1 小时内受理。')).toBeTruthy();
    expect(screen.getByText('核实有效后可得 5 爱心积分。')).toBeTruthy();
    expect(screen.getByText('这类问题附近的居民也能看到进展，但看不到是谁报的。')).toBeTruthy();
    fireEvent.click(screen.getByText('一键求助'));
    // A quarter of an hour; a category that earns nothing promises nothing, and it is not shown to others.
    expect(screen.getByText('网格员会在 15 分钟内受理。')).toBeTruthy();
    expect(document.querySelector('#category-reward')).toBeNull();
    expect(screen.queryByText(/附近的居民也能看到/)).toBeNull();
    // 邻里纠纷 counts working hours: the form says the two hours are office hours.
    fireEvent.click(screen.getByText('邻里纠纷'));
    expect(screen.getByText('网格员会在 2 小时内受理（按工作时间计）。')).toBeTruthy();
  });

  it('tells an informant the money he earns in his grids', async () => {
    const forInformant = catalog();
    forInformant.categories[1] = { ...forInformant.categories[1]!, reward: { points: 5, fenInApprovedGrids: 500 } };
    installFakeLocalcloud({ catalog: () => ok(forInformant) });
    render(<ReportNewPage />);
    fireEvent.click(await screen.findByText('消防隐患'));
    expect(screen.getByText('核实有效后，在您负责的网格奖励 5.00 元，其他地方得 5 爱心积分。')).toBeTruthy();
  });

  it('says the categories are loading while the rest of the form can be filled in', async () => {
    let answer: (value: unknown) => void = () => undefined;
    withCatalog({ catalog: () => new Promise((resolve) => (answer = resolve)) });
    render(<ReportNewPage />);
    expect(screen.getByText(/正在加载问题类别/)).toBeTruthy();
    fireEvent.change(document.querySelector('#report-text')!, { target: { value: '楼道里堆满纸箱' } });
    await act(async () => answer(ok(catalog())));
    expect(await screen.findByText('消防隐患')).toBeTruthy();
    expect((document.querySelector('#report-text') as HTMLTextAreaElement).value).toBe('楼道里堆满纸箱');
  });

  it('says what went wrong and loads them again on 重试', async () => {
    const cloud = withCatalog();
    cloud.dropNext();
    render(<ReportNewPage />);
    expect(await screen.findByText(/问题类别没有加载出来：网络不好/)).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('消防隐患')).toBeTruthy();
    expect(cloud.calls.catalog).toHaveLength(1); // the dropped call never arrived
  });

  it('shows the copy saved on this phone at once when the network is gone', async () => {
    withCatalog();
    const first = render(<ReportNewPage />);
    await screen.findByText('消防隐患');
    first.unmount();
    forgetCatalogInMemory();
    const offline = withCatalog();
    offline.dropNext(5);
    render(<ReportNewPage />);
    expect(screen.getByText('消防隐患')).toBeTruthy();
    await waitFor(() => expect(offline.fetch).toHaveBeenCalled());
    expect(screen.queryByText(/问题类别没有加载出来/)).toBeNull();
  });

  it('replaces the saved copy with the server’s answer, dropping a withdrawn category from the draft', async () => {
    withCatalog();
    const first = render(<ReportNewPage />);
    await fillIn();
    first.unmount();
    const withoutFire = catalog();
    withoutFire.categories = withoutFire.categories.filter((c) => c.code !== 'XFYH');
    withCatalog({ catalog: () => ok(withoutFire) });
    render(<ReportNewPage />);
    await waitFor(() => expect(screen.queryByText(/消防隐患/)).toBeNull());
    fireEvent.click(screen.getByText('提交上报'));
    expect(screen.getByText('请选择问题类别')).toBeTruthy();
    expect((__storage().get(DRAFT_STORAGE_KEY) as { categoryCode?: string }).categoryCode).toBeUndefined();
    expect((__storage().get('catalog') as { categories: unknown[] }).categories).toHaveLength(2);
  });
});

describe('report form: after submitting', () => {
  async function submitWith(route: Record<string, unknown>) {
    withCatalog({ submitReport: () => ok({ report: summary(1), route, replayed: false }) });
    render(<ReportNewPage />);
    await fillIn();
    fireEvent.click(screen.getByText('提交上报'));
    await screen.findByText('上报成功');
    return document.querySelector('#routed-owner')!.textContent;
  }

  it('names the centre when the report went above the grids', async () => {
    expect(await submitWith({ reason: 'county', ownerCode: '410399', ownerLevel: 'county', ownerName: '平安县', departments: [] })).toBe(
      '已分派到 平安县综治中心',
    );
  });

  it('puts the community before a grid name that lacks it', async () => {
    expect(await submitWith({ ...ROUTE, ownerName: '第3网格' })).toBe('已分派到 城关社区第3网格');
  });

  it('shows the level and code when an older server sends no name', async () => {
    expect(await submitWith({ reason: 'joined', ownerCode: '410399001001-03', ownerLevel: 'grid', departments: [] })).toBe(
      '已分派到 网格 410399001001-03',
    );
  });
});

describe('report form: after submitting, the ways on (issue 13)', () => {
  it('offers 查看我的上报 and 回到首页, home by relaunch so Back does not return to the form', async () => {
    withCatalog({ submitReport: submitted });
    render(<ReportNewPage />);
    await fillIn();
    fireEvent.click(screen.getByText('提交上报'));
    await screen.findByText('上报成功');
    fireEvent.click(screen.getByText('查看我的上报'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/my-reports/index' });
    fireEvent.click(screen.getByText('回到首页'));
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' });
  });
});

describe('report form: the place by name (issue 13)', () => {
  it('says which grid the phone is in (您在 城关社区第3网格), the numbers only as a small second line', async () => {
    const cloud = withCatalog();
    const regions = readFileSync(join(__dirname, '../../../data/demo-county/regions.geojson'), 'utf8');
    const served = cloud.fetch.getMockImplementation()!;
    cloud.fetch.mockImplementation(async (url: string, init?: { method?: string; body?: unknown }) =>
      url.endsWith('local/regions.geojson')
        ? ({ ok: true, status: 200, json: async () => JSON.parse(regions) } as Response)
        : served(url, init),
    );
    render(<ReportNewPage />);
    await screen.findByText('消防隐患');
    // WGS-84 from the browser; about 500 m off in GCJ-02, which lies in 城关社区第3网格.
    const [lng, lat] = gcj02ToWgs84(111.587499, 33.796931);
    Taro.getLocation.mockResolvedValue({ longitude: lng, latitude: lat });
    fireEvent.click(screen.getByText('用我现在的位置'));
    expect(await screen.findByText('您在 城关社区第3网格')).toBeTruthy();
    expect(document.querySelector('#chosen-place')!.textContent).toBe('您在 城关社区第3网格');
    expect(document.querySelector('.report-new__coords')!.textContent).toMatch(/^经度 111\.5\d{4}，纬度 33\.79\d{3}$/);
    expect((__storage().get(DRAFT_STORAGE_KEY) as { location: { place: string } }).location.place).toBe('城关社区第3网格');
  });

  it('reads a map point by its name and address, with its grid when known', () => {
    expect(placeLine({ lngLat: [1, 2], label: '平安县人民政府', source: 'map', address: '城关街道政府路1号' })).toBe('平安县人民政府');
    expect(placeLine({ lngLat: [1, 2], label: '县政府附近', source: 'map', place: '城关社区第3网格' })).toBe(
      '县政府附近（城关社区第3网格）',
    );
    expect(placeLine({ lngLat: [1, 2], label: '我现在的位置', source: 'device' })).toBe('我现在的位置');
  });
});
