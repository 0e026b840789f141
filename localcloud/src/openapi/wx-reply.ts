import { randomBytes } from 'node:crypto';

/** What a WeChat API answers: a JSON body (errcode/errmsg and fields), or bytes such as an image. */
export type WxReply = { kind: 'json'; body: Record<string, unknown> } | { kind: 'bytes'; body: Buffer; contentType: string };

/** One open API's stand-in: snake-case parameters in, WeChat's answer out. */
export type OpenApiHandler = (params: Record<string, unknown>) => WxReply | Promise<WxReply>;

export function wxOk(fields: Record<string, unknown> = {}): WxReply {
  return { kind: 'json', body: { errcode: 0, errmsg: 'ok', ...fields } };
}

/** WeChat's error answer; its errmsg ends with a request id (`rid: ...`), as the real ones do. */
export function wxError(errcode: number, errmsg: string): WxReply {
  return { kind: 'json', body: { errcode, errmsg: `${errmsg} rid: ${wxTraceId()}` } };
}

/** An id shaped like WeChat's trace_id and rid: three groups of 8 hex digits, the first the time. */
export function wxTraceId(): string {
  const seconds = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0');
  return `${seconds}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`;
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}
