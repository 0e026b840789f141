import { Text, View } from '@tarojs/components'

import { go, routes } from '../../routes'

type Action = { key: string; title: string; hint: string; url: string; main?: boolean }

const RESIDENT_ACTIONS: Action[] = [
  { key: 'report', title: '随手拍', hint: '看到问题，拍照上报', url: routes.reportNew(), main: true },
  { key: 'my-reports', title: '我的上报', hint: '看办理进度', url: routes.myReports },
  { key: 'points', title: '我的积分', hint: '上报有效得积分', url: routes.points },
  { key: 'scan', title: '扫码入格', hint: '换一个网格', url: routes.scan },
]

/** The home page's big tiles; staff also get their workbench, and the browser build its demo tools. */
export default function QuickActions({ staff }: { staff: boolean }) {
  const actions = [...RESIDENT_ACTIONS]
  if (staff) actions.push({ key: 'inbox', title: '网格员工作台', hint: '待办案卷，受理上报', url: routes.staffInbox, main: true })
  if (process.env.TARO_ENV === 'h5') {
    actions.push({ key: 'signin', title: '切换演示用户', hint: '本地演示用', url: routes.signin })
    actions.push({ key: 'grid-codes', title: '网格二维码', hint: '本地演示用', url: routes.gridCodes })
  }
  return (
    <View className='home__actions'>
      {actions.map((action) => (
        <View
          key={action.key}
          id={`action-${action.key}`}
          className={`home__action${action.main ? ' home__action--main' : ''}`}
          onClick={() => go(action.url)}
        >
          <Text className='home__action-title'>{action.title}</Text>
          <Text className='home__action-hint'>{action.hint}</Text>
        </View>
      ))}
    </View>
  )
}
