import { useCallback, useEffect, useRef, useState } from 'react'

import { asCallError, type CallError } from '../transport'

export type CallState<T> = {
  /** The last data that arrived; kept while a reload runs, so a page never goes blank. */
  data: T | undefined
  error: CallError | undefined
  loading: boolean
}

/**
 * Runs `load` when the page mounts and whenever `reload` is called; the latest answer wins, so a slow
 * earlier call can never overwrite a newer one.
 */
export function useCall<T>(load: () => Promise<T>, deps: readonly unknown[] = []) {
  const [state, setState] = useState<CallState<T>>({ data: undefined, error: undefined, loading: true })
  const latest = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load

  const reload = useCallback(async () => {
    const ticket = ++latest.current
    setState((s) => ({ ...s, loading: true, error: undefined }))
    try {
      const data = await loadRef.current()
      if (ticket === latest.current) setState({ data, error: undefined, loading: false })
    } catch (error) {
      if (ticket === latest.current) setState((s) => ({ ...s, error: asCallError(error), loading: false }))
    }
  }, [])

  useEffect(() => {
    void reload()
    // `deps` decide when the page needs fresh data (e.g. a different report id).
  }, deps)

  const setData = useCallback((data: T) => setState({ data, error: undefined, loading: false }), [])
  return { ...state, reload, setData }
}
