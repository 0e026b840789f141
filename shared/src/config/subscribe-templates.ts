import * as z from 'zod/mini';
import { HELP_MESSAGE_KINDS } from '../help/help-constants';
import { ORDER_MESSAGE_KINDS } from '../service/order-messages';

/**
 * The changes of a report its reporter and followers are told of (docs/DESIGN.md, "Telling people"):
 * each is an event type of the timeline, and each has one WeChat subscribe-message template.
 */
export const MESSAGE_KINDS = ['accepted', 'rejected', 'resolved', 'closed'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/**
 * Every kind of message that may also go out as a WeChat subscribe message, each with its own template:
 * a report's (above), a service order's (service/order-messages.ts) and a help call's (help/help-messages.ts).
 * Another kind is one more entry here and a function giving its template values; settings, the catalog's
 * ids and the client's consent asks are keyed by these.
 */
export const SUBSCRIBE_KINDS = [...MESSAGE_KINDS, ...ORDER_MESSAGE_KINDS, ...HELP_MESSAGE_KINDS] as const;
export type SubscribeKind = (typeof SUBSCRIBE_KINDS)[number];

/**
 * What a template field may show, named so a county maps its templates' keys without a code change: a
 * report's category, a service order's service (服务名称), its slot (服务时间) and who serves it (接单人),
 * a help call's place (地点), and for any kind its status in a word, the change's time, a hint of what a
 * tap does and the note left (for a help call, who calls or who answers is its `person`).
 * A kind gives the values it has; a field mapped to one it lacks shows 无.
 */
export const TEMPLATE_VALUES = ['category', 'service', 'slot', 'person', 'place', 'status', 'time', 'hint', 'note'] as const;
export type TemplateValue = (typeof TEMPLATE_VALUES)[number];
/** The values one message fills its template from. */
export type TemplateValues = Readonly<Partial<Record<TemplateValue, string>>>;

/** A template key as WeChat names them: the field's type and a number (thing1, phrase2, time3). */
const TEMPLATE_KEY_PATTERN = /^[a-z_]{1,24}\d{1,2}$/;

/** One kind's template: its id in the mini-program's account, and which value fills each of its fields. */
export const subscribeTemplateSchema = z.object({
  templateId: z.string().check(z.minLength(1), z.maxLength(128), z.regex(/^[A-Za-z0-9_-]+$/)),
  fields: z.record(z.string().check(z.regex(TEMPLATE_KEY_PATTERN)), z.enum(TEMPLATE_VALUES)),
});
export type SubscribeTemplate = z.infer<typeof subscribeTemplateSchema>;

/**
 * `settings/subscribeTemplates` (the seed writes the demo's; a county puts in the ids of the templates it
 * picked in the WeChat admin console). A kind without a template is told in the app only.
 * `miniprogramState` says which build a tap on the message opens (formal, trial or developer).
 */
export const subscribeTemplatesSchema = z.object({
  miniprogramState: z.enum(['formal', 'trial', 'developer']),
  templates: z.partialRecord(z.enum(SUBSCRIBE_KINDS), subscribeTemplateSchema),
});
export type SubscribeTemplates = z.infer<typeof subscribeTemplatesSchema>;

/**
 * The longest value WeChat takes per field type (the key's letters: thing1 is a `thing`); a longer value
 * makes the whole send fail with 47003, so every value is cut to fit before it goes out.
 */
export const TEMPLATE_FIELD_MAX_CHARS: Readonly<Record<string, number>> = {
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

/** A value cut to its field's limit in characters (code points), the last one an ellipsis when cut. */
export function fitTemplateValue(key: string, value: string): string {
  const max = TEMPLATE_FIELD_MAX_CHARS[key.replace(/\d+$/, '')];
  const chars = [...value];
  if (max === undefined || chars.length <= max) return value;
  return `${chars.slice(0, max - 1).join('')}…`;
}

/** A template's `data`: each field filled with its mapped value, cut to fit; an empty or missing value shows as 无. */
export function templateData(template: SubscribeTemplate, values: TemplateValues): Record<string, { value: string }> {
  return Object.fromEntries(
    Object.entries(template.fields).map(([key, name]) => [key, { value: fitTemplateValue(key, values[name] || '无') }]),
  );
}
