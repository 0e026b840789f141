import { Text, Textarea, View } from '@tarojs/components'
import {
  RESPONSE_TEMPLATES_MAX,
  RESPONSE_TEMPLATE_TEXT_MAX,
  saveResponseTemplatesContract,
  type ResponseTemplateAction,
  type ResponseTemplateSet,
} from '@pingan/shared/contracts'
import { useState } from 'react'

import BigButton from '../../components/big-button'
import { call, asCallError } from '../../transport'
import { forgetTemplates } from '../case/use-templates'

/** Each move's name as the case page's buttons say it. */
export const ACTION_NAMES: Record<ResponseTemplateAction, string> = {
  accept: '受理',
  reject: '不予受理',
  assign: '派单',
  start: '开始办理',
  resolve: '办结',
  close: '核查结案',
  rework: '返工',
}

/**
 * What keeps a move's phrases from being saved, as a sentence (the contract's limits, checked here so the
 * 网格长 reads which phrase and why rather than the server's generic refusal); undefined when they may go.
 */
export function templatesProblem(texts: readonly string[]): string | undefined {
  if (texts.length > RESPONSE_TEMPLATES_MAX)
    return `最多 ${RESPONSE_TEMPLATES_MAX} 条，请删去 ${texts.length - RESPONSE_TEMPLATES_MAX} 条。`
  const empty = texts.findIndex((t) => t.trim() === '')
  if (empty >= 0) return `第 ${empty + 1} 条是空的，请填写或删除。`
  const long = texts.findIndex((t) => t.trim().length > RESPONSE_TEMPLATE_TEXT_MAX)
  if (long >= 0) return `第 ${long + 1} 条有 ${texts[long]!.trim().length} 字，每条不能超过 ${RESPONSE_TEMPLATE_TEXT_MAX} 字。`
  return undefined
}

type Props = { gridCode: string; set: ResponseTemplateSet }
type Note = { kind: 'ok' | 'error'; text: string }

/**
 * One move's 常用语 for the grid: each phrase editable in place, 删除 beside it, 添加一条 up to the limit,
 * 保存 (the whole list at once, as saveResponseTemplates takes it); an empty list saved is the county's
 * defaults again. A refusal stays on the section as a sentence; the edits are kept to fix and resend.
 */
export default function TemplateSection({ gridCode, set }: Props) {
  const [saved, setSaved] = useState(set)
  const [texts, setTexts] = useState<string[]>(set.texts)
  const [busy, setBusy] = useState(false)
  const [note, setNote] = useState<Note>()
  const edit = (next: string[]) => {
    setTexts(next)
    setNote(undefined)
  }
  const save = async (list: string[]) => {
    const problem = templatesProblem(list)
    if (problem) return setNote({ kind: 'error', text: problem })
    setBusy(true)
    try {
      const { template } = await call(saveResponseTemplatesContract, { gridCode, action: set.action, texts: list.map((t) => t.trim()) })
      forgetTemplates()
      setSaved(template)
      setTexts(template.texts)
      setNote({ kind: 'ok', text: template.custom ? '已保存，本网格办案时就用这些常用语。' : '已恢复为全县默认的常用语。' })
    } catch (error) {
      setNote({ kind: 'error', text: asCallError(error).message })
    } finally {
      setBusy(false)
    }
  }
  const id = `templates-${set.action}`
  const full = texts.length >= RESPONSE_TEMPLATES_MAX
  return (
    <View className='staff-templates__section' id={id} data-custom={saved.custom}>
      <View className='staff-templates__head'>
        <Text className='staff-templates__action'>{ACTION_NAMES[set.action]}</Text>
        <Text className='staff-templates__source'>{saved.custom ? '本网格自定' : '全县默认'}</Text>
      </View>
      {texts.length === 0 && <Text className='staff-templates__hint'>还没有常用语。保存空的列表，就用全县默认的。</Text>}
      {texts.map((text, i) => (
        <View key={i} className='staff-templates__item'>
          <Textarea
            id={`${id}-${i}`}
            className='staff-templates__input'
            value={text}
            autoHeight
            maxlength={RESPONSE_TEMPLATE_TEXT_MAX + 50}
            placeholder='写一句常用的话'
            onInput={(e) => edit(texts.map((t, j) => (j === i ? e.detail.value : t)))}
          />
          <Text className='staff-templates__delete' onClick={() => edit(texts.filter((_, j) => j !== i))}>
            删除
          </Text>
        </View>
      ))}
      <Text
        className={`staff-templates__add${full ? ' staff-templates__add--off' : ''}`}
        id={`${id}-add`}
        onClick={() => !full && edit([...texts, ''])}
      >
        {full ? `已有 ${RESPONSE_TEMPLATES_MAX} 条，不能再添加` : '＋ 添加一条'}
      </Text>
      {note && (
        <View role={note.kind === 'error' ? 'alert' : 'status'} id={`${id}-note`}>
          <Text className={`staff-templates__note staff-templates__note--${note.kind}`}>{note.text}</Text>
        </View>
      )}
      <BigButton id={`${id}-save`} loading={busy} onClick={() => void save(texts)}>
        保存{ACTION_NAMES[set.action]}的常用语
      </BigButton>
      {saved.custom && (
        <BigButton id={`${id}-reset`} kind='secondary' disabled={busy} onClick={() => void save([])}>
          恢复全县默认
        </BigButton>
      )}
    </View>
  )
}
