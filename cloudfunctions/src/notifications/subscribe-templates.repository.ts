import { subscribeTemplatesSchema, type SubscribeTemplateIds, type SubscribeTemplates } from '@pingan/shared';
import { db, oneOf } from '../platform/sdk';
import { ttlCache } from '../platform/ttl-cache';

/** How long a warm instance keeps the templates before reading them again. */
const TEMPLATES_TTL_MS = 60_000;

/** Without templates, every message is told in the app only. */
const NONE: SubscribeTemplates = { miniprogramState: 'formal', templates: {} };

/**
 * `settings/subscribeTemplates`: each kind's template id and field mapping. Missing or malformed, nothing
 * is sent through WeChat and the in-app list still gets every message: a typo in an admin's edit must
 * not stop a transition.
 */
async function loadTemplates(): Promise<SubscribeTemplates> {
  const stored = await oneOf<unknown>(db().collection('settings').doc('subscribeTemplates').get());
  if (stored === undefined) return NONE;
  const parsed = subscribeTemplatesSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  console.error('[notifications] settings/subscribeTemplates is malformed; sending none', parsed.error.issues);
  return NONE;
}

const cached = ttlCache(TEMPLATES_TTL_MS, loadTemplates);

/** The templates in force, read at most once a minute per instance. */
export function subscribeTemplates(now: number): Promise<SubscribeTemplates> {
  return cached.get(now);
}

/** Each kind's template id, for the client to ask consent for. */
export async function subscribeTemplateIds(now: number): Promise<SubscribeTemplateIds> {
  const { templates } = await subscribeTemplates(now);
  return Object.fromEntries(Object.entries(templates).map(([kind, template]) => [kind, template.templateId]));
}
