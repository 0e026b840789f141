import { Text, View } from '@tarojs/components'
import type { StaffMove } from '@pingan/shared/contracts'
import { useState } from 'react'

import BigButton from '../../components/big-button'
import NoteField from './note-field'

type Move = 'escalate' | 'handBack' | 'supervise' | 'answerSupervision'
export type Grid = { code: string; name: string }
export type SupervisionRequest = { move: Move; note: string; gridCode?: string }

type Props = {
  /** The moves caseActions answers; only these four are shown here. */
  moves: readonly StaffMove[]
  /** For 下派: the grids caseActions offers. */
  grids: readonly Grid[]
  /** A 督办 awaits the owner's answer. */
  pending: boolean
  busy: boolean
  onSubmit: (request: SupervisionRequest) => void
}

/** Each move's words: the button that opens it, its form's title, the note's placeholder, and the confirm. */
const WORDS: Record<Move, { open: string; title: string; placeholder: string; confirm: string; missing: string }> = {
  escalate: {
    open: '上报上级',
    title: '上报上级：交给上一级处理',
    placeholder: '上报的原因（必填）',
    confirm: '确认上报上级',
    missing: '请写明上报的原因',
  },
  handBack: {
    open: '下派到网格',
    title: '下派给哪个网格',
    placeholder: '下派的原因（必填）',
    confirm: '确认下派',
    missing: '请写明下派的原因',
  },
  supervise: { open: '督办', title: '督办：办理方须回复', placeholder: '督办意见（必填）', confirm: '发出督办', missing: '请写督办意见' },
  answerSupervision: {
    open: '回复督办',
    title: '回复上级督办',
    placeholder: '回复内容（必填）',
    confirm: '提交回复',
    missing: '请写回复内容',
  },
}
const ORDER: readonly Move[] = ['answerSupervision', 'escalate', 'handBack', 'supervise']

/**
 * 上报上级, 下派 (to a grid picked from those offered), 督办 and 回复督办: each a button opening its form with
 * a required note (the server refuses a blank one), shown only when caseActions offers the move. An
 * answer owed to a 督办 comes first.
 */
export default function SupervisionMoves({ moves, grids, pending, busy, onSubmit }: Props) {
  const [open, setOpen] = useState<Move>()
  const offered = ORDER.filter((move) => moves.includes(move))
  if (offered.length === 0) return null
  return (
    <View className='staff-case__supervision' id='supervision-moves'>
      {pending && <Text className='staff-case__hint'>上级督办待回复</Text>}
      {open ? (
        <MoveForm key={open} move={open} grids={grids} busy={busy} onSubmit={onSubmit} onCancel={() => setOpen(undefined)} />
      ) : (
        offered.map((move) => (
          <BigButton
            key={move}
            id={`start-${move}`}
            kind={move === 'answerSupervision' ? 'primary' : 'secondary'}
            disabled={busy}
            onClick={() => setOpen(move)}
          >
            {WORDS[move].open}
          </BigButton>
        ))
      )}
    </View>
  )
}

type FormProps = {
  move: Move
  grids: readonly Grid[]
  busy: boolean
  onSubmit: (request: SupervisionRequest) => void
  onCancel: () => void
}

function MoveForm({ move, grids, busy, onSubmit, onCancel }: FormProps) {
  const [note, setNote] = useState('')
  const [gridCode, setGridCode] = useState<string>()
  const words = WORDS[move]
  const trimmed = note.trim()
  const missing = move === 'handBack' && !gridCode ? '请选择网格' : trimmed === '' ? words.missing : undefined
  return (
    <View className='staff-case__form' id={`${move}-form`}>
      <Text className='staff-case__label'>{words.title}</Text>
      {move === 'handBack' && (
        <View role='radiogroup' aria-label='下派给哪个网格'>
          {grids.map((grid) => (
            <View
              key={grid.code}
              id={`grid-${grid.code}`}
              role='radio'
              aria-checked={grid.code === gridCode}
              className={`staff-case__choice${grid.code === gridCode ? ' staff-case__choice--chosen' : ''}`}
              onClick={() => setGridCode(grid.code)}
            >
              <Text className='staff-case__choice-name'>{grid.code === gridCode ? `✓ ${grid.name}` : grid.name}</Text>
              <Text className='staff-case__choice-hint'>{grid.code}</Text>
            </View>
          ))}
        </View>
      )}
      <NoteField id={`${move}-note`} value={note} onChange={setNote} placeholder={words.placeholder} />
      {missing && <Text className='staff-case__hint'>{missing}</Text>}
      <BigButton
        id={`confirm-${move}`}
        disabled={!!missing}
        loading={busy}
        onClick={() => !missing && onSubmit({ move, note: trimmed, ...(gridCode && move === 'handBack' && { gridCode }) })}
      >
        {words.confirm}
      </BigButton>
      <BigButton kind='secondary' disabled={busy} onClick={onCancel}>
        取消
      </BigButton>
    </View>
  )
}
