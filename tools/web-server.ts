/**
 * Serves the H5 build and forwards the local cloud's browser routes (/auth, /functions, /storage, /__local)
 * to it, so the page and its API share one origin: no CORS, and a phone on the same network can open it.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const FORWARDED = /^\/(auth|functions|storage|__local|healthz)(\/|$|\?)/;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export interface WebServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function startWebServer(options: { root: string; cloudUrl: string; host: string; port: number }): Promise<WebServer> {
  const root = resolve(options.root);
  const cloud = new URL(options.cloudUrl);
  const server = createServer((req, res) => {
    if (FORWARDED.test(req.url ?? '')) forward(req, res, cloud);
    else serveFile(root, req, res);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host, () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${options.host}:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
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

function serveFile(root: string, req: IncomingMessage, res: ServerResponse): void {
  const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
  let file = normalize(join(root, path));
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('H5 build missing: run `npm run build:h5`');
    return;
  }
  // index.html must never be cached, or a rebuilt app keeps loading old hashed bundles.
  const cache = file.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable';
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache });
  createReadStream(file).pipe(res);
}
