import { Text, View } from '@tarojs/components'
import { myFollowsContract } from '@pingan/shared/contracts'

import ReportCard from '../../components/report-card'
import { useCall } from '../../hooks/use-call'
import { useReturnRefresh } from '../../hooks/use-return-refresh'
import { go, routes } from '../../routes'
import { call } from '../../transport'
import './followed-reports.scss'

/** How many followed reports the home shows: the latest few; each opens its progress. */
const SHOWN = 5

/**
 * 我关注的: the reports the resident follows (我也遇到), the latest followed first, with how many others
 * met the same problem. Nothing at all while there are none, or when the list cannot be read (the home
 * must not fail for it).
 */
export default function FollowedReports() {
  const follows = useCall(async () => (await call(myFollowsContract, { limit: SHOWN })).items)
  useReturnRefresh(() => void follows.reload())
  const items = follows.data ?? []
  if (items.length === 0) return null
  return (
    <View className='followed-reports' id='followed-reports'>
      <Text className='followed-reports__title'>我关注的</Text>
      {items.map((report) => (
        <ReportCard
          key={report.id}
          report={report}
          onOpen={(id) => go(routes.report(id))}
          extra={<Text className='followed-reports__support'>{report.supportCount} 人也遇到</Text>}
        />
      ))}
    </View>
  )
}
