import { useDidHide, useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'

/**
 * Calls `tick` every `ms` while the page is on screen and `active`; stops when the page is hidden (another
 * page on top, the app in the background) and ticks once on coming back, then goes on.
 */
export function usePolling(tick: () => void, ms: number, active = true): void {
  const [shown, setShown] = useState(true)
  const tickRef = useRef(tick)
  tickRef.current = tick
  const hidden = useRef(false)
  useDidShow(() => {
    if (hidden.current) tickRef.current()
    hidden.current = false
    setShown(true)
  })
  useDidHide(() => {
    hidden.current = true
    setShown(false)
  })
  useEffect(() => {
    if (!shown || !active) return undefined
    const timer = setInterval(() => tickRef.current(), ms)
    return () => clearInterval(timer)
  }, [shown, active, ms])
}

/** The current time, moving on every `ms` while `active` (countdowns on screen). */
export function useNow(ms: number, active = true): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!active) return undefined
    setNow(Date.now())
    const timer = setInterval(() => setNow(Date.now()), ms)
    return () => clearInterval(timer)
  }, [ms, active])
  return now
}
