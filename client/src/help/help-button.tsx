import { Text, View } from '@tarojs/components'

import { go, routes } from '../routes'
import './help.scss'

/** The home's 一键求助: red, full width, near the top; opens the help page (nothing is sent from here). */
export default function HelpButton() {
  return (
    <View className='help-home-button' id='action-help' aria-label='一键求助' onClick={() => go(routes.help())}>
      <Text className='help-home-button__title'>一键求助</Text>
      <Text className='help-home-button__hint'>遇到危险或急事，点这里通知网格员</Text>
    </View>
  )
}
