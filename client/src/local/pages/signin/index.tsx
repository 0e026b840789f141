import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'

import { EmptyView, ErrorView, LoadingView } from '../../../components/page-state'
import { useCall } from '../../../hooks/use-call'
import { forgetMe } from '../../../hooks/use-me'
import { routes } from '../../../routes'
import { asCallError, listSigninUsers, signIn, signedInUser, type CallError, type SigninUser } from '../../../transport'
import { matchesSearch, roleText } from '../../signin-search'
import './index.scss'

function describe(user: SigninUser, current: string | undefined): string {
  const label = [roleText(user), user.place].filter(Boolean).join(' · ')
  return user.openid === current ? `${label}（当前登录）` : label
}

// 本地登录 (browser build only): WeChat would say who the user is; here one picks a seeded demo user,
// so every role — resident, informant, grid worker … — can be tried; a search finds one among the county's 140.
export default function SigninPage() {
  const users = useCall(listSigninUsers)
  const [current, setCurrent] = useState(signedInUser()?.openid)
  const [busy, setBusy] = useState<string>()
  const [error, setError] = useState<CallError>()
  const [typed, setTyped] = useState('')

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
  const shown = users.data.filter((user) => matchesSearch(user, typed))
  return (
    <View className='signin'>
      <Text className='signin__intro'>这是本地演示版。选一位演示用户登录，就能以他的身份使用。</Text>
      <Input
        id='signin-search'
        className='signin__search'
        type='text'
        value={typed}
        placeholder='搜姓名、角色或网格，如：赵丽、网格员、第3网格'
        onInput={(e) => setTyped(e.detail.value)}
      />
      {error && <Text className='signin__error'>{error.message}</Text>}
      {shown.length === 0 && <Text className='signin__none'>{`没有找到“${typed.trim()}”，换个词试试。`}</Text>}
      {shown.map((user) => (
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
