import { Text, View } from '@tarojs/components'

import BigButton from '../components/big-button'
import { go, routes } from '../routes'
import type { useRaiseHelp } from './use-raise-help'

type Raise = ReturnType<typeof useRaiseHelp>

/**
 * 发出求助 and its countdown: a very large 取消 (an accidental tap is undone) beside 立即发出 (someone in a
 * panic need not wait). A failure says what happened prominently, points at the numbers below and, where a
 * second try can help, sends the same call again. `pending`: a press whose answer never came.
 */
export default function HelpRaise({ raise, pending }: { raise: Raise; pending?: boolean }) {
  const { state } = raise
  if (state.phase === 'counting') {
    return (
      <View className='help-raise help-raise--counting' id='help-countdown' role='alert'>
        <Text className='help-raise__count'>{`${state.secondsLeft} 秒后发出求助`}</Text>
        <View className='help-raise__cancel' id='help-countdown-cancel' onClick={raise.cancel}>
          <Text>取消</Text>
        </View>
        <View className='help-raise__now' id='help-send-now' onClick={raise.sendNow}>
          <Text>立即发出</Text>
        </View>
      </View>
    )
  }
  if (state.phase === 'sending') {
    return (
      <View className='help-raise' id='help-sending' aria-busy='true'>
        <Text className='help-raise__count'>正在发出求助…</Text>
        <Text className='help-raise__hint'>如果情况紧急，请同时拨打下面的电话。</Text>
      </View>
    )
  }
  if (state.phase === 'failed') {
    const code = state.error.code
    const retryable = code !== 'RATE.LIMITED' && code !== 'GRID.NOT_JOINED'
    return (
      <View className='help-raise help-raise--failed' id='help-failed' role='alert'>
        <Text className='help-raise__failed-title'>求助没有发出去</Text>
        <Text className='help-raise__failed-text'>{state.error.message}</Text>
        <Text className='help-raise__failed-text'>请直接拨打下面的电话：报警 110，急救 120，或您的网格员。</Text>
        {retryable && (
          <BigButton id='help-retry' kind='danger' onClick={raise.retry}>
            重新发出求助
          </BigButton>
        )}
        {code === 'GRID.NOT_JOINED' && (
          <BigButton id='help-join' kind='secondary' onClick={() => go(routes.scan)}>
            扫码加入网格
          </BigButton>
        )}
      </View>
    )
  }
  return (
    <View className='help-raise' id='help-idle'>
      {pending && <Text className='help-raise__failed-text'>上次的求助可能没有发出去，请再点一次（不会重复发出）。</Text>}
      <View className='help-raise__button' id='help-raise' onClick={pending ? raise.retry : raise.start}>
        <Text className='help-raise__button-text'>{pending ? '重新发出求助' : '发出求助'}</Text>
      </View>
      <Text className='help-raise__hint'>点了以后有 5 秒可以取消。求助会马上通知您的网格员，他们会尽快赶来或给您打电话。</Text>
    </View>
  )
}
