import { Loading } from '@taroify/core'
import { Text, View } from '@tarojs/components'
import { go, routes } from '../../routes'
import type { ReactNode } from 'react'

import type { CallError } from '../../transport'
import BigButton from '../big-button'
import './index.scss'

/** Shown while the first answer is on its way: words, not a blank screen or a bare spinner. */
export function LoadingView({ text = '正在加载，请稍等…' }: { text?: string }) {
  return (
    <View className='page-state' aria-busy='true'>
      <Loading className='page-state__loading' direction='vertical'>
        <Text className='page-state__text'>{text}</Text>
      </Loading>
    </View>
  )
}

/** A failed call: what happened in plain words, and a big button to try again. */
export function ErrorView({ error, onRetry }: { error: CallError; onRetry?: () => void }) {
  const signIn = process.env.TARO_ENV === 'h5' && error.code === 'SIGNIN_REQUIRED'
  return (
    <View className='page-state page-state--error' role='alert'>
      <Text className='page-state__text'>{error.message}</Text>
      {signIn ? (
        <BigButton onClick={() => go(routes.signin)}>选择演示用户</BigButton>
      ) : (
        onRetry && <BigButton onClick={onRetry}>重试</BigButton>
      )}
    </View>
  )
}

/** Nothing to show yet, said kindly, with the next step if there is one. */
export function EmptyView({ text, children }: { text: string; children?: ReactNode }) {
  return (
    <View className='page-state page-state--empty'>
      <Text className='page-state__text'>{text}</Text>
      {children}
    </View>
  )
}
