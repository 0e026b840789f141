import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * What a part of the local cloud (database, storage, open API, functions) plugs into the HTTP server:
 * handlers for the SDK's `{action, ...}` POSTs to /admin, and raw routes for everything else
 * (file uploads and downloads, the browser's function calls).
 */
export interface CloudModule {
  name: string;
  actions?: Record<string, ActionHandler>;
  routes?: RawRoute[];
  close?(): Promise<void> | void;
}

/** The context of one /admin request. */
export interface ActionContext {
  envId: string;
  /** Base URL of this server, e.g. http://127.0.0.1:8787, for URLs handed back to the SDK. */
  baseUrl: string;
  headers: IncomingMessage['headers'];
  /** Raw body for actions that are not JSON (wx.openApi arrives as multipart/form-data). */
  rawBody: Buffer;
  contentType: string;
}

/**
 * Returns the `data` of the SDK's `{ data, requestId }` reply, or a CloudReply when the SDK expects
 * something else, or throws a CloudError.
 */
export type ActionHandler = (body: Record<string, unknown>, ctx: ActionContext) => Promise<unknown> | unknown;

export interface RawRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'OPTIONS';
  /** Matched against the URL path (no query string). */
  path: RegExp;
  /**
   * The largest body this route reads; a longer one is answered 413 before `handle` runs and is never
   * held in memory. Unset: the server's `maxBodyBytes` (50 MB by default, sized for file uploads).
   */
  maxBodyBytes?: number;
  /** Answers a body over the limit in this route's own error shape; unset: `{ code: EXCEED_MAX_PAYLOAD_SIZE, message }`. */
  refuseBody?(res: ServerResponse, maxBodyBytes: number): void;
  handle(req: IncomingMessage, res: ServerResponse, match: RegExpMatchArray, body: Buffer): Promise<void> | void;
}

/**
 * An error the SDK understands: `code` is CloudBase's error code string (e.g.
 * DATABASE_COLLECTION_NOT_EXIST), sent as `{ code, message, requestId }`.
 */
export class CloudError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus = 200,
  ) {
    super(message);
    this.name = 'CloudError';
  }
}

/**
 * A reply that is not `{ data, requestId }`: wx.openApi, for one, answers raw protobuf bytes, which the
 * SDK tells from an error by the content type.
 */
export class CloudReply {
  private constructor(
    readonly body: Buffer,
    readonly contentType: string,
  ) {}

  /** Sends `body` as it is, with status 200. */
  static bytes(body: Buffer, contentType: string): CloudReply {
    return new CloudReply(body, contentType);
  }
}
