import { Button, View } from '@tarojs/components'
import type { ReactNode } from 'react'

import './index.scss'

type Props = {
  children: ReactNode
  onClick?: () => void
  kind?: 'primary' | 'secondary' | 'danger'
  disabled?: boolean
  loading?: boolean
  id?: string
}

/**
 * The app's button: at least 96 design px tall (48 CSS px, above WeChat's 44 px minimum), full width,
 * large text. Taro's own Button keeps it native in the mini-program and light in the bundle.
 *
 * While loading it shows a spinner of its own, always in the tree and only shown or hidden: Taro's
 * `loading` makes the browser build's Button (a Stencil element) insert its icon among the children React
 * manages, which threw `insertBefore` in the console whenever the label changed with it (正在提交…).
 */
export default function BigButton({ children, onClick, kind = 'primary', disabled, loading, id }: Props) {
  return (
    <Button
      id={id}
      className={`big-button big-button--${kind}${disabled || loading ? ' big-button--disabled' : ''}`}
      // Only when true: the browser build renders `disabled="false"`, which Taro's own CSS reads as disabled.
      disabled={disabled || loading || undefined}
      aria-busy={loading || undefined}
      // The browser build's Button is a custom element whose `disabled` assistive technology does not read.
      aria-disabled={disabled || loading || undefined}
      onClick={() => onClick?.()}
    >
      <View className={`big-button__spinner${loading ? ' big-button__spinner--on' : ''}`} aria-hidden />
      {children}
    </Button>
  )
}
