/** The levels of the grid tree, from the root down: 县 → 乡镇·街道 → 社区·村 → 网格 → 微网格. */
export const GRID_LEVELS = ['county', 'street', 'community', 'grid', 'microGrid'] as const;
export type GridLevel = (typeof GRID_LEVELS)[number];

/** Levels that can own a case: a micro-grid is recorded, its grid's staff own the case. */
export const OWNER_LEVELS = ['county', 'street', 'community', 'grid'] as const;
export type OwnerLevel = (typeof OWNER_LEVELS)[number];

/** Levels staffed by a 综治中心 (centre). */
export const REGION_LEVELS = ['county', 'street', 'community'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** The level directly above, or undefined for the county. */
export function parentLevelOf(level: GridLevel): GridLevel | undefined {
  return GRID_LEVELS[GRID_LEVELS.indexOf(level) - 1];
}

/** How far below the county a level is (county 0 … microGrid 4): larger is smaller. */
export function levelDepth(level: GridLevel): number {
  return GRID_LEVELS.indexOf(level);
}

/** Whether a level can own a case (every level but the micro-grid). */
export function isOwnerLevel(level: GridLevel): level is OwnerLevel {
  return level !== 'microGrid';
}
