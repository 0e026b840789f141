import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** How long a close waits for the requests being answered before it cuts the connections still open. */
export const CLOSE_GRACE_MS = 10_000;

/**
 * Returns a close for the server that resets no request it took. Destroying every connection at once
 * (`closeAllConnections`) cut the requests being answered: their clients got "socket hang up" or "read
 * ECONNRESET" (seen after a test timed out and its last requests were still running at `afterAll`).
 * Instead the server answers what it took with `connection: close`, lets requests already on their way
 * over idle keep-alive connections arrive, then stops accepting and drops the connections left idle,
 * and cuts what is left only after `graceMs`. A client that asks later is refused (ECONNREFUSED, which the
 * SDK retries), as it would be by a cloud that is not there. What no HTTP/1.1 server can prevent remains:
 * a request sent on an idle connection at the very moment it is dropped is reset.
 */
export function gracefulClose(server: Server, graceMs = CLOSE_GRACE_MS): () => Promise<void> {
  const answering = new Set<ServerResponse>();
  let closing = false;
  server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
    if (closing) res.setHeader('connection', 'close');
    answering.add(res);
    res.on('close', () => answering.delete(res));
    // A response whose headers went out before the close kept its connection: drop it once it is idle.
    res.on('finish', () => closing && server.closeIdleConnections());
  });
  return async () => {
    closing = true;
    for (const res of answering) if (!res.headersSent) res.setHeader('connection', 'close');
    await afterNextPoll();
    await new Promise<void>((resolve) => {
      const cut = setTimeout(() => server.closeAllConnections(), graceMs);
      server.close(() => {
        clearTimeout(cut);
        resolve();
      });
    });
  };
}

/**
 * Resolves once the event loop has polled for I/O again. A request a client wrote on an idle connection
 * before the close (an in-process client: in the same turn) is read by then, and its connection is no
 * longer idle when `server.close()` drops the idle ones; dropping it unread would reset it.
 */
function afterNextPoll(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}
