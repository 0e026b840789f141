/**
 * Serves the H5 build and forwards the local cloud's browser routes (/auth, /functions, /storage, /__local)
 * to it, so the page and its API share one origin: no CORS, and a phone on the same network can open it.
 * Files go out compressed (brotli, else gzip; compressed once per file version and kept in memory) with
 * cache headers a slow phone network needs: hashed assets immutable, everything else revalidated.
 */
import { existsSync, readFile, statSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const FORWARDED = /^\/(auth|functions|storage|__local|healthz)(\/|$|\?)/;
/** Debugging routes (sent messages, timers, call stats): for this machine's tests and curl, never for the LAN. */
const LOOPBACK_ONLY = /^\/__local(\/|$|\?)/;
/** The address a phone should open, for the QR codes (grid-codes page); answered here, not by the cloud. */
const PUBLIC_URL_ROUTE = '/__web/public-url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wav': 'audio/wav',
};
/** Text worth compressing; images, fonts and sound are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.geojson', '.txt', '.svg', '.ttf']);
const MIN_COMPRESSED_BYTES = 1024;

export type Encoding = 'br' | 'gzip' | 'identity';

/** Brotli when the browser takes it (every current one over HTTP here), else gzip, else the bytes as they are. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  const offered = (acceptEncoding ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, q]) => !/^\s*q=0(\.0*)?\s*$/.test(q ?? ''))
    .map(([name]) => (name ?? '').trim().toLowerCase());
  if (offered.includes('br')) return 'br';
  if (offered.includes('gzip') || offered.includes('*')) return 'gzip';
  return 'identity';
}

/**
 * A file's Cache-Control. Webpack names its output by content (`app.0c3652b9.js`): such a file never
 * changes, so the browser keeps it a year without asking. Everything else (index.html, the service
 * worker, the regions file) is asked about on every use, or a rebuilt app would keep old code.
 */
export function cacheControlFor(relativePath: string): string {
  const hashed = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i.test(relativePath);
  return hashed ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export interface WebServer {
  server: Server;
  /** Where this machine opens it. */
  url: string;
  /** Where a phone opens it (the QR codes' address). */
  publicUrl: string;
  close(): Promise<void>;
}

export interface WebServerOptions {
  root: string;
  cloudUrl: string;
  host: string;
  port: number;
  /** Compress text files (default: true). Off only to measure the uncompressed build (bench/h5-slow-network). */
  compress?: boolean;
  /** The address phones should open (QR codes), given the port listened on; unset: this server's own url. */
  publicUrl?: (port: number) => string;
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const root = resolve(options.root);
  const cloud = new URL(options.cloudUrl);
  const files = new FileCache(options.compress ?? true);
  const addresses = { public: '' }; // known once listening
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (LOOPBACK_ONLY.test(path) && !isLoopback(req.socket.remoteAddress)) {
      res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'LOCAL.LOOPBACK_ONLY' }));
    } else if (path === PUBLIC_URL_ROUTE) {
      res
        .writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache' })
        .end(JSON.stringify({ url: addresses.public }));
    } else if (FORWARDED.test(path)) forward(req, res, cloud);
    else serveFile(root, files, req, res);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host, () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const everywhere = options.host === '0.0.0.0' || options.host === '::';
  const url = `http://${everywhere ? '127.0.0.1' : options.host}:${port}`;
  addresses.public = options.publicUrl?.(port) ?? url;
  return {
    server,
    url,
    publicUrl: addresses.public,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

function forward(req: IncomingMessage, res: ServerResponse, cloud: URL): void {
  const upstream = request(
    { host: cloud.hostname, port: cloud.port, path: req.url, method: req.method, headers: { ...req.headers, host: cloud.host } },
    (reply) => {
      res.writeHead(reply.statusCode ?? 502, reply.headers);
      reply.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code: 'LOCALCLOUD.UNREACHABLE', message: 'the local cloud is not running' }));
  });
  req.pipe(upstream);
}

function serveFile(root: string, files: FileCache, req: IncomingMessage, res: ServerResponse): void {
  const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
  let file = normalize(join(root, path));
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  if (!existsSync(file) || statSync(file).isDirectory()) {
    // A missing script or stylesheet is a 404 (an old hashed name after a rebuild), never index.html as JavaScript.
    if (extname(path) !== '' && extname(path) !== '.html') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    file = join(root, 'index.html');
  }
  if (!existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('H5 build missing: run `npm run build:h5`');
    return;
  }
  const encoding = chooseEncoding(req.headers['accept-encoding']);
  files.get(file, encoding).then(
    ({ body, encoding: sent, etag }) => {
      const headers: Record<string, string | number> = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': cacheControlFor(file.slice(root.length)),
        etag,
        vary: 'Accept-Encoding',
      };
      if (sent !== 'identity') headers['content-encoding'] = sent;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
      headers['content-length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    },
    () => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('could not read the file');
    },
  );
}

const readBytes = promisify(readFile);
const brotli = promisify(brotliCompress);
const gzipBytes = promisify(gzip);

/** Each file's bytes and compressed forms, made once per version of the file (its size and mtime). */
class FileCache {
  private entries = new Map<string, { version: string; forms: Map<Encoding, Promise<Buffer>> }>();

  constructor(private readonly compress: boolean) {}

  async get(file: string, wanted: Encoding): Promise<{ body: Buffer; encoding: Encoding; etag: string }> {
    const stat = statSync(file);
    const version = `${stat.size.toString(36)}-${Math.round(stat.mtimeMs).toString(36)}`;
    let entry = this.entries.get(file);
    if (!entry || entry.version !== version) {
      entry = { version, forms: new Map([['identity', readBytes(file)]]) };
      this.entries.set(file, entry);
    }
    const compressible = this.compress && COMPRESSIBLE.has(extname(file)) && stat.size >= MIN_COMPRESSED_BYTES;
    const encoding = compressible ? wanted : 'identity';
    let form = entry.forms.get(encoding);
    if (!form) {
      const raw = entry.forms.get('identity') as Promise<Buffer>;
      form =
        encoding === 'br'
          ? raw.then((bytes) =>
              brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
            )
          : raw.then((bytes) => gzipBytes(bytes, { level: 9 }));
      entry.forms.set(encoding, form);
    }
    return { body: await form, encoding, etag: `"${version}-${encoding}"` };
  }
}
