import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const repoRoot = resolve(__dirname, '../../..');
export const artifactsDir = join(repoRoot, 'artifacts');

/** Debian's Chromium, started with the flags of docs/TOOLING.md, "Tests"; CHROMIUM_PATH overrides it. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface MobileBrowser {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page, for the test to assert on. */
  pageErrors: string[];
  close(): Promise<void>;
}

/**
 * Headless Chromium as a phone (375×812, touch, zh-CN) with a fresh profile. Requests may reach only
 * `origin`: anything bound elsewhere (a CDN font) is aborted, so runs are offline and repeatable.
 */
export async function launchMobileBrowser(
  origin: string,
  options: {
    geolocation?: { longitude: number; latitude: number };
    /** A desktop browser window of this size instead (no touch, one device pixel per CSS pixel): the centre dashboard. */
    desktop?: { width: number; height: number };
  } = {},
): Promise<MobileBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'pingan-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: options.desktop ?? { width: 375, height: 812 },
    deviceScaleFactor: options.desktop ? 1 : 2,
    isMobile: !options.desktop,
    hasTouch: !options.desktop,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(options.geolocation && { geolocation: options.geolocation, permissions: ['geolocation'] }),
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    return url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:') ? route.continue() : route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  return {
    context,
    page,
    pageErrors,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until Taro has mounted and shown the page at `route` (its fade-in finished). */
export async function waitForTaroPage(page: Page, route: string): Promise<void> {
  await page.waitForFunction((r) => window.location.hash.includes(r), route, { timeout: 15_000 });
  await page.waitForSelector('.taro_page:not(.taro_page_shade)', { state: 'visible', timeout: 15_000 });
  await page.waitForTimeout(500);
}

/** Saves a screenshot of the viewport as artifacts/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
