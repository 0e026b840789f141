import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, sendJsonText } from '../server/http-util';
import type { RawRoute } from '../server/module';
import type { EventLimits } from './event-limits';
import { eventNotJson, eventTooLarge, FunctionError } from './function-errors';
import type { FunctionRunner } from './function-runner';
import type { SigninTokens } from './signin-tokens';
import type { SigninUsers } from './signin-users';

export interface BrowserRoutesOptions {
  runner: FunctionRunner;
  tokens: SigninTokens;
  users: SigninUsers;
  appId: string;
  limits: EventLimits;
}

/** A sign-in body is one openid; nothing legitimate comes near this. */
const SIGNIN_MAX_BODY_BYTES = 16 * 1024;

/**
 * What the browser build talks to instead of wx.cloud: a local sign-in that picks a user, and
 * POST /functions/<name> whose caller identity comes from the token alone, never from the body.
 */
export function browserRoutes(options: BrowserRoutesOptions): RawRoute[] {
  const { runner, tokens, users } = options;
  return [
    {
      method: 'GET',
      path: /^\/auth\/users$/,
      handle: (_req, res) => sendJson(res, 200, { users: users.list(), anyOpenid: users.open }),
    },
    {
      method: 'POST',
      path: /^\/auth\/signin$/,
      maxBodyBytes: SIGNIN_MAX_BODY_BYTES,
      handle: (_req, res, _match, body) => {
        const openid = readJsonObject(body)?.openid;
        if (typeof openid !== 'string' || openid.trim() === '') {
          sendJson(res, 400, { code: 'AUTH.INVALID_OPENID', message: 'openid must be a non-empty string' });
          return;
        }
        const user = users.find(openid);
        if (!user) {
          sendJson(res, 403, { code: 'AUTH.UNKNOWN_USER', message: `${openid} is not in the sign-in users file` });
          return;
        }
        sendJson(res, 200, { token: tokens.issue(user.openid), user });
      },
    },
    {
      method: 'POST',
      path: /^\/functions\/([^/]+)$/,
      // The body is the event: past the platform's event limit it is refused unread, in this route's shape.
      maxBodyBytes: options.limits.maxEventBytes,
      refuseBody: (res, limit) => sendJson(res, 413, eventTooLarge(limit).toJSON()),
      handle: (req, res, match, body) => callFunction(options, req, res, match[1] ?? '', body),
    },
    {
      method: 'GET',
      path: /^\/__local\/functions\/stats$/,
      handle: (_req, res) => sendJson(res, 200, runner.stats()),
    },
  ];
}

async function callFunction(
  options: BrowserRoutesOptions,
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
  body: Buffer,
): Promise<void> {
  const openid = signedInOpenid(options, req);
  if (!openid) {
    sendJson(res, 401, { code: 'AUTH.INVALID_TOKEN', message: 'sign in again: the token is missing, invalid or expired' });
    return;
  }
  const event = body.length === 0 ? {} : readJsonObject(body);
  if (!event) {
    sendJson(res, 400, eventNotJson('the body must be a JSON object (the event)').toJSON());
    return;
  }
  // The platform injects the real caller into event.userInfo; doing the same overwrites whatever the body claimed.
  event.userInfo = { appId: options.appId, openId: openid };
  try {
    const responseData = await options.runner.run(name, event, {
      openid,
      appid: options.appId,
      source: 'wx_client',
      clientIp: clientIp(req),
    });
    // The result is JSON text from the instance: spliced in, never parsed and re-serialised here.
    sendJsonText(res, 200, `{"result":${responseData}}`);
  } catch (error) {
    if (!(error instanceof FunctionError)) throw error;
    sendJson(res, error.httpStatus, error.toJSON());
  }
}

/** The browser caller a request's bearer token names, if it is valid and the user may still sign in. */
export function signedInOpenid(options: Pick<BrowserRoutesOptions, 'tokens' | 'users'>, req: IncomingMessage): string | undefined {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const openid = match?.[1] ? options.tokens.verify(match[1]) : undefined;
  return openid && options.users.find(openid) ? openid : undefined;
}

function readJsonObject(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function clientIp(req: IncomingMessage): string | undefined {
  const address = req.socket.remoteAddress;
  return address?.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}
