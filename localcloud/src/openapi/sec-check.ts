import type { JsonlLog } from './jsonl-log';
import { judgeText, type SecCheckRules, type SecCheckVerdict } from './sec-check-rules';
import { isNonEmptyString, wxError, wxOk, wxTraceId, type OpenApiHandler, type WxReply } from './wx-reply';

const MAX_CONTENT_CHARS = 2500;
const SCENES = [1, 2, 3, 4]; // 资料, 评论, 论坛, 社交日志

/**
 * security.msgSecCheck. Version 2 answers `{ result: {suggest, label}, detail, trace_id }` from the word
 * lists; version 1 (no `version`) answers errcode 87014 for risky text, as it did.
 */
export function msgSecCheck(rules: SecCheckRules): OpenApiHandler {
  return (params) => {
    const { content, version, openid, scene, title, nickname, signature } = params;
    if (typeof content !== 'string') return wxError(47001, 'data format error: content must be a string');
    // WeChat documents the 2,500 limit but not its error; 47001 is its code for a malformed argument.
    if ([...content].length > MAX_CONTENT_CHARS)
      return wxError(47001, `data format error: content is longer than ${MAX_CONTENT_CHARS} characters`);
    if (version !== 2) {
      return judgeText(rules, content).suggest === 'risky' ? wxError(87014, 'risky content') : wxOk();
    }
    const problem = userAndSceneProblem(openid, scene);
    if (problem) return problem;
    const text = [content, title, nickname, signature].filter((t) => typeof t === 'string').join('\n');
    const verdict = judgeText(rules, text);
    return wxOk({ detail: details(verdict), trace_id: wxTraceId(), result: { suggest: verdict.suggest, label: verdict.label } });
  };
}

export interface MediaCheckRecord {
  traceId: string;
  mediaUrl: string;
  mediaType: number;
  openid?: string;
  scene?: number;
  requestedAt: string;
  /** The verdict WeChat would push later (event wxa_media_check): from the word lists, on the URL. */
  result: { suggest: SecCheckVerdict['suggest']; label: number };
}

/**
 * security.mediaCheckAsync: answers a trace_id at once and records the request with the verdict that
 * WeChat would push later; no push is sent.
 */
export function mediaCheckAsync(rules: SecCheckRules, log: JsonlLog<MediaCheckRecord>): OpenApiHandler {
  return (params) => {
    const { media_url: mediaUrl, media_type: mediaType, version, openid, scene } = params;
    if (!isNonEmptyString(mediaUrl)) return wxError(47001, 'data format error: media_url must be a string');
    if (mediaType !== 1 && mediaType !== 2) return wxError(47001, 'data format error: media_type must be 1 (audio) or 2 (image)');
    if (version === 2) {
      const problem = userAndSceneProblem(openid, scene);
      if (problem) return problem;
    }
    const traceId = wxTraceId();
    const verdict = judgeText(rules, safeDecode(mediaUrl));
    log.append({
      traceId,
      mediaUrl,
      mediaType,
      ...(isNonEmptyString(openid) ? { openid } : {}),
      ...(typeof scene === 'number' ? { scene } : {}),
      requestedAt: new Date().toISOString(),
      result: { suggest: verdict.suggest, label: verdict.label },
    });
    return wxOk({ trace_id: traceId });
  };
}

/** The v2 checks' shared rules: a user (who must have opened the app lately, not checked here) and a scene. */
function userAndSceneProblem(openid: unknown, scene: unknown): WxReply | undefined {
  if (!isNonEmptyString(openid)) return wxError(40003, 'invalid openid');
  if (typeof scene !== 'number' || !SCENES.includes(scene)) return wxError(40129, 'invalid scene');
  return undefined;
}

/** `detail` as WeChat lists it: the model's view, then the keyword strategy (with the word on a hit). */
function details(verdict: SecCheckVerdict) {
  const model = { strategy: 'content_model', errcode: 0, suggest: verdict.suggest, label: verdict.label, prob: 90 };
  const keyword = verdict.keyword
    ? {
        strategy: 'keyword',
        errcode: 0,
        suggest: verdict.suggest,
        label: verdict.label,
        level: verdict.suggest === 'risky' ? 90 : 60,
        keyword: verdict.keyword,
      }
    : { strategy: 'keyword', errcode: 0 };
  return [model, keyword];
}

function safeDecode(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}
