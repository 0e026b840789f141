import type { UnitRef } from '@pingan/shared/contracts'

/** A unit on the breadcrumb: where it is in the tree and its name. */
export type Crumb = UnitRef & { name: string }

/** The level each unit drills into; a grid has no children (its cases are listed instead). */
export const CHILD_LEVEL = { county: 'street', street: 'community', community: 'grid', grid: undefined } as const

/** How a level is named on the breadcrumb: 县 › 镇街 › 社区 › 网格. */
export const LEVEL_LABELS: Record<UnitRef['level'], string> = { county: '县', street: '镇街', community: '社区', grid: '网格' }

/** The trail one level deeper, into a child unit; unchanged at a grid. */
export function drillInto(trail: readonly Crumb[], child: { code: string; name: string }): Crumb[] {
  const here = trail[trail.length - 1]
  const level = here && CHILD_LEVEL[here.level]
  if (!level || child.code === here.code) return [...trail]
  return [...trail, { level, code: child.code, name: child.name }]
}

/** A child's name on the map without its parent's (城关社区第5网格 → 第5网格): long names overlap on small units. */
export function shortName(name: string, parentName: string | undefined): string {
  return parentName && name.startsWith(parentName) && name.length > parentName.length ? name.slice(parentName.length) : name
}
