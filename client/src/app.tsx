import { useEffect, type PropsWithChildren } from 'react'

import { applyCareModeClass, isCareMode, watchCareMode } from './device/care-mode'
import { focusablePages } from './h5-page-focus'
import { labelTitleBar } from './h5-title-bar'
import { watchPrivacyRequests } from './privacy/privacy-requests'
import './app.scss'

// Registered once, before any page asks for location or photos (mini-program only).
watchPrivacyRequests()

// Taro renders the current page as `children`; app-wide providers will wrap it here.
function App({ children }: PropsWithChildren) {
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return
    // The router adds its bar beside the app's root; wait a frame if it is not there yet.
    if (!labelTitleBar()) requestAnimationFrame(() => labelTitleBar())
    // 长辈模式: one class on <html> for every page (app.scss), following the switch as it changes.
    applyCareModeClass(isCareMode())
    const stopCareMode = watchCareMode(applyCareModeClass)
    const stopFocus = focusablePages()
    return () => {
      stopCareMode()
      stopFocus()
    }
  }, [])
  return children
}

export default App
