import { Text, View } from '@tarojs/components'
import { useState, type MouseEvent } from 'react'

import './index.scss'

export type CallButtonProps = {
  role: string
  name: string
  phone: string
  onCall: (phone: string) => void
}

/** Copies the number where the browser lets a page write the clipboard, else selects it for the person to copy. */
async function copyNumber(phone: string, numberId: string): Promise<string> {
  try {
    await navigator.clipboard.writeText(phone)
    return '号码已复制'
  } catch {
    // An http page (the demo on a LAN) has no clipboard API: select the number for the system's own 复制.
    const number = document.getElementById(numberId)
    const selection = window.getSelection()
    if (number && selection) {
      selection.removeAllRanges()
      const range = document.createRange()
      range.selectNodeContents(number)
      selection.addRange(range)
    }
    return '号码已选中，长按可复制'
  }
}

/**
 * One staff member with a large call button. The mini-program uses the native component in
 * src/native/call-button (index.weapp.tsx); this is the browser build's and the tests' twin, with the
 * same look and the same `onCall(phone)`. The number is on the line, selectable, with 复制号码: a
 * computer or a tablet has no dialler, and there the tap on 打电话 changes nothing anyone can see. The button
 * is a real `tel:` link (a phone's browser offers to call or copy it on a long press); a tap goes through
 * `onCall`, which dials as the app does everywhere.
 */
export default function CallButton({ role, name, phone, onCall }: CallButtonProps) {
  const [told, setTold] = useState<string>()
  const numberId = `call-number-${role}-${phone}`
  const call = (event: MouseEvent) => {
    event.preventDefault()
    if (phone) onCall(phone)
  }
  return (
    <View className='call-button'>
      <View className='call-button__who'>
        <Text className='call-button__role'>{role}</Text>
        <Text className='call-button__name'>{name}</Text>
        {phone && (
          <Text className='call-button__phone' id={numberId} userSelect>
            {phone}
          </Text>
        )}
      </View>
      <View className='call-button__actions'>
        {phone ? (
          <a className='call-button__action' href={`tel:${phone}`} aria-label={`给${role}${name}打电话`} onClick={call}>
            打电话
          </a>
        ) : (
          <View className='call-button__action call-button__action--disabled' aria-label={`${role}${name}没有留电话`}>
            没有电话
          </View>
        )}
        {phone && (
          <View className='call-button__copy' role='button' onClick={() => void copyNumber(phone, numberId).then(setTold)}>
            {told ?? '复制号码'}
          </View>
        )}
      </View>
    </View>
  )
}
