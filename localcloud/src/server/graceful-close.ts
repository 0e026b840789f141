import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** How long a close waits for the requests being answered before it cuts the connections still open. */
export const CLOSE_GRACE_MS = 10_000;

/**
 * Returns a close for the server that resets no request it took. Destroying every connection at once
 * (`closeAllConnections`) cut the requests being answered: their clients got "socket hang up" or "read
 * ECONNRESET" (seen after a test timed out and its last requests were still running at `afterAll`).
 * Instead the server stops accepting, drops only idle connections, answers what it took with
 * `connection: close`, and cuts what is left only after `graceMs`. A client that asks later is refused
 * (ECONNREFUSED, which the SDK retries), as it would be by a cloud that is not there.
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
  return () =>
    new Promise<void>((resolve) => {
      closing = true;
      for (const res of answering) if (!res.headersSent) res.setHeader('connection', 'close');
      const cut = setTimeout(() => server.closeAllConnections(), graceMs);
      server.close(() => {
        clearTimeout(cut);
        resolve();
      });
      server.closeIdleConnections();
    });
}
