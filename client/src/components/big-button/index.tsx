import { Button } from '@tarojs/components'
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
 */
export default function BigButton({ children, onClick, kind = 'primary', disabled, loading, id }: Props) {
  return (
    <Button
      id={id}
      className={`big-button big-button--${kind}${disabled || loading ? ' big-button--disabled' : ''}`}
      // Only when true: the browser build renders `disabled="false"`, which Taro's own CSS reads as disabled.
      disabled={disabled || loading || undefined}
      loading={loading || undefined}
      onClick={() => onClick?.()}
    >
      {children}
    </Button>
  )
}
