import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { forgetCatalogInMemory } from '../../../client/src/catalog/catalog-store';
import ReportNewPage from '../../../client/src/pages/report-new';
import { DRAFT_STORAGE_KEY, newDraft } from '../../../client/src/report-draft/draft';
import Taro, { __storage } from '../stand-ins/taro';
import { installFakeLocalcloud, ok } from '../helpers/fake-localcloud';
import { catalog, summary } from '../helpers/fixtures';

// Photos of a draft on the device and on their way up (issue 13): kept past closing the app, shown from
// their fileIDs once only uploaded, uploads with progress that can be cancelled and retried.

const SLOT = `uploads/report/${'a'.repeat(32)}/`;
const FILE_ID_PREFIX = 'cloud://test-env.7465-test-env-1250000000/';
const ROUTE = {
  reason: 'contained',
  ownerCode: '410399001001-03',
  ownerLevel: 'grid',
  ownerName: '城关社区第3网格',
  communityName: '城关社区',
  departments: [],
};

const cloudWithForm = () =>
  installFakeLocalcloud({
    catalog: () => ok(catalog()),
    uploadSlot: () => ok({ dir: SLOT }),
    submitReport: () => ok({ report: summary(1), route: ROUTE, replayed: false }),
  });

beforeEach(() => forgetCatalogInMemory());

const photoTile = () => document.querySelector<HTMLElement>('[data-photo-no="1"]')!;
const thumbnail = () => photoTile().querySelector('img');

async function pick(path = 'blob:picked-1') {
  Taro.chooseImage.mockResolvedValue({ tempFilePaths: [path] });
  fireEvent.click(screen.getByText('拍照或选照片'));
}

describe('report form: photos kept on the device until the report is in', () => {
  it('keeps a photo picked offline through closing the app, shows it again and uploads it when opened online', async () => {
    const offline = cloudWithForm();
    const first = render(<ReportNewPage />);
    fireEvent.click(await screen.findByText('消防隐患'));
    offline.goOffline();
    await pick();
    expect(await screen.findByText('没传上，点这里重试')).toBeTruthy();
    expect(offline.uploads).toEqual([]);
    first.unmount(); // the app is closed; the picked blob URL dies with it

    const online = cloudWithForm();
    render(<ReportNewPage />);
    // Shown from the copy in the device's store, not the dead blob URL, and uploaded without a tap.
    await waitFor(() => expect(thumbnail()?.getAttribute('src')).toMatch(/^blob:jsdom\//));
    await screen.findByText('已上传');
    expect(online.uploads).toHaveLength(1);
    fireEvent.click(screen.getByText('提交上报'));
    await screen.findByText('上报成功');
    expect(online.calls.submitReport![0]!.photos).toEqual([`${FILE_ID_PREFIX}${online.uploads[0]}`]);
  });

  it('uploads a failed photo on 点这里重试 and, without a tap, when the network comes back', async () => {
    const cloud = cloudWithForm();
    render(<ReportNewPage />);
    fireEvent.click(await screen.findByText('消防隐患'));
    cloud.goOffline();
    await pick();
    fireEvent.click(await screen.findByText('没传上，点这里重试'));
    expect(await screen.findByText('没传上，点这里重试')).toBeTruthy(); // still offline
    cloud.goOnline();
    fireEvent.click(screen.getByText('没传上，点这里重试'));
    await screen.findByText('已上传');

    cloud.goOffline();
    await pick('blob:picked-2');
    await waitFor(() => expect(document.querySelectorAll('[data-photo-state="failed"]')).toHaveLength(1));
    cloud.goOnline();
    await act(async () => void window.dispatchEvent(new Event('online')));
    await waitFor(() => expect(screen.getAllByText('已上传')).toHaveLength(2));
  });

  it('shows an uploaded photo from its fileID when the device no longer has it', async () => {
    const cloud = cloudWithForm();
    cloud.uploads.push(`${SLOT}1-abcdefgh.jpg`);
    const fileID = `${FILE_ID_PREFIX}${SLOT}1-abcdefgh.jpg`;
    __storage().set(DRAFT_STORAGE_KEY, { ...newDraft(1), categoryCode: 'XFYH', photos: [{ no: 1, kept: 'gone-from-device', fileID }] });
    render(<ReportNewPage />);
    // The local cloud's signed URL, put under the address this build calls the cloud at.
    await waitFor(() => expect(thumbnail()?.getAttribute('src')).toBe(`/storage/file/${SLOT}1-abcdefgh.jpg?sign=t`));
    expect(screen.getByText('已上传')).toBeTruthy();
    fireEvent.click(screen.getByText('提交上报'));
    await screen.findByText('上报成功');
    expect(cloud.calls.submitReport![0]!.photos).toEqual([fileID]);
  });

  it('says a photo that is neither on the phone nor uploaded is lost, and asks for it to be removed', async () => {
    const cloud = cloudWithForm();
    __storage().set(DRAFT_STORAGE_KEY, {
      ...newDraft(1),
      categoryCode: 'XFYH',
      text: '楼道堆物',
      photos: [{ no: 1, localPath: 'blob:dead' }],
    });
    render(<ReportNewPage />);
    expect(await screen.findByText('照片找不到了，请删掉重拍')).toBeTruthy();
    expect(screen.getByText('照片 1')).toBeTruthy(); // a tile, not a broken image
    fireEvent.click(screen.getByText('提交上报'));
    expect(await screen.findByText('有照片在手机上找不到了，请删掉后重新拍')).toBeTruthy();
    expect(cloud.calls.submitReport).toBeUndefined();
    fireEvent.click(screen.getByText('删除'));
    expect(screen.queryByText('有照片在手机上找不到了，请删掉后重新拍')).toBeNull();
    fireEvent.click(screen.getByText('提交上报'));
    await screen.findByText('上报成功');
  });

  it('forgets the device’s copies once the report is in', async () => {
    cloudWithForm();
    render(<ReportNewPage />);
    fireEvent.click(await screen.findByText('消防隐患'));
    await pick();
    await screen.findByText('已上传');
    const { kept } = (__storage().get(DRAFT_STORAGE_KEY) as { photos: { kept: string }[] }).photos[0]!;
    fireEvent.click(screen.getByText('提交上报'));
    await screen.findByText('上报成功');
    const { photoStore } = await import('../../../client/src/device/photo-store');
    await waitFor(async () => expect(await photoStore().source(kept)).toBeUndefined());
  });
});

describe('report form: upload progress, cancel and retry', () => {
  it('shows how much of the photo is sent, and cancels it on 取消', async () => {
    const cloud = cloudWithForm();
    const held = cloud.holdUploads();
    render(<ReportNewPage />);
    fireEvent.click(await screen.findByText('消防隐患'));
    await pick();
    expect(await screen.findByText('上传中 25%')).toBeTruthy();
    expect(photoTile().querySelector('[data-progress]')!.getAttribute('data-progress')).toBe('25');
    fireEvent.click(screen.getByText('取消'));
    expect(await screen.findByText('没传上，点这里重试')).toBeTruthy();
    held.release();
    fireEvent.click(screen.getByText('没传上，点这里重试'));
    await screen.findByText('已上传');
    expect(cloud.uploads).toHaveLength(1); // the cancelled one never arrived
  });

  it('says the submit stopped because an upload was cancelled, not that the network is bad', async () => {
    const cloud = cloudWithForm();
    render(<ReportNewPage />);
    fireEvent.click(await screen.findByText('消防隐患'));
    cloud.goOffline();
    await pick();
    await screen.findByText('没传上，点这里重试');
    cloud.goOnline();
    const held = cloud.holdUploads();
    fireEvent.click(screen.getByText('提交上报'));
    fireEvent.click(await screen.findByText('取消'));
    expect(await screen.findByText(/已取消上传/)).toBeTruthy();
    held.release();
    expect(cloud.calls.submitReport).toBeUndefined();
  });
});
