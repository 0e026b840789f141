import { Text, View } from '@tarojs/components'
import type { CSSProperties } from 'react'

import { useUnreadMessages } from '../../hooks/use-unread-messages'
import { go, routes } from '../../routes'
import './quick-actions.scss'

type Action = { key: string; title: string; hint: string; url: string; main?: boolean; badge?: number }

const RESIDENT_ACTIONS: Action[] = [
  { key: 'report', title: '随手拍', hint: '看到问题，拍照上报', url: routes.reportNew(), main: true },
  { key: 'my-reports', title: '我的上报', hint: '看办理进度', url: routes.myReports },
  { key: 'services', title: '预约服务', hint: '居民点单：理发、代办、陪诊', url: routes.services },
  { key: 'points', title: '我的积分', hint: '上报有效得积分', url: routes.points },
  { key: 'market', title: '爱心超市', hint: '用爱心积分兑换', url: routes.market },
  { key: 'volunteer', title: '网格报到', hint: '党员、志愿者来报到', url: routes.volunteerRegister },
  { key: 'scan', title: '扫码入格', hint: '换一个网格', url: routes.scan },
]

/**
 * 长辈模式's three, big: 随手拍 (what the app is for), 预约服务 (居民点单 — 理发、代办、陪诊 are services for the
 * elderly, and booking one is what an older resident comes back for), 我的上报 (after a report, "how is it
 * going?"). 一键求助 stays above them, red; everything else is under 更多.
 */
export const CARE_MODE_ACTIONS = ['report', 'services', 'my-reports'] as const

/** How many title characters wide a tile must be (index.scss reads it as --title-chars): the title, and the badge beside it. */
function titleChars(action: Action): number {
  return [...action.title].length + (action.badge ? 1.5 : 0)
}

/** The home page's big tiles; informants also get theirs, staff their workbench, and the browser build its demo tools. */
export default function QuickActions({
  staff,
  informant = false,
  only,
  except,
}: {
  staff: boolean
  informant?: boolean
  /** 长辈模式's simple home: only these tiles, in this order (CARE_MODE_ACTIONS), or all but them under 更多. */
  only?: readonly string[]
  except?: readonly string[]
}) {
  const unread = useUnreadMessages()
  const actions = [...RESIDENT_ACTIONS]
  // 信息员: today's reward money against the cap, the month so far, the statements; beside 我的积分.
  if (informant) {
    const points = actions.findIndex((action) => action.key === 'points')
    actions.splice(points + 1, 0, { key: 'informant', title: '信息员', hint: '今日奖励金、结算单', url: routes.informantHome })
  }
  // 消息: every change to my reports and the ones I follow, with the unread count.
  actions.splice(2, 0, {
    key: 'messages',
    title: '消息',
    hint: unread ? `${unread} 条未读` : '办理进展通知',
    url: routes.messages,
    ...(unread ? { badge: unread } : {}),
  })
  if (staff) actions.push({ key: 'inbox', title: '网格员工作台', hint: '待办案卷，受理上报', url: routes.staffInbox, main: true })
  if (process.env.TARO_ENV === 'h5') {
    // 网格二维码 first: it shares a row with 扫码入格, and 切换演示用户's six characters take one of their own.
    actions.push({ key: 'grid-codes', title: '网格二维码', hint: '本地演示用', url: routes.gridCodes })
    actions.push({ key: 'signin', title: '切换演示用户', hint: '本地演示用', url: routes.signin })
  }
  const shown = only
    ? only.flatMap((key) => actions.filter((action) => action.key === key))
    : actions.filter((action) => !except?.includes(action.key))
  return (
    <View className={`home__actions${only ? ' home__actions--care' : ''}`}>
      {shown.map((action) => (
        <View
          key={action.key}
          id={`action-${action.key}`}
          className={`home__action${action.main ? ' home__action--main' : ''}`}
          style={{ '--title-chars': titleChars(action) } as CSSProperties}
          onClick={() => go(action.url)}
        >
          <Text className='home__action-title'>
            {action.title}
            {action.badge ? (
              <Text className='home__action-badge' aria-label={`${action.badge} 条未读`}>
                {action.badge > 99 ? '99+' : action.badge}
              </Text>
            ) : null}
          </Text>
          <Text className='home__action-hint'>{action.hint}</Text>
        </View>
      ))}
    </View>
  )
}
