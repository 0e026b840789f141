import type { GridStaffRole } from '@pingan/shared/people'

/** 一网一长一员一警一医; the order a resident reads them in is the domain's (GRID_STAFF_ROLES). */
export const STAFF_ROLE_LABELS: Record<GridStaffRole, string> = {
  gridLeader: '网格长',
  gridWorker: '网格员',
  police: '网格警',
  doctor: '网格医',
}
