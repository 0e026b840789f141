import { runInNewContext } from 'node:vm';
import { serviceWorkerSource, withPreloads, type BuiltFile } from '../../client/config/offline-shell';

const SCOPE = 'http://phone.test/';

/** A CacheStorage of Maps keyed by URL, enough for the worker: open, keys, delete, match, put, addAll. */
function fakeCaches(fetchFn: (url: string) => Promise<Response>) {
  const stores = new Map<string, Map<string, Response>>();
  const open = async (name: string) => {
    const store = stores.get(name) ?? new Map<string, Response>();
    stores.set(name, store);
    const key = (request: string | Request) => (typeof request === 'string' ? request : request.url);
    return {
      match: async (request: string | Request) => store.get(key(request))?.clone(),
      put: async (request: string | Request, response: Response) => void store.set(key(request), response),
      addAll: async (urls: string[]) => {
        for (const url of urls) store.set(url, await fetchFn(url));
      },
    };
  };
  return { stores, api: { open, keys: async () => [...stores.keys()], delete: async (name: string) => stores.delete(name) } };
}

type Handler = (event: { request?: Request; waitUntil(p: Promise<unknown>): void; respondWith(p: Promise<Response>): void }) => void;

/** Loads one build's sw.js in a sandbox with its own caches and network; returns how to drive it. */
function loadWorker(source: string, caches: ReturnType<typeof fakeCaches>, network: { online: boolean; fetched: string[] }) {
  const handlers: Record<string, Handler> = {};
  const self = {
    registration: { scope: SCOPE },
    location: { origin: 'http://phone.test' },
    addEventListener: (type: string, handler: Handler) => (handlers[type] = handler),
    skipWaiting: async () => undefined,
    clients: { claim: async () => undefined },
  };
  runInNewContext(source, { self, caches: caches.api, fetch: fetchFn(network), Response, URL, Promise });
  const lifecycle = async (type: 'install' | 'activate') => {
    let done: Promise<unknown> = Promise.resolve();
    handlers[type]?.({ waitUntil: (p) => (done = p), respondWith: () => undefined });
    await done;
  };
  const request = async (url: string, mode: 'navigate' | 'no-cors' = 'no-cors'): Promise<Response | undefined> => {
    let answer: Promise<Response> | undefined;
    const req = new Request(url);
    Object.defineProperty(req, 'mode', { value: mode });
    handlers.fetch?.({ request: req, waitUntil: () => undefined, respondWith: (p) => (answer = p) });
    return answer;
  };
  return { lifecycle, request };
}

function fetchFn(network: { online: boolean; fetched: string[] }) {
  return async (input: string | Request): Promise<Response> => {
    const url = typeof input === 'string' ? input : input.url;
    network.fetched.push(url);
    if (!network.online) throw new TypeError('Failed to fetch');
    const body = url.endsWith('/') ? '<!doctype html><html lang="zh-CN"><body>app</body></html>' : `/* ${url} */`;
    return new Response(body, { headers: { 'content-type': url.endsWith('/') ? 'text/html' : 'text/javascript' } });
  };
}

const BUILD_A: BuiltFile[] = [
  { name: 'index.html', text: '<html>a</html>' },
  { name: 'js/app.0c3652b9.js' },
  { name: 'js/1390.8bbab291.js' },
];
const versionOf = (source: string) => /"version":"([0-9a-f]+)"/.exec(source)?.[1];

describe('the offline shell', () => {
  it('gives the same build the same version, and any changed file or index.html a new one', () => {
    const a = serviceWorkerSource(BUILD_A, ['js/app.0c3652b9.js']);
    expect(versionOf(serviceWorkerSource([...BUILD_A].reverse(), ['js/app.0c3652b9.js']))).toBe(versionOf(a));
    const newCode = BUILD_A.map((f) => (f.name === 'js/app.0c3652b9.js' ? { name: 'js/app.77aa0011.js' } : f));
    expect(versionOf(serviceWorkerSource(newCode, []))).not.toBe(versionOf(a));
    const newHtml = BUILD_A.map((f) => (f.name === 'index.html' ? { name: f.name, text: '<html>b</html>' } : f));
    expect(versionOf(serviceWorkerSource(newHtml, []))).not.toBe(versionOf(a));
  });

  it('keeps the shell on install and serves it, marked offline, when the network is gone', async () => {
    const network = { online: true, fetched: [] as string[] };
    const caches = fakeCaches(fetchFn(network));
    const worker = loadWorker(serviceWorkerSource(BUILD_A, ['js/app.0c3652b9.js']), caches, network);
    await worker.lifecycle('install');
    await worker.lifecycle('activate');
    network.online = false;
    const page = await worker.request(SCOPE, 'navigate');
    expect(await page?.text()).toContain('<html data-offline-shell lang="zh-CN">');
    const script = await worker.request(`${SCOPE}js/app.0c3652b9.js`);
    expect(await script?.text()).toBe(`/* ${SCOPE}js/app.0c3652b9.js */`);
  });

  it('answers an offline load with nothing kept with the Chinese message, never a network error', async () => {
    const network = { online: false, fetched: [] as string[] };
    const worker = loadWorker(serviceWorkerSource(BUILD_A, []), fakeCaches(fetchFn(network)), network);
    const page = await worker.request(`${SCOPE}?from=qr`, 'navigate');
    expect(page?.status).toBe(503);
    expect(await page?.text()).toContain('网络未连接，请检查网络后重试');
  });

  it('asks the network first for the page, so an online visit after a deploy gets the new index.html', async () => {
    const network = { online: true, fetched: [] as string[] };
    const worker = loadWorker(serviceWorkerSource(BUILD_A, []), fakeCaches(fetchFn(network)), network);
    await worker.lifecycle('install');
    network.fetched.length = 0;
    await worker.request(SCOPE, 'navigate');
    expect(network.fetched).toEqual([SCOPE]);
  });

  it('drops the caches of other builds when a new version activates', async () => {
    const network = { online: true, fetched: [] as string[] };
    const caches = fakeCaches(fetchFn(network));
    const old = loadWorker(serviceWorkerSource(BUILD_A, ['js/app.0c3652b9.js']), caches, network);
    await old.lifecycle('install');
    await old.lifecycle('activate');
    const next = serviceWorkerSource([...BUILD_A, { name: 'js/9999.abcdef12.js' }], []);
    const worker = loadWorker(next, caches, network);
    await worker.lifecycle('install');
    await worker.lifecycle('activate');
    expect([...caches.stores.keys()]).toEqual([`pingan-shell-${versionOf(next)}`]);
  });

  it('leaves function calls, storage and other files to the network', async () => {
    const network = { online: true, fetched: [] as string[] };
    const worker = loadWorker(serviceWorkerSource(BUILD_A, []), fakeCaches(fetchFn(network)), network);
    expect(await worker.request(`${SCOPE}functions/me`)).toBeUndefined();
    expect(await worker.request(`${SCOPE}local/regions.geojson`)).toBeUndefined();
    expect(await worker.request('http://elsewhere.test/js/app.0c3652b9.js')).toBeUndefined();
  });
});

describe('withPreloads', () => {
  const html = '<html><head><script defer="defer" src="./js/app.0c3652b9.js"></script></head><body></body></html>';

  it('preloads the start page scripts and styles once each, not what index.html loads already', () => {
    const out = withPreloads(html, ['js/7328.b859b1b4.js', 'css/7328.d373aa2c.css', 'js/7328.b859b1b4.js', 'js/app.0c3652b9.js']);
    expect(out).toContain(
      '<link rel="preload" href="./js/7328.b859b1b4.js" as="script"><link rel="preload" href="./css/7328.d373aa2c.css" as="style"></head>',
    );
    expect(out.match(/rel="preload"/g)).toHaveLength(2);
  });

  it('leaves index.html alone when the start page has no chunks of its own', () => {
    expect(withPreloads(html, [])).toBe(html);
  });
});

describe('OfflineShellPlugin in a webpack build', () => {
  it('emits sw.js with the build version and preloads the start page chunks into index.html', async () => {
    const { mkdtempSync, writeFileSync, readFileSync, mkdirSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const webpack = (await import('webpack')).default;
    const HtmlWebpackPlugin = (await import('html-webpack-plugin')).default;
    const { OfflineShellPlugin } = await import('../../client/config/offline-shell');
    const dir = mkdtempSync(join(tmpdir(), 'pingan-shell-build-'));
    try {
      mkdirSync(join(dir, 'src/pages/home'), { recursive: true });
      writeFileSync(join(dir, 'src/app.js'), "import('./pages/home/index.tsx').then((page) => page.show())\n");
      // Two ES modules, which production concatenates into one module without a resource of its own, as Taro's pages are.
      writeFileSync(join(dir, 'src/pages/home/card.js'), 'export function card() { return "home" }\n');
      writeFileSync(join(dir, 'src/pages/home/index.tsx'), 'import { card } from "./card.js"\nexport function show() { return card() }\n');
      writeFileSync(join(dir, 'src/index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
      const compiler = webpack({
        mode: 'production',
        context: dir,
        entry: { app: './src/app.js' },
        output: {
          path: join(dir, 'dist'),
          filename: 'js/[name].[contenthash:8].js',
          chunkFilename: 'js/[name].[contenthash:8].js',
          publicPath: './',
        },
        plugins: [
          new HtmlWebpackPlugin({ template: './src/index.html' }),
          new OfflineShellPlugin(/[\\/]src[\\/]pages[\\/]home[\\/]index\.tsx/),
        ],
      });
      await new Promise<void>((ok, fail) =>
        compiler.run((error, stats) => (error || stats?.hasErrors() ? fail(error ?? stats?.toString()) : ok())),
      );
      const html = readFileSync(join(dir, 'dist/index.html'), 'utf8');
      const sw = readFileSync(join(dir, 'dist/sw.js'), 'utf8');
      const preloaded = /<link rel="preload" href="\.\/(js\/[^"]+\.js)" as="script">/.exec(html)?.[1];
      expect(preloaded).toBeDefined();
      expect(readFileSync(join(dir, 'dist', preloaded ?? ''), 'utf8')).toContain('home');
      // Terser minifies it with the rest (`version:"…"`): the version and the start page's file are in it.
      expect(sw).toMatch(/self\.__SHELL__ ?= ?\{"?version"?: ?"[0-9a-f]{12}"/);
      expect(sw).toContain(`"./${preloaded}"`);
      expect(sw).toContain('网络未连接，请检查网络后重试');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
