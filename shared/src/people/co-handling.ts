/**
 * The categories each grid co-handler works (一警一医): the 网格警 the cases the 派出所 co-handles in the
 * demo county's categories (治安线索 ZAXS, 一键求助 YJQZ); the 网格医 health cases (食品药品安全 SPYP, and
 * 一键求助, since a help call is as often a fall or an illness). Categories are data, so a county whose
 * catalogue differs changes these lists with it.
 */
export const CO_HANDLER_CATEGORIES = {
  police: ['ZAXS', 'YJQZ'],
  doctor: ['SPYP', 'YJQZ'],
} as const satisfies Record<'police' | 'doctor', readonly string[]>;
export type CoHandlerRole = keyof typeof CO_HANDLER_CATEGORIES;
