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

/** Whether a send needs the person's consent: `assumed` (every send has one) or `required` (as WeChat). */
export type SubscribeConsentMode = 'assumed' | 'required';

/**
 * One-time subscribe consents, as wx.requestSubscribeMessage records them when a person taps 允许: one
 * per (person, template), each used by one send. Kept in memory: a restart forgets unused ones.
 */
export interface SubscribeConsents {
  readonly mode: SubscribeConsentMode;
  /** Records one consent per template id for this person (what an 'accept' answer records). */
  grant(touser: string, templateIds: readonly string[]): void;
  /** Uses one consent; false when the person has none left for the template (and the mode requires one). */
  take(touser: string, templateId: string): boolean;
}

export function createSubscribeConsents(mode: SubscribeConsentMode): SubscribeConsents {
  const left = new Map<string, number>();
  const key = (touser: string, templateId: string) => JSON.stringify([touser, templateId]);
  return {
    mode,
    grant(touser, templateIds) {
      for (const templateId of templateIds) left.set(key(touser, templateId), (left.get(key(touser, templateId)) ?? 0) + 1);
    },
    take(touser, templateId) {
      if (mode === 'assumed') return true;
      const count = left.get(key(touser, templateId)) ?? 0;
      if (count === 0) return false;
      left.set(key(touser, templateId), count - 1);
      return true;
    },
  };
}

/**
 * subscribeMessage.send: checks what WeChat checks without knowing the templates (a user, a template id,
 * `data.<key>.value` present and within its type's length) and records the message. With consents
 * `required`, a send the person has no unused consent for fails with 43101, as WeChat's does; checked
 * last, so a malformed send keeps its consent.
 */
export function sendSubscribeMessage(log: JsonlLog<SentSubscribeMessage>, consents = createSubscribeConsents('assumed')): OpenApiHandler {
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
    if (!consents.take(touser, templateId)) return wxError(43101, 'user refuse to accept the msg');
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
