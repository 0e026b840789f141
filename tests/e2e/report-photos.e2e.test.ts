/**
 * Report photos on a real browser's bad days (issue 13, items 1 and 2): 张秀兰 picks a photo with the
 * browser offline, closes the page, and opens the form again online: the photo shows (from IndexedDB,
 * not the dead blob URL), uploads without a tap, and the report goes in with it. Then an 8 MB phone-sized JPEG goes
 * up compressed (the stored file is a JPEG of 1600×1200, a small part of what was picked), its
 * progress shown per photo on a throttled network; the viewer opens it with a 关闭 button that closes it.
 * Shots: artifacts/photos-NN-<step>.png (375×812) and photos-<step>-390.png, photos-<step>-320-200.png
 * (390×844, and 320×568 with every text at 200 %).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import tcb from '@cloudbase/node-sdk';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { artifactsDir, launchMobileBrowser, screenshot, type MobileBrowser } from './helpers/browser';
import { demoOpenid } from './helpers/demo-users';
import { H5App } from './helpers/h5-page';
import { startLocalStack, type LocalStack } from './helpers/local-stack';

let stack: LocalStack;
let browser: MobileBrowser;
let app: H5App;
let smallPhoto: string;

beforeAll(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  for (const file of readdirSync(artifactsDir, { withFileTypes: true })) {
    if (file.isFile() && /^photos-.*\.png$/.test(file.name)) rmSync(join(artifactsDir, file.name));
  }
  stack = await startLocalStack({ buildH5: process.env.E2E_BUILD_H5 === 'never' ? 'never' : 'always' });
  browser = await launchMobileBrowser(stack.webUrl);
  app = new H5App(browser.page, stack.webUrl, 'photos');
  smallPhoto = join(mkdtempSync(join(tmpdir(), 'pingan-photo-')), 'photo.png');
  writeFileSync(smallPhoto, await QRCode.toBuffer('楼道堆物照片', { width: 320 }));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The page at 390×844, and at 320×568 with every text at 200 % (as care mode scales text), `focus` in view. */
async function shotSizes(name: string, focus: string): Promise<void> {
  const page = app.page;
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  await app.find(focus).scrollIntoViewIfNeeded();
  await screenshot(page, `photos-${name}-390`);
  await page.setViewportSize({ width: 320, height: 568 });
  await page.evaluate(() => {
    const taroPage = [...document.querySelectorAll<HTMLElement>('.taro_page')].find((el) => el.offsetParent !== null);
    const elements = [...(taroPage?.querySelectorAll<HTMLElement>('*') ?? [])];
    const sizes = elements.map((el) => parseFloat(getComputedStyle(el).fontSize));
    elements.forEach((el, i) => {
      el.dataset.e2eFont = el.style.fontSize;
      el.style.fontSize = `${sizes[i]! * 2}px`;
    });
  });
  await app.find(focus).scrollIntoViewIfNeeded();
  await screenshot(page, `photos-${name}-320-200`);
  await page.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>('[data-e2e-font]')) {
      el.style.fontSize = el.dataset.e2eFont ?? '';
      delete el.dataset.e2eFont;
    }
  });
  await page.setViewportSize(viewport);
}

async function startReport(text: string): Promise<void> {
  await app.open('pages/report-new/index');
  await app.tap('#category-XFYH');
  await app.find('#report-text textarea').fill(text);
}

async function pickPhoto(file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), app.tap('#add-photo')]);
  await chooser.setFiles(file);
}

/** Submits the form and answers the new report's stored photos (fileIDs). */
async function submitAndReadPhotos(): Promise<string[]> {
  await app.tap('#submit-report');
  await app.find('#submitted').waitFor({ timeout: 60_000 });
  await app.tap('#open-report', 'pages/report/index');
  const reportId = new URLSearchParams(app.page.url().split('?')[1]).get('id') ?? '';
  const report = await tcb.init({ env: stack.cloud.envId }).database().collection('reports').doc(reportId).get();
  return (report.data[0] as { photos: string[] }).photos;
}

/** Width and height from a JPEG's start-of-frame segment. */
function jpegSize(bytes: Buffer): { width: number; height: number } {
  let at = 2;
  while (at < bytes.length) {
    const marker = bytes[at + 1]!;
    const length = bytes.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xc3) return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    at += 2 + length;
  }
  throw new Error('no start-of-frame segment');
}

test('a photo picked offline survives closing the page, shows again, uploads and goes in with the report', async () => {
  await app.signInAs(demoOpenid('张秀兰'));
  await startReport('楼道里堆满纸箱，挡住了消防通道');
  await browser.context.setOffline(true);
  await pickPhoto(smallPhoto);
  await app.find('[data-photo-state="failed"]').waitFor({ timeout: 30_000 });
  await app.shot('picked-offline');

  // The app is closed; it is opened again once the network is back.
  await app.page.close();
  await browser.context.setOffline(false);
  const page = await browser.context.newPage();
  app = new H5App(page, stack.webUrl, 'photos');
  await app.open('pages/report-new/index');
  // The thumbnail is an image again (not a numbered tile), from IndexedDB rather than the dead blob URL.
  const thumbnail = app.find('.report-new__photo-image img');
  await thumbnail.waitFor();
  expect(await thumbnail.getAttribute('src')).toMatch(/^blob:/);
  await app.find('[data-photo-state="done"]').waitFor({ timeout: 60_000 });
  const loaded = await thumbnail.evaluate((img: HTMLImageElement) =>
    img.complete && img.naturalWidth > 0
      ? img.naturalWidth
      : new Promise<number>((done) => img.addEventListener('load', () => done(img.naturalWidth), { once: true })),
  );
  expect(loaded).toBe(320);
  await app.shot('reopened-uploaded');
  await shotSizes('reopened-uploaded', '#add-photo');

  const photos = await submitAndReadPhotos();
  expect(photos).toHaveLength(1);
  expect(browser.pageErrors).toEqual([]);
});

test('an 8 MB photo goes up compressed, with its progress shown, and the viewer closes with 关闭', async () => {
  await startReport('消防栓被杂物挡住了');
  // A 4000×3000 photo of fine noise at JPEG quality 0.92: as heavy as a phone camera's (about 8 MB).
  const big = await app.page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 4000;
    canvas.height = 3000;
    const context = canvas.getContext('2d')!;
    const image = context.createImageData(4000, 3000);
    let seed = 13;
    for (let i = 0; i < image.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const y = Math.floor(i / 4 / 4000);
      image.data[i] = (y / 12 + (seed & 0x7f)) & 0xff;
      image.data[i + 1] = (100 + ((seed >> 7) & 0x7f)) & 0xff;
      image.data[i + 2] = (200 - y / 20 + ((seed >> 14) & 0x7f)) & 0xff;
      image.data[i + 3] = 255;
    }
    context.putImageData(image, 0, 0);
    const blob = await new Promise<Blob>((done) => canvas.toBlob((b) => done(b!), 'image/jpeg', 0.92));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  });
  const buffer = Buffer.from(big, 'base64');
  expect(buffer.length).toBeGreaterThan(6 * 1024 * 1024);

  // 400 kbps up and down, 400 ms: the upload takes long enough to be seen mid-way.
  const cdp = await app.page.context().newCDPSession(app.page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 400,
    downloadThroughput: 50_000,
    uploadThroughput: 50_000,
  });
  await pickPhoto({ name: 'big.jpg', mimeType: 'image/jpeg', buffer });
  await app.page.waitForFunction(
    () => {
      const bar = document.querySelector('[data-progress]');
      const sent = Number(bar?.getAttribute('data-progress'));
      return sent >= 5 && sent <= 90;
    },
    undefined,
    { timeout: 120_000 },
  );
  expect(await app.find('.report-new__photo-status--busy').innerText()).toMatch(/^上传中 \d+%$/);
  expect(await app.page.getByText('取消', { exact: true }).filter({ visible: true }).count()).toBe(1);
  await app.shot('uploading');
  await shotSizes('uploading', '[data-progress]');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await app.find('[data-photo-state="done"]').waitFor({ timeout: 120_000 });

  await app.find('.report-new__photo-image').click();
  const close = app.page.locator('.preview-image button');
  await close.waitFor();
  expect(await close.innerText()).toBe('关闭');
  await app.shot('viewer');
  await close.click();
  await app.page.locator('.preview-image').waitFor({ state: 'detached' });

  const [fileID] = await submitAndReadPhotos();
  const { fileContent } = await tcb.init({ env: stack.cloud.envId }).downloadFile({ fileID: fileID! });
  const stored = fileContent as Buffer;
  // Noise is the worst case for JPEG: still a small part of what was picked.
  expect(stored.length).toBeLessThan(buffer.length / 4);
  expect(jpegSize(stored)).toEqual({ width: 1600, height: 1200 });
  console.log(`photo picked ${(buffer.length / 1024 / 1024).toFixed(1)} MB, stored ${(stored.length / 1024).toFixed(0)} KB`);
  expect(browser.pageErrors).toEqual([]);
});
