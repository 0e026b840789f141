import * as z from 'zod/mini';
import { hasVisibleText } from '../text/user-text';
import { gridCodeSchema, userTextSchema } from './common.schema';
import { contract } from './contract';

/** The staff moves that take a note, each with its own 常用语 (response templates). */
export const RESPONSE_TEMPLATE_ACTIONS = ['accept', 'reject', 'assign', 'start', 'resolve', 'close', 'rework'] as const;
export type ResponseTemplateAction = (typeof RESPONSE_TEMPLATE_ACTIONS)[number];

/** At most this many templates per move, each at most this long (a note holds 500). */
export const RESPONSE_TEMPLATES_MAX = 10;
export const RESPONSE_TEMPLATE_TEXT_MAX = 200;

/** A template: normalised text (shared/src/text) that says something. */
const templateTextSchema = userTextSchema(RESPONSE_TEMPLATE_TEXT_MAX).check(
  z.refine(hasVisibleText, { message: 'a template must say something' }),
);

/** One move's templates; `custom` when the grid's 网格长 set them, else the county's defaults. */
export const responseTemplateSetSchema = z.object({
  action: z.enum(RESPONSE_TEMPLATE_ACTIONS),
  texts: z.array(z.string()),
  custom: z.boolean(),
});

/**
 * `responseTemplates`: the templates of every move for one grid — the grid's own where its 网格长 saved
 * some, else the defaults — for the grid's staff and the centres above it.
 */
export const responseTemplatesContract = contract(
  'responseTemplates',
  z.object({ gridCode: gridCodeSchema }),
  z.object({ gridCode: gridCodeSchema, templates: z.array(responseTemplateSetSchema) }),
);

/**
 * `saveResponseTemplates`: the grid's 网格长 (only) sets one move's templates for the grid; the same text
 * twice is kept once, and an empty list goes back to the defaults. Answers the move's templates as saved.
 */
export const saveResponseTemplatesContract = contract(
  'saveResponseTemplates',
  z.object({
    gridCode: gridCodeSchema,
    action: z.enum(RESPONSE_TEMPLATE_ACTIONS),
    texts: z.array(templateTextSchema).check(z.maxLength(RESPONSE_TEMPLATES_MAX)),
  }),
  z.object({ gridCode: gridCodeSchema, template: responseTemplateSetSchema }),
);

export type ResponseTemplateSet = z.infer<typeof responseTemplateSetSchema>;
