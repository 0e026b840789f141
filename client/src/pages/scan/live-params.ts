import { useEffect, useState } from 'react'

type Params = Partial<Record<string, string>>

/** The query of a hash route (`#/pages/scan/index?scene=…`), as Taro's router would hand it over. */
export function hashParams(hash: string): Params {
  const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : ''
  const params: Params = {}
  for (const [key, value] of new URLSearchParams(query)) params[key] = value
  return params
}

/**
 * The page's parameters, kept current. The browser build keeps a page's instance when a link to the same page
 * opens in the same tab (another grid's code): `useRouter()` still holds the first link's, so this re-reads the
 * address whenever it changes. The mini-program opens a new page for every scan: its parameters stand.
 */
export function useLiveParams(initial: Params): Params {
  const [params, setParams] = useState(initial)
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return
    const onChange = () => {
      const path = window.location.hash.split('?')[0] ?? ''
      // Only while this page is the one showing: a hash change to another page is not ours to read.
      if (path.endsWith('/pages/scan/index')) setParams(hashParams(window.location.hash))
    }
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return params
}
