import type { JsonlLog } from './jsonl-log';
import { isNonEmptyString, wxError, wxOk, type OpenApiHandler } from './wx-reply';

/** A subscribe message as sent, for the demo and tests to list. */
export interface SentSubscribeMessage {
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogramState?: string;
  lang?: string;
  sentAt: string;
}

/**
 * Longest value WeChat accepts per template field type (the key's letters: thing1 is a `thing`).
 * Over-long `thing` values are the usual reason a send that worked in development fails in production.
 */
const MAX_CHARS_BY_TYPE: Record<string, number> = {
  thing: 20,
  number: 32,
  letter: 32,
  symbol: 5,
  character_string: 32,
  phone_number: 17,
  car_number: 8,
  name: 10,
  phrase: 5,
};

/**
 * subscribeMessage.send: checks what WeChat checks without knowing the templates (a user, a template id,
 * `data.<key>.value` present and within its type's length) and records the message. Consent (a fresh
 * wx.requestSubscribeMessage per message, else errcode 43101) is not modelled.
 */
export function sendSubscribeMessage(log: JsonlLog<SentSubscribeMessage>): OpenApiHandler {
  return (params) => {
    const { touser, template_id: templateId, page, data, miniprogram_state: miniprogramState, lang } = params;
    if (!isNonEmptyString(touser)) return wxError(40003, 'invalid openid');
    if (!isNonEmptyString(templateId)) return wxError(40037, 'invalid template_id');
    if (!data || typeof data !== 'object' || Array.isArray(data)) return wxError(47003, 'argument invalid! data is empty');
    const values: Record<string, { value: string }> = {};
    for (const [key, field] of Object.entries(data)) {
      const value = (field as { value?: unknown } | null)?.value;
      if (typeof value !== 'string' && typeof value !== 'number') return wxError(47003, `argument invalid! data.${key}.value is empty`);
      const limit = MAX_CHARS_BY_TYPE[key.replace(/\d+$/, '')];
      if (limit !== undefined && [...String(value)].length > limit)
        return wxError(47003, `argument invalid! data.${key}.value exceeds ${limit} characters`);
      values[key] = { value: String(value) };
    }
    log.append({
      touser,
      templateId,
      ...(typeof page === 'string' ? { page } : {}),
      data: values,
      ...(typeof miniprogramState === 'string' ? { miniprogramState } : {}),
      ...(typeof lang === 'string' ? { lang } : {}),
      sentAt: new Date().toISOString(),
    });
    return wxOk();
  };
}
