import { join } from 'node:path';
import { CloudError, CloudReply, type ActionContext, type CloudModule } from '../server/module';
import { sendJson } from '../server/http-util';
import { createJsonlLog } from './jsonl-log';
import { parseMultipart } from './multipart';
import { mediaCheckAsync, msgSecCheck, type MediaCheckRecord } from './sec-check';
import { loadSecCheckRules } from './sec-check-rules';
import { createSubscribeConsents, sendSubscribeMessage, type SentSubscribeMessage, type SubscribeConsentMode } from './subscribe-message';
import { decodeOpenApiRequest, encodeOpenApiReply } from './wire';
import { wxError, type OpenApiHandler, type WxReply } from './wx-reply';
import { getUnlimited } from './wxacode';

export interface OpenApiOptions {
  dir: string;
  /** JSON `{ "risky": [words], "review": [words] }` for security.msgSecCheck; unset: a built-in pair of test words. */
  secCheckFile?: string;
  /** `required`: a subscribe message needs a consent granted first (grantSubscribeConsent), else 43101; unset: `assumed`. */
  subscribeConsent?: SubscribeConsentMode;
}

export interface OpenApiModule extends CloudModule {
  /** Every subscribeMessage.send so far, oldest first (also at GET /__local/subscribe-messages). */
  sentMessages(): SentSubscribeMessage[];
  /** Every security.mediaCheckAsync so far, with its verdict (also at GET /__local/media-checks). */
  mediaChecks(): MediaCheckRecord[];
  /**
   * Records a person's one-time consent to each template, as their 允许 in wx.requestSubscribeMessage does;
   * each is used by one send. Matters only when consent is `required`.
   */
  grantSubscribeConsent(touser: string, templateIds: readonly string[]): void;
}

export type { SentSubscribeMessage, MediaCheckRecord, SubscribeConsentMode };

/** wx-server-sdk's `cloud.openapi.*` (action wx.openApi): stand-ins for the WeChat APIs this kind of app uses. */
export function createOpenApiModule(options: OpenApiOptions): OpenApiModule {
  const rules = loadSecCheckRules(options.secCheckFile);
  const messages = createJsonlLog<SentSubscribeMessage>(join(options.dir, 'subscribe-messages.jsonl'));
  const mediaChecks = createJsonlLog<MediaCheckRecord>(join(options.dir, 'media-checks.jsonl'));
  const consents = createSubscribeConsents(options.subscribeConsent ?? 'assumed');
  const handlers = new Map<string, OpenApiHandler>([
    ['security.msgSecCheck', msgSecCheck(rules)],
    ['security.mediaCheckAsync', mediaCheckAsync(rules, mediaChecks)],
    ['wxacode.getUnlimited', getUnlimited],
    ['subscribeMessage.send', sendSubscribeMessage(messages, consents)],
  ]);

  return {
    name: 'openapi',
    actions: { 'wx.openApi': (_body, ctx) => callOpenApi(handlers, ctx) },
    routes: [
      { method: 'GET', path: /^\/__local\/subscribe-messages$/, handle: (_req, res) => sendJson(res, 200, messages.readAll()) },
      { method: 'GET', path: /^\/__local\/media-checks$/, handle: (_req, res) => sendJson(res, 200, mediaChecks.readAll()) },
    ],
    sentMessages: () => messages.readAll(),
    mediaChecks: () => mediaChecks.readAll(),
    grantSubscribeConsent: (touser, templateIds) => consents.grant(touser, templateIds),
  };
}

/**
 * Decodes the multipart + protobuf call, runs the stand-in, and wraps WeChat's answer in the protobuf
 * reply the SDK decodes (its errcode, if any, becomes the SDK error's errCode).
 */
async function callOpenApi(handlers: Map<string, OpenApiHandler>, ctx: ActionContext): Promise<CloudReply> {
  const parts = parseMultipart(ctx.rawBody, ctx.contentType);
  const apiName = parts.get('apiName')?.value.toString('utf8') ?? '';
  const requestData = parts.get('requestData')?.value;
  if (!requestData) throw new CloudError('INVALID_PARAM', `wx.openApi ${apiName} without requestData`);
  const request = decodeOpenApiRequest(requestData);
  const handler = request.apiType === 0 ? handlers.get(apiName) : undefined;
  const reply = handler ? await handler(request.params) : notSupported(apiName);
  const { body, contentType } =
    reply.kind === 'json' ? { body: Buffer.from(JSON.stringify(reply.body)), contentType: 'application/json' } : reply;
  return CloudReply.bytes(encodeOpenApiReply(body, contentType), 'application/octet-stream');
}

/** CloudBase's code for an open API it does not know (-604100 'API not found'), naming the API. */
function notSupported(apiName: string): WxReply {
  const supported = 'security.msgSecCheck, security.mediaCheckAsync, wxacode.getUnlimited, subscribeMessage.send';
  return wxError(-604100, `API not found: the local cloud has no stand-in for openapi.${apiName} (it has ${supported})`);
}
