import type { PropsWithChildren } from 'react'

import './app.scss'

// Taro renders the current page as `children`; app-wide providers will wrap it here.
function App({ children }: PropsWithChildren) {
  return children
}

export default App
