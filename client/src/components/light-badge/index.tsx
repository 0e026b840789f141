import { Text, View } from '@tarojs/components'

import { LIGHT_LABELS } from '../../labels/report-labels'
import './index.scss'

type Light = keyof typeof LIGHT_LABELS

/** The time-limit light (绿/黄/红灯) as a coloured dot and a word, so it reads without colour vision too. */
export default function LightBadge({ light }: { light: Light | null }) {
  if (light === null) return null
  return (
    <View className={`light-badge light-badge--${light}`}>
      <View className='light-badge__dot' />
      <Text>{LIGHT_LABELS[light]}</Text>
    </View>
  )
}
