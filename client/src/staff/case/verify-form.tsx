import { Text, View } from '@tarojs/components'
import { useState } from 'react'

import BigButton from '../../components/big-button'
import NoteField from './note-field'

export type VerifyRequest = { decision: 'close' | 'rework'; note?: string }

type Props = {
  busy: boolean
  /** Which of the two the caller may make (both, for a verifier). */
  canClose: boolean
  canRework: boolean
  phrases: { close: readonly string[]; rework: readonly string[] }
  onSubmit: (request: VerifyRequest) => void
}

/**
 * 核查: 结案 when the work holds up, or 返工 with a note saying what is still wrong (the handler reads it;
 * the server refuses a rework without one, so the button waits for it). One note field serves both;
 * its 常用语 are both moves'.
 */
export default function VerifyForm({ busy, canClose, canRework, phrases, onSubmit }: Props) {
  const [note, setNote] = useState('')
  const trimmed = note.trim()
  const withNote = trimmed ? { note: trimmed } : {}
  return (
    <View className='staff-case__form' id='verify-form'>
      <Text className='staff-case__label'>核查：到现场看过了吗？</Text>
      <NoteField
        id='verify-note'
        value={note}
        onChange={setNote}
        placeholder='核查意见（返工时必填）'
        phrases={[...(canClose ? phrases.close : []), ...(canRework ? phrases.rework : [])]}
      />
      {canClose && (
        <BigButton id='close-report' loading={busy} onClick={() => onSubmit({ decision: 'close', ...withNote })}>
          核查通过，结案
        </BigButton>
      )}
      {canRework && (
        <>
          {trimmed === '' && <Text className='staff-case__hint'>返工要写明哪里还没办好</Text>}
          <BigButton
            id='rework-report'
            kind='danger'
            disabled={trimmed === '' || busy}
            onClick={() => onSubmit({ decision: 'rework', note: trimmed })}
          >
            返工重办
          </BigButton>
        </>
      )}
    </View>
  )
}
