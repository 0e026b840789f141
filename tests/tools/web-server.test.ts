import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { lanAddress } from '../../tools/public-url';
import { cacheControlFor, chooseEncoding, startWebServer, type WebServer } from '../../tools/web-server';

/** A raw GET (node's http, which never decompresses): status, headers and the bytes as sent. */
function fetchRaw(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((ok, fail) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail);
  });
}

describe('the H5 web server', () => {
  const script = `console.log(${JSON.stringify('平安网格 '.repeat(400))});\n`;
  let root: string;
  let web: WebServer;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'pingan-web-'));
    mkdirSync(join(root, 'js'));
    mkdirSync(join(root, 'local'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><html><body>平安网格</body></html>');
    writeFileSync(join(root, 'js/app.0c3652b9.js'), script);
    writeFileSync(join(root, 'local/regions.geojson'), JSON.stringify({ type: 'FeatureCollection', features: Array(200).fill({ a: 1 }) }));
    writeFileSync(join(root, 'sw.js'), `self.__SHELL__ = {};\n${'//\n'.repeat(600)}`);
    web = await startWebServer({ root, cloudUrl: 'http://127.0.0.1:9', host: '127.0.0.1', port: 0 });
  });

  afterAll(async () => {
    await web.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('sends scripts brotli-compressed to a browser that takes brotli, and the same bytes come back out', async () => {
    const reply = await fetchRaw(`${web.url}/js/app.0c3652b9.js`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(reply.headers['content-encoding']).toBe('br');
    expect(reply.headers.vary).toBe('Accept-Encoding');
    expect(reply.body.length).toBeLessThan(Buffer.byteLength(script) / 4);
    expect(brotliDecompressSync(reply.body).toString()).toBe(script);
  });

  it('sends gzip to a browser without brotli, and plain bytes to one that asks for neither', async () => {
    const gzipped = await fetchRaw(`${web.url}/js/app.0c3652b9.js`, { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).toString()).toBe(script);
    const plain = await fetchRaw(`${web.url}/js/app.0c3652b9.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it('lets the browser keep content-named files for a year, and asks again for index.html, sw.js and the regions', async () => {
    const hashed = await fetchRaw(`${web.url}/js/app.0c3652b9.js`);
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/index.html', '/sw.js', '/local/regions.geojson']) {
      expect((await fetchRaw(`${web.url}${path}`)).headers['cache-control']).toBe('no-cache');
    }
  });

  it('answers a revalidation of an unchanged file with 304', async () => {
    const first = await fetchRaw(`${web.url}/local/regions.geojson`, { 'accept-encoding': 'br' });
    const again = await fetchRaw(`${web.url}/local/regions.geojson`, {
      'accept-encoding': 'br',
      'if-none-match': String(first.headers.etag),
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('answers a missing script with 404, not with index.html', async () => {
    expect((await fetchRaw(`${web.url}/js/app.deadbeef.js`)).status).toBe(404);
    expect((await fetchRaw(`${web.url}/some/page`)).body.toString()).toContain('平安网格');
  });

  it('tells the page the address phones open (its own here, listening on loopback)', async () => {
    const reply = await fetchRaw(`${web.url}/__web/public-url`);
    expect(JSON.parse(reply.body.toString())).toEqual({ url: web.url });
  });
});

describe('chooseEncoding', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('identity')).toBe('identity');
    expect(chooseEncoding(undefined)).toBe('identity');
  });
});

describe('cacheControlFor', () => {
  it('calls a file immutable only when its name carries a content hash', () => {
    expect(cacheControlFor('/css/app.5e8417f6.css')).toContain('immutable');
    expect(cacheControlFor('/js/app.js')).toBe('no-cache');
  });
});

describe('the H5 web server on the LAN (WEB_HOST=0.0.0.0)', () => {
  const lan = lanAddress(networkInterfaces());
  let root: string;
  let web: WebServer;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'pingan-web-lan-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><html><body>平安网格</body></html>');
    web = await startWebServer({
      root,
      cloudUrl: 'http://127.0.0.1:9',
      host: '0.0.0.0',
      port: 0,
      publicUrl: (port) => `http://${lan}:${port}`,
    });
  });

  afterAll(async () => {
    await web.close();
    rmSync(root, { recursive: true, force: true });
  });

  // Needs a network card besides loopback (these machines have one); skipped where there is none.
  (lan ? it : it.skip)('refuses the /__local routes to a phone on the LAN, forwards them for this machine', async () => {
    const port = new URL(web.url).port;
    expect((await fetchRaw(`http://${lan}:${port}/__local/timers`)).status).toBe(403);
    expect((await fetchRaw(`http://127.0.0.1:${port}/__local/timers`)).status).toBe(502); // forwarded; no cloud at :9
    expect((await fetchRaw(`http://${lan}:${port}/`)).body.toString()).toContain('平安网格');
    expect(web.publicUrl).toBe(`http://${lan}:${port}`);
  });
});
