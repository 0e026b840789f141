import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { CloudError, CloudReply, type ActionContext, type ActionHandler, type CloudModule, type RawRoute } from './module';
import { gracefulClose } from './graceful-close';
import { allowCors, BodyTooLargeError, readBody, sendJson } from './http-util';

export interface HttpServerOptions {
  host: string;
  port: number;
  envId: string;
  modules: CloudModule[];
  /**
   * The largest request body read for /admin and for routes that set no limit of their own; longer ones
   * are answered 413 EXCEED_MAX_PAYLOAD_SIZE unread. Default 50 MB: file uploads are the largest bodies.
   */
  maxBodyBytes?: number;
  /** Called once per unexpected error (a bug, not an expected CloudError). */
  log?: (message: string) => void;
}

export interface RunningServer {
  server: Server;
  url: string;
  port: number;
  /** Stops taking connections and answers the requests it took before it ends (`gracefulClose`). */
  close(): Promise<void>;
}

export const DEFAULT_MAX_BODY_BYTES = 50 * 1024 * 1024;

/**
 * How long an idle keep-alive connection is kept. Node's default (5 s, closed at 6 s) is about as long as
 * the clients keep one (Node's agent: 5 s, or 1 s less than the Keep-Alive hint; the SDK's own agent:
 * 4.8 s), so a client whose event loop stalled a few seconds (a busy machine, a long synchronous step)
 * sends its next request on a socket this server has just closed, and the SDK reports ECONNRESET without
 * retrying. A cloud gateway keeps idle connections far longer than its clients do; so does this server:
 * the client closes first, unless its loop stalls for a minute.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** Starts the HTTP face of the local cloud: /admin for the SDK's actions, plus the modules' raw routes. */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const actions = collectActions(options.modules);
  const routes = options.modules.flatMap((m) => m.routes ?? []);
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let baseUrl = '';

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`[localcloud] ${req.method} ${req.url}: ${error instanceof Error ? error.stack : String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { code: 'INTERNAL_SERVER_ERROR', message: String(error) });
      else res.end();
    });
  });
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  const close = gracefulClose(server);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    allowCors(req, res);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return;
    }
    if (req.method === 'GET' && path === '/healthz') {
      sendJson(res, 200, { ok: true, envId: options.envId });
      return;
    }
    if (req.method === 'POST' && path.startsWith('/admin')) {
      // As CloudError replies are: status 200 with the code, which the SDK then rejects with.
      const body = await readBounded(req, res, maxBodyBytes, (reply, limit) =>
        sendJson(reply, 200, { code: 'EXCEED_MAX_PAYLOAD_SIZE', message: `request body over ${limit} bytes`, requestId: randomUUID() }),
      );
      if (body) await handleAction(req, res, body);
      return;
    }
    const route = findRoute(routes, req.method ?? 'GET', path);
    if (!route) {
      sendJson(res, 404, { code: 'NOT_FOUND', message: `no route for ${req.method} ${path}` });
      return;
    }
    const body = await readBounded(req, res, route.route.maxBodyBytes ?? maxBodyBytes, route.route.refuseBody);
    if (body) await route.route.handle(req, res, route.match, body);
  }

  /** The body, or undefined once a body over `limit` has been refused (413, or `refuse`); the connection then closes. */
  async function readBounded(
    req: IncomingMessage,
    res: ServerResponse,
    limit: number,
    refuse?: RawRoute['refuseBody'],
  ): Promise<Buffer | undefined> {
    try {
      return await readBody(req, limit);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      res.setHeader('connection', 'close');
      if (refuse) refuse(res, limit);
      else sendJson(res, 413, { code: 'EXCEED_MAX_PAYLOAD_SIZE', message: error.message, requestId: randomUUID() });
      return undefined;
    }
  }

  async function handleAction(req: IncomingMessage, res: ServerResponse, rawBody: Buffer): Promise<void> {
    const requestId = randomUUID();
    const contentType = String(req.headers['content-type'] ?? '');
    const ctx: ActionContext = { envId: options.envId, baseUrl, headers: req.headers, rawBody, contentType };
    let body: Record<string, unknown> = {};
    try {
      body = parseActionBody(rawBody, contentType);
      const action = String(body.action ?? '');
      const handler = actions.get(action);
      if (!handler) throw new CloudError('INVALID_ACTION', `local cloud does not support action "${action}"`);
      const data = await handler(body, ctx);
      if (data instanceof CloudReply) sendBytes(res, data);
      else sendJson(res, 200, { data: data ?? {}, requestId });
    } catch (error) {
      if (error instanceof CloudError) {
        sendJson(res, error.httpStatus, { code: error.code, message: error.message, requestId });
        return;
      }
      log(`[localcloud] action ${String(body.action)}: ${error instanceof Error ? error.stack : String(error)}`);
      sendJson(res, 200, { code: 'SYS_ERR', message: error instanceof Error ? error.message : String(error), requestId });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${options.host}:${port}`;
  return {
    server,
    url: baseUrl,
    port,
    close,
  };
}

function sendBytes(res: ServerResponse, reply: CloudReply): void {
  res.writeHead(200, { 'content-type': reply.contentType, 'content-length': reply.body.length });
  res.end(reply.body);
}

function collectActions(modules: CloudModule[]): Map<string, ActionHandler> {
  const actions = new Map<string, ActionHandler>();
  for (const m of modules) {
    for (const [name, handler] of Object.entries(m.actions ?? {})) {
      if (actions.has(name)) throw new Error(`action ${name} is registered twice (by ${m.name})`);
      actions.set(name, handler);
    }
  }
  return actions;
}

function findRoute(routes: RawRoute[], method: string, path: string) {
  for (const route of routes) {
    if (route.method !== method) continue;
    const match = path.match(route.path);
    if (match) return { route, match };
  }
  return undefined;
}

/** JSON for most actions; multipart/form-data (wx.openApi) is left to its module, which reads ctx.rawBody. */
function parseActionBody(raw: Buffer, contentType: string): Record<string, unknown> {
  if (contentType.startsWith('multipart/form-data')) return { action: multipartField(raw, contentType, 'action') };
  if (raw.length === 0) return {};
  const parsed: unknown = JSON.parse(raw.toString('utf8'));
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new CloudError('INVALID_PARAM', 'body must be an object');
  return parsed as Record<string, unknown>;
}

/** Reads one text field of a multipart/form-data body. */
export function multipartField(raw: Buffer, contentType: string, name: string): string | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return undefined;
  const text = raw.toString('latin1');
  for (const part of text.split(`--${marker}`)) {
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) continue;
    const headers = part.slice(0, headerEnd);
    if (!new RegExp(`name="${name}"`).test(headers)) continue;
    const value = part.slice(headerEnd + 4).replace(/\r\n$/, '');
    return Buffer.from(value, 'latin1').toString('utf8');
  }
  return undefined;
}
