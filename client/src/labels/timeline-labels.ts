import type { ReportDetail, TimelineActor } from '@pingan/shared/contracts'

import { STAFF_ROLE_LABELS } from './staff-labels'

const CENTRE_LABELS: Record<NonNullable<TimelineActor['centreLevel']>, string> = {
  community: '社区综治中心',
  street: '街道综治中心',
  county: '县综治中心',
}

const ROLE_LABELS: Record<NonNullable<TimelineActor['role']>, string> = {
  ...STAFF_ROLE_LABELS,
  reporter: '上报人',
  centre: '综治中心',
  resident: '居民',
  informant: '信息员',
  volunteer: '志愿者',
}

/** The capacity a step's actor acted in, in words (网格员, 街道综治中心, 消防救援站, 上报人). */
export function actorRoleText(actor: TimelineActor): string | undefined {
  if (actor.role === 'centre' && actor.centreLevel) return CENTRE_LABELS[actor.centreLevel]
  return actor.role === undefined ? actor.department : ROLE_LABELS[actor.role]
}

/**
 * Who acted on a step: capacity and name (网格员 赵丽); a step whose actor the viewer may not see is the
 * reporter's own (only those are hidden: an anonymous report below the centre, anyone's for a follower),
 * so it reads 上报人 without a name.
 */
export function actorText(actor: TimelineActor | undefined): string {
  if (!actor) return '上报人'
  const role = actorRoleText(actor)
  if (actor.name === '') return role ?? ''
  return role ? `${role} ${actor.name}` : actor.name
}

/** Where the case lies, by name (城关社区第3网格); undefined when the server named no place. */
export function placeText({ gridName, communityName }: Pick<ReportDetail, 'gridName' | 'communityName'>): string | undefined {
  if (gridName === undefined) return communityName
  return communityName && !gridName.startsWith(communityName) ? `${communityName}${gridName}` : gridName
}
