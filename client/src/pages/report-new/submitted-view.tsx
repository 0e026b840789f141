import { Text, View } from '@tarojs/components'

import BigButton from '../../components/big-button'
import { categoryName } from '../../labels/categories'
import { ownerText } from '../../labels/owner-labels'
import { go, goHome, routes } from '../../routes'
import type { Submitted } from '../../report-draft/use-report-draft'

type Route = Submitted['route']

const REASON_TEXT: Record<Route['reason'], string> = {
  contained: '按您选的位置，交给问题所在的网格',
  edge: '位置在两个网格交界处，交给其中一个网格',
  nearest: '位置不在任何网格里，交给最近的网格',
  scanned: '交给您扫码的网格',
  joined: '交给您加入的网格',
  region: '交给所在社区、街道的综治中心',
  county: '交给县综治中心',
}

/** After a submit: it arrived, where it went, and what next. */
export default function SubmittedView({ result, onAnother }: { result: Submitted; onAnother: () => void }) {
  const { report, route } = result
  return (
    <View className='report-new report-new--done' id='submitted'>
      <Text className='report-new__done-title'>上报成功</Text>
      <Text className='report-new__done-text'>
        “{report.categoryName ?? categoryName(report.categoryCode)}”已经交给下面的{route.ownerLevel === 'grid' ? '网格' : '综治中心'}
        处理，会尽快受理。
      </Text>
      <View className='report-new__owner'>
        <Text className='report-new__owner-name' id='routed-owner' data-owner-code={route.ownerCode}>
          已分派到 {ownerText(route)}
        </Text>
        <Text className='report-new__hint'>{REASON_TEXT[route.reason]}</Text>
      </View>
      <View className='report-new__done-buttons'>
        <BigButton id='open-report' onClick={() => go(routes.report(report.id))}>
          看办理进度
        </BigButton>
        <BigButton kind='secondary' onClick={onAnother}>
          再报一件
        </BigButton>
        <BigButton id='submitted-mine' kind='secondary' onClick={() => go(routes.myReports)}>
          查看我的上报
        </BigButton>
        <BigButton id='submitted-home' kind='secondary' onClick={goHome}>
          回到首页
        </BigButton>
      </View>
    </View>
  )
}
