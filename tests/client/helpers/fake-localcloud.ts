/**
 * A scripted local cloud behind `fetch`, as the browser build's transport sees it: POST /functions/<name>
 * answers `{ result: <envelope> }` from a handler per function; POST /storage/upload answers a fileID;
 * any other URL (a picked photo's blob URL) answers some bytes. Every call is recorded.
 */
export type Handler = (request: Record<string, unknown>) => unknown | Promise<unknown>;

export interface FakeCloud {
  fetch: jest.Mock;
  /** The requests each function received, in order. */
  calls: Record<string, Record<string, unknown>[]>;
  uploads: string[];
  /** Makes the next `count` requests fail as a lost network would (fetch rejects). */
  dropNext(count?: number): void;
}

export function ok<T>(data: T) {
  return { ok: true, data };
}

export function fail(code: string, message = code) {
  return { ok: false, code, message };
}

function json(status: number, body: unknown) {
  return { ok: status < 400, status, text: async () => JSON.stringify(body), blob: async () => new Blob(['x']) };
}

export function installFakeLocalcloud(handlers: Record<string, Handler>): FakeCloud {
  const calls: Record<string, Record<string, unknown>[]> = {};
  const uploads: string[] = [];
  let drops = 0;
  const fetchMock = jest.fn(async (url: string, init?: { method?: string; body?: unknown }) => {
    if (drops > 0) {
      drops--;
      throw new TypeError('Failed to fetch');
    }
    const fn = /\/functions\/([^/?]+)$/.exec(url)?.[1];
    if (fn) {
      const request = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
      (calls[fn] ??= []).push(request);
      const handler = handlers[fn];
      if (!handler) return json(404, { code: 'FUNCTION_NOT_FOUND' });
      return json(200, { result: await handler(request) });
    }
    const upload = /\/storage\/upload\?cloudPath=(.+)$/.exec(url)?.[1];
    if (upload) {
      const cloudPath = decodeURIComponent(upload);
      uploads.push(cloudPath);
      return json(200, { fileID: `cloud://test-env.7465-test-env-1250000000/${cloudPath}` });
    }
    return json(200, {});
  });
  global.fetch = fetchMock as unknown as typeof fetch;
  return {
    fetch: fetchMock,
    calls,
    uploads,
    dropNext(count = 1) {
      drops = count;
    },
  };
}
