import { useEffect, useState } from 'react'

/** From this width (CSS px) the staff pages put the case beside the list (a desktop browser). */
export const WIDE_MIN_PX = 1024

const QUERY = `(min-width: ${WIDE_MIN_PX}px)`

function matches(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(QUERY).matches
}

/**
 * Whether the screen is wide enough for two columns, following the window as it is resized. Only the
 * browser build can be wide; the mini-program runs at a phone's width, so it never asks.
 */
export function useWide(): boolean {
  const [wide, setWide] = useState(() => process.env.TARO_ENV === 'h5' && matches())
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof window.matchMedia !== 'function') return undefined
    const list = window.matchMedia(QUERY)
    const follow = () => setWide(list.matches)
    list.addEventListener('change', follow)
    return () => list.removeEventListener('change', follow)
  }, [])
  return wide
}
