import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { homeKindOf } from '@pingan/shared/people'

import { ErrorView, LoadingView } from '../../components/page-state'
import PrivacyConsent from '../../components/privacy-consent'
import { useCareMode } from '../../device/care-mode'
import HelpAlerts from '../../help/help-alerts'
import HelpButton from '../../help/help-button'
import { isCaseWorker, useMe } from '../../hooks/use-me'
import { useReturnRefresh } from '../../hooks/use-return-refresh'
import { go, routes } from '../../routes'
import FollowedReports from './followed-reports'
import GridCardView from './grid-card'
import StaffHome from './staff-home'
import QuickActions, { CARE_MODE_ACTIONS } from './quick-actions'
import VolunteerHome from './volunteer-home'
import './index.scss'

// 首页: who I am; for staff their workbench (staff-home.tsx), for residents their grid and its staff (with
// call buttons); and the few things everyone does.
export default function HomePage() {
  const me = useMe()
  useReturnRefresh(() => void me.reload())
  const staffHome = me.data !== undefined && homeKindOf(me.data.roles) !== 'resident'
  const [careMode, setCareMode] = useCareMode()
  // 长辈模式's resident home: 一键求助 and three big tiles; the rest folded under 更多 until asked for.
  const simple = careMode && !staffHome
  const [more, setMore] = useState(false)

  return (
    <View className={`home${simple ? ' home--care' : ''}`}>
      <PrivacyConsent />
      <View className='home__header'>
        <Text className='home__title'>平安网格</Text>
        <Text className='home__subtitle'>{me.data ? `您好，${me.data.name}` : '发现在网格，处置在网格'}</Text>
        {/* 长辈模式: near the top, in words, tap-sized; a device preference (device/care-mode.ts). */}
        <View
          id='care-mode-switch'
          className={`home__care${careMode ? ' home__care--on' : ''}`}
          role='switch'
          aria-checked={careMode}
          onClick={() => setCareMode(!careMode)}
        >
          <Text className='home__care-title'>长辈模式</Text>
          <Text className='home__care-state'>{careMode ? '已开启' : '点此开启'}</Text>
        </View>
      </View>
      {me.data ? (
        <>
          {/* 一键求助: the staff's open calls above everything; a resident's (and volunteer's) button to call for help. */}
          {staffHome ? <HelpAlerts reminders /> : <HelpButton />}
          {staffHome && <StaffHome />}
          {simple && <QuickActions staff={false} only={CARE_MODE_ACTIONS} />}
          {simple && (
            <View id='home-more' className='home__more' role='button' aria-expanded={more} onClick={() => setMore(!more)}>
              <Text>{more ? '收起' : '更多'}</Text>
              <Text aria-hidden>{more ? '︿' : '﹀'}</Text>
            </View>
          )}
          {(!simple || more) && (
            <QuickActions
              staff={isCaseWorker(me.data)}
              informant={me.data.roles.includes('informant')}
              {...(simple ? { except: CARE_MODE_ACTIONS } : {})}
            />
          )}
          {/* Staff serve grids rather than join one: no "您还没有加入网格" for them. */}
          {(!simple || more) && (!staffHome || me.data.joinedGrid) && (
            <GridCardView grid={me.data.joinedGrid} informantOffer={!staffHome} />
          )}
          {/* A volunteer keeps the resident home, with their tasks, service and the task hall on it. */}
          {(!simple || more) && !staffHome && me.data.roles.includes('volunteer') && <VolunteerHome />}
          {(!simple || more) && !staffHome && <FollowedReports />}
          {/* 投诉建议 about the app itself, for anyone signed in (a place's problem is 随手拍). */}
          <Text className='home__feedback' id='open-feedback' onClick={() => go(routes.feedback)}>
            投诉建议 ›
          </Text>
        </>
      ) : me.error ? (
        <ErrorView error={me.error} onRetry={() => void me.reload()} />
      ) : (
        <LoadingView />
      )}
    </View>
  )
}
