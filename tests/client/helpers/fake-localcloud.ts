import { Blob as NodeBlob } from 'node:buffer';

/**
 * A scripted local cloud behind `fetch` and `XMLHttpRequest`, as the browser build's transport sees it:
 * POST /functions/<name> answers `{ result: <envelope> }` from a handler per function; POST
 * /storage/upload (an XHR, for its progress) answers a fileID; /storage/temp-urls a URL for each file
 * uploaded; any other URL (a picked photo's blob URL) answers some bytes. Every call is recorded.
 */
export type Handler = (request: Record<string, unknown>) => unknown | Promise<unknown>;

export interface FakeCloud {
  fetch: jest.Mock;
  /** The requests each function received, in order. */
  calls: Record<string, Record<string, unknown>[]>;
  uploads: string[];
  /** Holds every upload after its first progress event until `release()` (to see it mid-way). */
  holdUploads(): { release(): void };
  /** Makes the next `count` requests fail as a lost network would (fetch rejects). */
  dropNext(count?: number): void;
  /** Fails every request to the cloud (functions and storage) until `goOnline`; the device's own blob URLs still read. */
  goOffline(): void;
  goOnline(): void;
}

export function ok<T>(data: T) {
  return { ok: true, data };
}

export function fail(code: string, message = code) {
  return { ok: false, code, message };
}

function json(status: number, body: unknown) {
  // Node's Blob: jsdom's has no arrayBuffer(), which the browser build's photo store reads.
  return { ok: status < 400, status, text: async () => JSON.stringify(body), blob: async () => new NodeBlob(['x']) };
}

type ProgressListener = ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null;

/** XMLHttpRequest as the upload uses it, answered by the same scripted fetch. */
function fakeXhrClass(fetchMock: jest.Mock, held: () => Promise<void> | undefined) {
  return class FakeXMLHttpRequest {
    status = 0;
    responseText = '';
    upload: { onprogress: ProgressListener } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    private url = '';
    private method = 'GET';
    private aborted = false;
    private readonly headers: Record<string, string> = {};
    open(method: string, url: string) {
      this.method = method;
      this.url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.headers[name] = value;
    }
    abort() {
      if (this.aborted) return;
      this.aborted = true;
      this.onabort?.();
    }
    send(body: unknown) {
      void (async () => {
        this.upload.onprogress?.({ lengthComputable: true, loaded: 1, total: 4 });
        await held();
        if (this.aborted) return;
        try {
          const res = (await fetchMock(this.url, { method: this.method, body, headers: this.headers })) as ReturnType<typeof json>;
          if (this.aborted) return;
          this.upload.onprogress?.({ lengthComputable: true, loaded: 4, total: 4 });
          this.status = res.status;
          this.responseText = await res.text();
          this.onload?.();
        } catch {
          if (!this.aborted) this.onerror?.();
        }
      })();
    }
  };
}

export function installFakeLocalcloud(handlers: Record<string, Handler>): FakeCloud {
  const calls: Record<string, Record<string, unknown>[]> = {};
  const uploads: string[] = [];
  let drops = 0;
  let offline = false;
  const fetchMock = jest.fn(async (url: string, init?: { method?: string; body?: unknown }) => {
    if (drops > 0) {
      drops--;
      throw new TypeError('Failed to fetch');
    }
    if (offline && /\/(functions|storage)\//.test(url)) throw new TypeError('Failed to fetch');
    const fn = /\/functions\/([^/?]+)$/.exec(url)?.[1];
    if (fn) {
      const request = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
      (calls[fn] ??= []).push(request);
      const handler = handlers[fn];
      if (!handler) return json(404, { code: 'FUNCTION_NOT_FOUND' });
      return json(200, { result: await handler(request) });
    }
    if (/\/storage\/temp-urls$/.test(url)) {
      const { fileList } = JSON.parse(String(init?.body ?? '{}')) as { fileList: string[] };
      const prefix = 'cloud://test-env.7465-test-env-1250000000/';
      const fileListOut = fileList.map((fileID) =>
        uploads.includes(fileID.slice(prefix.length))
          ? { fileID, tempFileURL: `http://127.0.0.1:1/storage/file/${fileID.slice(prefix.length)}?sign=t`, status: 0 }
          : { fileID, tempFileURL: '', status: -503003 },
      );
      return json(200, { fileList: fileListOut });
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
  let hold: Promise<void> | undefined;
  global.XMLHttpRequest = fakeXhrClass(fetchMock, () => hold) as unknown as typeof XMLHttpRequest;
  return {
    fetch: fetchMock,
    calls,
    uploads,
    holdUploads() {
      let release = () => {};
      hold = new Promise((resolve) => (release = resolve));
      return {
        release() {
          hold = undefined;
          release();
        },
      };
    },
    dropNext(count = 1) {
      drops = count;
    },
    goOffline() {
      offline = true;
    },
    goOnline() {
      offline = false;
    },
  };
}
