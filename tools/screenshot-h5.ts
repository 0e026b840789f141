/**
 * Screenshots pages of the H5 build (client/dist/h5) in headless Debian Chromium.
 *
 *   npm run build:h5 && npx tsx tools/screenshot-h5.ts [route ...]
 *
 * Each route (default `pages/home/index`) is saved as artifacts/h5-<route with dashes>.png.
 * The build is served from 127.0.0.1 by the local stack's web server, its cloud routes pointed at a port
 * nothing listens on: these are pictures of the static pages, and a call to the cloud just fails. Any
 * request that would leave this machine (e.g. a UI library's icon font on a CDN) is aborted, so the run
 * is offline and repeatable.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startWebServer } from './web-server';

const repoRoot = resolve(__dirname, '..');
const distDir = join(repoRoot, 'client', 'dist', 'h5');
const artifactsDir = join(repoRoot, 'artifacts');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Port 9 (discard): nothing answers there, so the forwarded cloud routes answer 502 at once. */
const NO_CLOUD = 'http://127.0.0.1:9';

async function main(): Promise<void> {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`no H5 build at ${distDir}: run \`npm run build:h5\` first`);
  }
  const routes = process.argv.slice(2);
  if (routes.length === 0) routes.push('pages/home/index');
  mkdirSync(artifactsDir, { recursive: true });

  const server = await startWebServer({ root: distDir, cloudUrl: NO_CLOUD, host: '127.0.0.1', port: 0 });
  const origin = server.url;
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
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  try {
    await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(String(err)));
    for (const route of routes) {
      await page.goto(`${origin}/#/${route}`, { waitUntil: 'load' });
      // Taro mounts each page into a `.taro_page` and fades it in: wait until it is shown and settled.
      await page.waitForSelector('.taro_page', { state: 'visible', timeout: 15_000 });
      await page.waitForTimeout(600);
      const out = join(artifactsDir, `h5-${route.replace(/\//g, '-')}.png`);
      await page.screenshot({ path: out, fullPage: true });
      console.log(`saved ${out}`);
    }
    if (errors.length > 0) throw new Error(`page errors:\n${errors.join('\n')}`);
  } finally {
    await context.close();
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
