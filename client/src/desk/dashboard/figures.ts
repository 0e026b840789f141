import {
  performanceContract,
  performanceCsvContract,
  performanceTrendContract,
  regionShapesContract,
  type PerformanceRow,
  type PerformanceTrendPoint,
  type RegionShape,
  type UnitRef,
} from '@pingan/shared/contracts'

import { call } from '../../transport'

export type Range = { from: number; to: number }
export type UnitFigures = { unit: UnitRef & { name: string }; total: PerformanceRow; rows: PerformanceRow[] }

/** The unit's totals and its child units' rows for the period (`performance`, by units). */
export function unitFigures(unit: UnitRef, range: Range): Promise<UnitFigures> {
  return call(performanceContract, { level: unit.level, code: unit.code, ...range, by: 'units' })
}

/** The unit's figures month by month, the current month last (`performanceTrend`), with the unit's code. */
export async function unitTrend(unit: UnitRef, months: number): Promise<{ code: string; points: PerformanceTrendPoint[] }> {
  const answer = await call(performanceTrendContract, { level: unit.level, code: unit.code, months })
  return { code: unit.code, points: answer.points }
}

/** The period's figures as a CSV file for Excel (`performanceCsv`). */
export function unitCsv(unit: UnitRef, range: Range): Promise<{ filename: string; csv: string }> {
  return call(performanceCsvContract, { level: unit.level, code: unit.code, ...range, by: 'units' })
}

export type UnitShapes = { unit: UnitRef & { name: string }; children: RegionShape[] }

/** The outlines of the unit's child units, kept for the session: boundaries change with a redistricting, not a day. */
const shapesCache = new Map<string, Promise<UnitShapes>>()
export function unitShapes(unit: UnitRef): Promise<UnitShapes> {
  const key = `${unit.level}:${unit.code}`
  const cached = shapesCache.get(key)
  if (cached) return cached
  const loading = call(regionShapesContract, { level: unit.level, code: unit.code })
  loading.catch(() => shapesCache.delete(key))
  shapesCache.set(key, loading)
  return loading
}
