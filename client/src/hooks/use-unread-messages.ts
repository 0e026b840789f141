import { useDidShow } from '@tarojs/taro'
import { myMessagesContract } from '@pingan/shared/contracts'
import { useEffect, useRef, useState } from 'react'

import { call } from '../transport'

/**
 * How many of my messages are unread: asked when the component mounts (a home tile appears only after
 * the page has shown, so its first show is already past) and each time the page shows again (so it
 * drops after a visit to 消息); one question at a time. Undefined until known, or when the call fails:
 * the entry then shows no number rather than an error.
 */
export function useUnreadMessages(): number | undefined {
  const [unread, setUnread] = useState<number>()
  const asking = useRef(false)
  const ask = () => {
    if (asking.current) return
    asking.current = true
    call(myMessagesContract, { limit: 1 })
      .then(
        (page) => setUnread(page.unread),
        () => undefined,
      )
      .finally(() => {
        asking.current = false
      })
  }
  useEffect(() => ask(), [])
  useDidShow(ask)
  return unread
}
