import { Text, View } from '@tarojs/components'

import './index.scss'

export type CallButtonProps = {
  role: string
  name: string
  phone: string
  onCall: (phone: string) => void
}

/**
 * One staff member with a large call button. The mini-program uses the native component in
 * src/native/call-button (index.weapp.tsx); this is the browser build's and the tests' twin, with the
 * same look and the same `onCall(phone)`.
 */
export default function CallButton({ role, name, phone, onCall }: CallButtonProps) {
  return (
    <View className='call-button'>
      <View className='call-button__who'>
        <Text className='call-button__role'>{role}</Text>
        <Text className='call-button__name'>{name}</Text>
      </View>
      <View
        className={`call-button__action${phone ? '' : ' call-button__action--disabled'}`}
        aria-label={`给${role}${name}打电话`}
        onClick={() => phone && onCall(phone)}
      >
        打电话
      </View>
    </View>
  )
}
