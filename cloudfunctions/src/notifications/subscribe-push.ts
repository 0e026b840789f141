import { templateData, type SubscribeKind, type SubscribeTemplates, type TemplateValues } from '@pingan/shared';
import { sendSubscribeMessage } from '../platform/sdk';

/** What a push needs of an in-app message just written: its id (for the log), kind and recipient. */
export type Pushed = { readonly _id: string; readonly kind: SubscribeKind; readonly recipientOpenid: string };

/**
 * The WeChat subscribe message of an in-app message just written, with its kind's template (none: told in
 * the app only), its fields filled from `values`, opening `page`. Any kind of message goes out this way: a
 * report's (notify-report.ts), an order's (notify-order.ts). Never throws: a refusal (43101, no consent
 * left for the template) is expected and common, and the in-app message has it all.
 */
export async function pushSubscribeMessage(
  message: Pushed,
  page: string,
  values: TemplateValues,
  templates: SubscribeTemplates,
): Promise<void> {
  const template = templates.templates[message.kind];
  if (!template) return;
  try {
    await sendSubscribeMessage({
      touser: message.recipientOpenid,
      templateId: template.templateId,
      page,
      data: templateData(template, values),
      miniprogramState: templates.miniprogramState,
    });
  } catch (error) {
    const code = (error as { errCode?: unknown } | null)?.errCode;
    console.warn(`[notifications] subscribe message ${message._id} not sent (${String(code ?? error)})`);
  }
}
