import { RESPONSE_TEMPLATE_ACTIONS, type ResponseTemplateAction, type ResponseTemplateSet } from '@pingan/shared';
import { db, listOf } from '../platform/sdk';

const TEMPLATES = 'responseTemplates';

/**
 * The county's 常用语 for each staff move, offered until a grid's 网格长 sets the grid's own. Data, not
 * page text: the note a template fills in goes on the case's timeline as the staff member's words.
 */
export const DEFAULT_RESPONSE_TEMPLATES: Readonly<Record<ResponseTemplateAction, readonly string[]>> = {
  accept: ['您反映的问题已受理，我们会尽快处理。', '已受理，网格员将上门核实。'],
  reject: ['经核实，该事项不属于网格处理范围，请拨打12345热线反映。', '该问题已有居民反映，我们会一并处理。'],
  assign: ['请尽快到现场处理并反馈。', '请先联系反映人了解详细情况。'],
  start: ['已到达现场，正在处理。'],
  resolve: ['问题已处理完毕，现场照片已上传。', '已协调相关部门处理完成。'],
  close: ['经核查，问题已解决，予以结案。'],
  rework: ['现场核查未达到要求，请重新处理。'],
};

/** A grid's own templates of one move, as stored: `_id` `<gridCode>:<action>`. */
type TemplateDoc = {
  readonly _id: string;
  readonly gridCode: string;
  readonly action: ResponseTemplateAction;
  readonly texts: readonly string[];
  readonly updatedBy: string;
  readonly updatedAt: number;
};

const idOf = (gridCode: string, action: ResponseTemplateAction) => `${gridCode}:${action}`;

/** Every move's templates for a grid: its own where saved, else the defaults (one query by `_id`). */
export async function templatesOfGrid(gridCode: string): Promise<ResponseTemplateSet[]> {
  const _ = db().command;
  const ids = RESPONSE_TEMPLATE_ACTIONS.map((action) => idOf(gridCode, action));
  const rows = await listOf<TemplateDoc>(
    db()
      .collection(TEMPLATES)
      .where({ _id: _.in(ids) })
      .limit(ids.length)
      .get(),
  );
  const own = new Map(rows.map((row) => [row.action, row.texts]));
  return RESPONSE_TEMPLATE_ACTIONS.map((action) => templateSet(action, own.get(action)));
}

/** Sets a grid's templates of one move (an empty list removes them: the defaults again); answers the set now in force. */
export async function saveTemplates(
  gridCode: string,
  action: ResponseTemplateAction,
  texts: readonly string[],
  by: string,
  now: number,
): Promise<ResponseTemplateSet> {
  const doc = db().collection(TEMPLATES).doc(idOf(gridCode, action));
  const unique = [...new Set(texts)];
  if (unique.length === 0) {
    await doc.remove();
    return templateSet(action, undefined);
  }
  await doc.set({ data: { gridCode, action, texts: unique, updatedBy: by, updatedAt: now } });
  return templateSet(action, unique);
}

function templateSet(action: ResponseTemplateAction, own: readonly string[] | undefined): ResponseTemplateSet {
  return own ? { action, texts: [...own], custom: true } : { action, texts: [...DEFAULT_RESPONSE_TEMPLATES[action]], custom: false };
}
