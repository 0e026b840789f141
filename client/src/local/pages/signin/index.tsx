import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'

import { EmptyView, ErrorView, LoadingView } from '../../../components/page-state'
import { useCall } from '../../../hooks/use-call'
import { forgetMe } from '../../../hooks/use-me'
import { routes } from '../../../routes'
import { asCallError, listSigninUsers, signIn, signedInUser, type CallError, type SigninUser } from '../../../transport'
import './index.scss'

// Labels for users the sign-in file describes only by their role code.
const ROLE_NAMES: Record<string, string> = {
  resident: '居民',
  informant: '兼职信息员',
  volunteer: '志愿者',
  gridWorker: '网格员',
  gridLeader: '网格长',
  centre: '综治中心',
  police: '网格警',
  doctor: '网格医',
}

function describe(user: SigninUser, current: string | undefined): string {
  const label = ROLE_NAMES[user.label ?? ''] ?? user.label ?? ''
  return user.openid === current ? `${label}（当前登录）` : label
}

// 本地登录 (browser build only): WeChat would say who the user is; here one picks a seeded demo user,
// so every role — resident, informant, grid worker … — can be tried.
export default function SigninPage() {
  const users = useCall(listSigninUsers)
  const [current, setCurrent] = useState(signedInUser()?.openid)
  const [busy, setBusy] = useState<string>()
  const [error, setError] = useState<CallError>()

  const choose = async (openid: string) => {
    setBusy(openid)
    setError(undefined)
    try {
      await signIn(openid)
      forgetMe()
      setCurrent(openid)
      void Taro.reLaunch({ url: routes.home })
    } catch (e) {
      setError(asCallError(e))
    } finally {
      setBusy(undefined)
    }
  }

  if (users.error && !users.data) return <ErrorView error={users.error} onRetry={() => void users.reload()} />
  if (!users.data) return <LoadingView />
  if (users.data.length === 0) return <EmptyView text='本地云没有配置演示用户（任何 openid 都可以登录）。' />
  return (
    <View className='signin'>
      <Text className='signin__intro'>这是本地演示版。选一位演示用户登录，就能以他的身份使用。</Text>
      {error && <Text className='signin__error'>{error.message}</Text>}
      {users.data.map((user) => (
        <View
          key={user.openid}
          id={`signin-${user.openid}`}
          className={`signin__user${user.openid === current ? ' signin__user--current' : ''}`}
          onClick={() => void choose(user.openid)}
        >
          <Text className='signin__name'>{user.name ?? user.openid}</Text>
          <Text className='signin__label'>{busy === user.openid ? '正在登录…' : describe(user, current)}</Text>
        </View>
      ))}
    </View>
  )
}
