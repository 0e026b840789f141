import { useDidShow } from '@tarojs/taro'
import { myMessagesContract } from '@pingan/shared/contracts'
import { useState } from 'react'

import { call } from '../transport'

/**
 * How many of my messages are unread, asked each time the page shows (so it drops after a visit to 消息).
 * Undefined until known, or when the call fails: the entry then shows no number rather than an error.
 */
export function useUnreadMessages(): number | undefined {
  const [unread, setUnread] = useState<number>()
  useDidShow(() => {
    call(myMessagesContract, { limit: 1 }).then(
      (page) => setUnread(page.unread),
      () => undefined,
    )
  })
  return unread
}
