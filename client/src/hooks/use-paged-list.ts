import { useCallback, useEffect, useRef, useState } from 'react'

import { asCallError, type CallError } from '../transport'

export type Page<T> = { items: T[]; nextCursor: string | null }

export type PagedListState<T> = {
  items: T[]
  /** True until the first page arrived (or failed). */
  firstLoad: boolean
  loadingMore: boolean
  error: CallError | undefined
  hasMore: boolean
}

/**
 * A list read a page at a time with the contracts' opaque cursors. `reload` starts over (pull to refresh,
 * coming back to the page); `loadMore` appends the next page; a failed page can be retried with either.
 */
export function usePagedList<T>(loadPage: (cursor: string | undefined) => Promise<Page<T>>, deps: readonly unknown[] = []) {
  const [state, setState] = useState<PagedListState<T>>({
    items: [],
    firstLoad: true,
    loadingMore: false,
    error: undefined,
    hasMore: false,
  })
  const cursor = useRef<string | null>(null)
  const latest = useRef(0)
  const busy = useRef(false)
  const loadRef = useRef(loadPage)
  loadRef.current = loadPage

  const fetchPage = useCallback(async (fresh: boolean) => {
    if (busy.current && !fresh) return
    const ticket = ++latest.current
    busy.current = true
    setState((s) => ({ ...s, loadingMore: !fresh, error: undefined }))
    try {
      const page = await loadRef.current(fresh ? undefined : (cursor.current ?? undefined))
      if (ticket !== latest.current) return
      cursor.current = page.nextCursor
      setState((s) => ({
        items: fresh ? page.items : [...s.items, ...page.items],
        firstLoad: false,
        loadingMore: false,
        error: undefined,
        hasMore: page.nextCursor !== null,
      }))
    } catch (error) {
      if (ticket === latest.current) setState((s) => ({ ...s, firstLoad: false, loadingMore: false, error: asCallError(error) }))
    } finally {
      if (ticket === latest.current) busy.current = false
    }
  }, [])

  const reload = useCallback(() => fetchPage(true), [fetchPage])
  const loadMore = useCallback(() => fetchPage(false), [fetchPage])

  useEffect(() => {
    void reload()
  }, deps)

  return { ...state, reload, loadMore }
}
