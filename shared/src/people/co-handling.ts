/**
 * The categories each grid co-handler works (一警一医): the 网格警 the cases the 派出所 co-handles in the
 * demo county's categories (治安线索 ZAXS); the 网格医 health cases (食品药品安全 SPYP). 一键求助 is not a
 * category: a help call reaches the 网格警 by itself (shared/src/help/). Categories are data, so a county
 * whose catalogue differs changes these lists with it.
 */
export const CO_HANDLER_CATEGORIES = {
  police: ['ZAXS'],
  doctor: ['SPYP'],
} as const satisfies Record<'police' | 'doctor', readonly string[]>;
export type CoHandlerRole = keyof typeof CO_HANDLER_CATEGORIES;
