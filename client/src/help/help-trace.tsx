import { Text, View } from '@tarojs/components'
import type { HelpCallView } from '@pingan/shared/contracts'

import { stepText, stepTime } from './help-labels'

/** Every step of a call, the first first, each with its time: who was told, who answered, what was done. */
export default function HelpTrace({ call }: { call: HelpCallView }) {
  return (
    <View className='help-trace' id='help-trace'>
      <Text className='help-section__label'>经过</Text>
      {call.steps.map((step) => (
        <View key={step.seq} className='help-trace__step'>
          <Text className='help-trace__time'>{stepTime(step.at)}</Text>
          <Text className='help-trace__text'>{stepText(step, call.viewerIs)}</Text>
        </View>
      ))}
    </View>
  )
}
