/**
 * Screenshots pages of the H5 build (client/dist/h5) in headless Debian Chromium.
 *
 *   npm run build:h5 && npx tsx tools/screenshot-h5.ts [route ...]
 *
 * Each route (default `pages/home/index`) is saved as artifacts/h5-<route with dashes>.png.
 * The build is served from 127.0.0.1 by a tiny static server; any request that would leave this
 * machine (e.g. a UI library's icon font on a CDN) is aborted, so the run is offline and repeatable.
 */
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const repoRoot = resolve(__dirname, '..');
const distDir = join(repoRoot, 'client', 'dist', 'h5');
const artifactsDir = join(repoRoot, 'artifacts');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

function serveStatic(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(root, urlPath));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

async function main(): Promise<void> {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`no H5 build at ${distDir}: run \`npm run build:h5\` first`);
  }
  const routes = process.argv.slice(2);
  if (routes.length === 0) routes.push('pages/home/index');
  mkdirSync(artifactsDir, { recursive: true });

  const server = await serveStatic(distDir);
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
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
    await context.route('**/*', (route) =>
      route.request().url().startsWith(origin) ? route.continue() : route.abort(),
    );
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
    server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
