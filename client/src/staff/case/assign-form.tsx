import { Text, View } from '@tarojs/components'
import type { AssignablePerson, RequestOf, assignReportContract } from '@pingan/shared/contracts'
import { useState } from 'react'

import BigButton from '../../components/big-button'
import { STAFF_ROLE_LABELS } from '../../labels/staff-labels'
import NoteField from './note-field'

export type Assignee = RequestOf<typeof assignReportContract>['to']
export type AssignRequest = { to: Assignee; note?: string }

type Props = {
  /** Whom the caller may hand the case to (caseActions): the grid's 网格员/网格长, then departments. */
  people: readonly AssignablePerson[]
  departments: readonly string[]
  busy: boolean
  phrases: readonly string[]
  onSubmit: (request: AssignRequest) => void
  /** The button's words (批量派单 says how many). */
  submitText?: string
  /** 改派: the note is the reason, and required. */
  reasonRequired?: boolean
}

type Choice = { key: string; label: string; hint: string; to: Assignee }

function choicesOf(people: readonly AssignablePerson[], departments: readonly string[]): Choice[] {
  return [
    ...people.map((p) => ({
      key: `person-${p.id}`,
      label: p.self ? `${p.name}（我自己处理）` : p.name,
      hint: STAFF_ROLE_LABELS[p.role],
      to: { kind: 'person', personId: p.id } as const,
    })),
    ...departments.map((d) => ({ key: `department-${d}`, label: d, hint: '协办部门', to: { kind: 'department', department: d } as const })),
  ]
}

/**
 * 派单: pick who handles the case and add a note for them. A 网格员, who may only take a case himself, gets
 * one button instead of a list of one.
 */
export default function AssignForm({ people, departments, busy, phrases, onSubmit, submitText = '派单', reasonRequired }: Props) {
  const choices = choicesOf(people, departments)
  const [chosen, setChosen] = useState<string>()
  const [note, setNote] = useState('')
  const withNote = note.trim() ? { note: note.trim() } : {}
  const only = choices.length === 1 && people[0]?.self && !reasonRequired ? choices[0] : undefined
  if (only) {
    return (
      <View className='staff-case__form' id='assign-form'>
        <BigButton id='assign-self' loading={busy} onClick={() => onSubmit({ to: only.to, ...withNote })}>
          我自己处理
        </BigButton>
      </View>
    )
  }
  const choice = choices.find((c) => c.key === chosen)
  const missing = !choice ? '请选择办理人' : reasonRequired && !note.trim() ? '请写明改派的原因' : undefined
  return (
    <View className='staff-case__form' id='assign-form' role='radiogroup' aria-label='派给谁'>
      <Text className='staff-case__label'>派给谁办理</Text>
      {choices.map((c) => (
        <View
          key={c.key}
          id={`assignee-${c.key}`}
          role='radio'
          aria-checked={c.key === chosen}
          className={`staff-case__choice${c.key === chosen ? ' staff-case__choice--chosen' : ''}`}
          onClick={() => setChosen(c.key)}
        >
          <Text className='staff-case__choice-name'>{c.key === chosen ? `✓ ${c.label}` : c.label}</Text>
          <Text className='staff-case__choice-hint'>{c.hint}</Text>
        </View>
      ))}
      <NoteField
        id='assign-note'
        value={note}
        onChange={setNote}
        placeholder={reasonRequired ? '改派的原因（必填）' : '给办理人的说明（可不填）'}
        phrases={phrases}
      />
      {missing && <Text className='staff-case__hint'>{missing}</Text>}
      <BigButton
        id='confirm-assign'
        disabled={!!missing}
        loading={busy}
        onClick={() => choice && !missing && onSubmit({ to: choice.to, ...withNote })}
      >
        {submitText}
      </BigButton>
    </View>
  )
}
