import Taro from '@tarojs/taro'

// WeChat holds a privacy API (location, album, camera) until the user answers the app's own consent
// popup. The listener is registered once, at app start; whichever page is on screen shows the popup
// (components/privacy-consent) and answers. Nothing else waits on it: declining fails only the API
// that asked, and the page carries on.

type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void
type Listener = (pending: boolean) => void

let pendingResolve: Resolve | undefined
const listeners = new Set<Listener>()

function notify(): void {
  for (const listener of listeners) listener(pendingResolve !== undefined)
}

/** Registers the platform listener (weapp only; the browser build has no privacy gate). */
export function watchPrivacyRequests(): void {
  if (process.env.TARO_ENV !== 'weapp') return
  Taro.onNeedPrivacyAuthorization((resolve) => {
    // A second request while one is open replaces it: the user answers once for both.
    pendingResolve?.({ event: 'disagree' })
    pendingResolve = resolve
    notify()
  })
}

/** Subscribes a popup to whether a request is waiting; returns the unsubscribe. */
export function onPrivacyRequest(listener: Listener): () => void {
  listeners.add(listener)
  listener(pendingResolve !== undefined)
  return () => listeners.delete(listener)
}

/** The popup was shown to the user (the platform wants to know before the answer). */
export function privacyPopupShown(): void {
  pendingResolve?.({ event: 'exposureAuthorization' })
}

/** Answers the waiting request: `agree` must name the `open-type="agreePrivacyAuthorization"` button tapped. */
export function answerPrivacyRequest(agree: boolean, buttonId?: string): void {
  const resolve = pendingResolve
  pendingResolve = undefined
  resolve?.(agree ? { event: 'agree', buttonId } : { event: 'disagree' })
  notify()
}
