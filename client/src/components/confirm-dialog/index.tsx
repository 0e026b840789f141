import { Button, Dialog } from '@taroify/core'
import { Text } from '@tarojs/components'
import type { ReactNode } from 'react'

import './index.scss'

type Props = {
  open: boolean
  title: string
  /** What will happen, in plain words. */
  message?: ReactNode
  confirmText: string
  cancelText?: string
  /** The confirm word in the danger colour (turning a report down, withdrawing …). */
  danger?: boolean
  /** While the action runs: the confirm button spins and neither button reacts. */
  busy?: boolean
  onConfirm: () => void
  onCancel: () => void
  id?: string
}

/**
 * Asks before an action that cannot be taken back (受理 awards points, 不予受理 tells the reporter no).
 * Taroify's Dialog (backdrop, focus on the sheet, enter/leave animation, scroll lock) in our large type:
 * sizes come from `styles/_theme.scss`. Tapping outside does nothing: only the two words decide.
 */
export default function ConfirmDialog({
  open,
  title,
  message,
  confirmText,
  cancelText = '取消',
  danger,
  busy,
  onConfirm,
  onCancel,
  id,
}: Props) {
  return (
    <Dialog id={id} className='confirm-dialog' open={open} onClose={() => !busy && onCancel()}>
      <Dialog.Header className='confirm-dialog__title'>{title}</Dialog.Header>
      {message !== undefined && (
        <Dialog.Content>
          <Text className='confirm-dialog__message'>{message}</Text>
        </Dialog.Content>
      )}
      <Dialog.Actions>
        <Button className='confirm-dialog__cancel' disabled={busy || undefined} onClick={onCancel}>
          {cancelText}
        </Button>
        <Button
          className={`confirm-dialog__confirm${danger ? ' confirm-dialog__confirm--danger' : ''}`}
          loading={busy || undefined}
          onClick={() => !busy && onConfirm()}
        >
          {confirmText}
        </Button>
      </Dialog.Actions>
    </Dialog>
  )
}
