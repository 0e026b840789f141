import { myServiceRecordContract, type ServiceRecord } from '@pingan/shared/contracts'

import { call } from '../transport'

/** 我的服务记录 of a year (myServiceRecord): the year's totals, months and services, and who I am. */
export function loadServiceRecord(year: number): Promise<ServiceRecord> {
  return call(myServiceRecordContract, { year })
}

/** `2026年03月05日` of a `YYYY-MM-DD` day. */
export function dayText(dayKey: string): string {
  const [year, month, day] = dayKey.split('-')
  return `${year}年${month}月${day}日`
}

/** The months of the record with something in them, January first. */
export function monthsServed(record: ServiceRecord): ServiceRecord['months'] {
  return record.months.filter((month) => month.tasks > 0)
}
