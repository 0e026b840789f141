import type { PropsWithChildren } from 'react'

import { watchPrivacyRequests } from './privacy/privacy-requests'
import './app.scss'

// Registered once, before any page asks for location or photos (mini-program only).
watchPrivacyRequests()

// Taro renders the current page as `children`; app-wide providers will wrap it here.
function App({ children }: PropsWithChildren) {
  return children
}

export default App
