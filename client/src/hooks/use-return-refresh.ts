import { useDidShow } from '@tarojs/taro'
import { useRef } from 'react'

/**
 * Calls `refresh` whenever the user comes back to this page (not on its first showing, when the page's
 * own load is already running): a list then shows what changed on the page they came from.
 */
export function useReturnRefresh(refresh: () => void): void {
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) refresh()
    shown.current = true
  })
}
