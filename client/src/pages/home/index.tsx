import { Text, View } from '@tarojs/components'

import { ErrorView, LoadingView } from '../../components/page-state'
import PrivacyConsent from '../../components/privacy-consent'
import { isCaseWorker, useMe } from '../../hooks/use-me'
import { useReturnRefresh } from '../../hooks/use-return-refresh'
import GridCardView from './grid-card'
import QuickActions from './quick-actions'
import './index.scss'

// 首页: who I am, my grid and its staff (with call buttons), and the few things a resident does.
export default function HomePage() {
  const me = useMe()
  useReturnRefresh(() => void me.reload())

  return (
    <View className='home'>
      <PrivacyConsent />
      <View className='home__header'>
        <Text className='home__title'>平安网格</Text>
        <Text className='home__subtitle'>{me.data ? `您好，${me.data.name}` : '发现在网格，处置在网格'}</Text>
      </View>
      {me.data ? (
        <>
          <QuickActions staff={isCaseWorker(me.data)} />
          <GridCardView grid={me.data.joinedGrid} />
        </>
      ) : me.error ? (
        <ErrorView error={me.error} onRetry={() => void me.reload()} />
      ) : (
        <LoadingView />
      )}
    </View>
  )
}
