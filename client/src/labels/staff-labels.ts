import type { GridCard } from '@pingan/shared/src/contracts'

type StaffRole = GridCard['staff'][number]['role']

/** 一网一长一员一警一医, in the order a resident sees them. */
export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  gridLeader: '网格长',
  gridWorker: '网格员',
  police: '网格警',
  doctor: '网格医',
}

export const STAFF_ROLE_ORDER: readonly StaffRole[] = ['gridLeader', 'gridWorker', 'police', 'doctor']
