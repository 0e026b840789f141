import type { ReportSummary } from '@pingan/shared/contracts'

import { OWNER_LEVEL_LABELS } from './report-labels'

/** What names a report's owner: the codes always, the names where the server stored them. */
export type OwnerRef = Pick<ReportSummary, 'ownerCode' | 'ownerLevel' | 'ownerName' | 'communityName'>

/**
 * Who has a report, in words a resident knows: the grid's name (城关社区第3网格), or the centre of the
 * community, street or county above (城关街道综治中心). Without a name (an older report or server), the
 * level and the code.
 */
export function ownerText({ ownerName, communityName, ownerLevel, ownerCode }: OwnerRef): string {
  if (!ownerName) return `${OWNER_LEVEL_LABELS[ownerLevel]} ${ownerCode}`
  if (ownerLevel !== 'grid') return `${ownerName}综治中心`
  return communityName && !ownerName.startsWith(communityName) ? `${communityName}${ownerName}` : ownerName
}
