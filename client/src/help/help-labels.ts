import type { HelpCallView } from '@pingan/shared/contracts'
import { HELP_GRID_ROLES, type HelpStatus } from '@pingan/shared/help'
import type { Role } from '@pingan/shared/people'

import { formatDateTime } from '../labels/format'
import { STAFF_ROLE_LABELS } from '../labels/staff-labels'

// 一键求助 in words: where a call stands, who was told, who answered, and each step of its trace.

export const HELP_ROLE_LABELS: Record<Role, string> = {
  ...STAFF_ROLE_LABELS,
  centre: '综治中心',
  resident: '居民',
  informant: '信息员',
  volunteer: '志愿者',
}

/** The centre a call reaches when nobody at the level below answers in time. */
const LEVEL_TEAMS: Record<HelpCallView['level'], string> = {
  grid: '网格员',
  community: '社区综治中心',
  street: '街道综治中心',
  county: '县综治中心',
}

/** Where a call stands, said to the person who called. */
export const HELP_STATUS_WORDS: Record<HelpStatus, string> = {
  raised: '已发出，正在等工作人员响应',
  acknowledged: '已有人收到，正在处理',
  closed: '已处置',
  cancelled: '已取消',
}

/** Who was told of a call: its grid's 网格长、网格员、网格警 by name, and every centre it has reached since. */
export function alertedNames(call: Pick<HelpCallView, 'contacts' | 'placeName' | 'steps'>): string[] {
  const gridStaff = call.contacts
    .filter((contact) => (HELP_GRID_ROLES as readonly Role[]).includes(contact.role))
    .map((contact) => `${STAFF_ROLE_LABELS[contact.role]} ${contact.name}`)
  const centres = call.steps.filter((step) => step.type === 'escalated').map((step) => LEVEL_TEAMS[step.level])
  return [...(gridStaff.length > 0 ? gridStaff : [`${call.placeName}的工作人员`]), ...centres]
}

/** Who answered and in what capacity: 赵丽（网格员）. */
export function responderText(responder: NonNullable<HelpCallView['responder']>): string {
  return `${responder.name}（${HELP_ROLE_LABELS[responder.role]}）`
}

/** What to tell the caller of an answered call: 赵丽（网格员）已收到，正在处理. */
export function comingText(call: Pick<HelpCallView, 'status' | 'responder'>): string | undefined {
  if (!call.responder) return undefined
  return call.status === 'acknowledged' ? `${responderText(call.responder)}已收到，正在处理` : `由${responderText(call.responder)}处理`
}

/** One step of the trace in words (the time is shown beside it). */
export function stepText(step: HelpCallView['steps'][number], viewerIs: HelpCallView['viewerIs']): string {
  const who = step.actorName ? `${step.actorName}（${step.actorRole ? HELP_ROLE_LABELS[step.actorRole] : '工作人员'}）` : '工作人员'
  const note = step.note ? `：${step.note}` : ''
  switch (step.type) {
    case 'raised':
      return viewerIs === 'requester' ? '您发出求助' : '居民发出求助'
    case 'escalated':
      return `无人及时响应，已上报${LEVEL_TEAMS[step.level]}`
    case 'acknowledged':
      return `${who}已收到${note}`
    case 'closed':
      return `${who}已处置${note}`
    case 'cancelled':
      return `${viewerIs === 'requester' ? '您' : '求助人'}已取消求助${note}`
  }
}

/** The time of a step, as people read it. */
export function stepTime(at: number): string {
  return formatDateTime(at)
}

/** How long ago a call was raised: 刚刚, 3分钟前, 1小时前. */
export function agoText(at: number, now: number): string {
  const minutes = Math.floor((now - at) / 60_000)
  if (minutes < 1) return '刚刚'
  if (minutes < 60) return `${minutes}分钟前`
  return `${Math.floor(minutes / 60)}小时前`
}

/** Until escalation: `4:05 后上报社区综治中心`, or `已到时，正在上报` once the deadline has passed. */
export function escalationText(call: Pick<HelpCallView, 'ackDueAt' | 'level'>, now: number, next?: string): string | undefined {
  if (call.ackDueAt === undefined) return undefined
  const left = Math.max(0, Math.ceil((call.ackDueAt - now) / 1000))
  if (left === 0) return '已到时，正在上报上级'
  const clock = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`
  return `${clock} 内无人收到将上报${next ?? '上级'}`
}

/** The team above a level, as escalation would reach it. */
export function nextTeam(level: HelpCallView['level']): string | undefined {
  return level === 'grid'
    ? LEVEL_TEAMS.community
    : level === 'community'
      ? LEVEL_TEAMS.street
      : level === 'street'
        ? LEVEL_TEAMS.county
        : undefined
}
