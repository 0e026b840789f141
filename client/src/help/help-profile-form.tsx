import { Input, Text, Textarea, View } from '@tarojs/components'
import { helpProfileSchema, saveHelpProfileContract, type HelpProfileView } from '@pingan/shared/contracts'
import { HELP_PROFILE_NOTE_MAX, HELP_PROFILE_TAGS, type HelpProfileTag } from '@pingan/shared/help'
import { useEffect, useState } from 'react'

import BigButton from '../components/big-button'
import { asCallError, call, type CallError } from '../transport'

type Form = { tags: HelpProfileTag[]; note: string; phone: string }

function formOf(profile: HelpProfileView | undefined): Form {
  return { tags: [...(profile?.tags ?? [])], note: profile?.note ?? '', phone: profile?.phone ?? '' }
}

/**
 * 求助资料: what the resident chooses to tell whoever answers their call for help (tags, a few words, a
 * number to call back), saved with saveHelpProfile. Sent with each call, to those who answer it only.
 */
export default function HelpProfileForm({ profile }: { profile: HelpProfileView | undefined }) {
  const [form, setForm] = useState<Form>(() => formOf(profile))
  const [saving, setSaving] = useState(false)
  const [saved, setSaved] = useState(false)
  const [error, setError] = useState<CallError>()
  const [problem, setProblem] = useState<string>()
  useEffect(() => setForm(formOf(profile)), [profile])

  const update = (patch: Partial<Form>) => {
    setForm((f) => ({ ...f, ...patch }))
    setSaved(false)
  }
  const toggle = (tag: HelpProfileTag) =>
    update({
      tags: form.tags.includes(tag)
        ? form.tags.filter((t) => t !== tag)
        : HELP_PROFILE_TAGS.filter((t) => t === tag || form.tags.includes(t)),
    })

  const save = async () => {
    const request = {
      tags: form.tags,
      ...(form.note.trim() && { note: form.note.trim() }),
      ...(form.phone.trim() && { phone: form.phone.trim() }),
    }
    const checked = helpProfileSchema.safeParse(request)
    if (!checked.success) {
      setProblem(request.phone && !/^1[0-9]{10}$/.test(request.phone) ? '回拨电话请填 11 位手机号。' : '填写的内容有误，请检查。')
      return
    }
    setProblem(undefined)
    setSaving(true)
    setError(undefined)
    try {
      const answer = await call(saveHelpProfileContract, checked.data)
      setForm(formOf(answer.profile))
      setSaved(true)
    } catch (e) {
      setError(asCallError(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='help-section' id='help-profile'>
      <Text className='help-section__title'>求助资料</Text>
      <Text className='help-section__hint'>您愿意让来帮忙的人知道的情况。只发给响应您求助的工作人员，不会给别人看。</Text>
      <View className='help-chips'>
        {HELP_PROFILE_TAGS.map((tag) => (
          <View
            key={tag}
            id={`help-tag-${tag}`}
            className={`help-chip${form.tags.includes(tag) ? ' help-chip--chosen' : ''}`}
            aria-pressed={form.tags.includes(tag)}
            onClick={() => toggle(tag)}
          >
            <Text>{form.tags.includes(tag) ? `✓ ${tag}` : tag}</Text>
          </View>
        ))}
      </View>
      <Text className='help-section__field'>想说的话（可不填）</Text>
      <Textarea
        id='help-profile-note'
        className='help-input help-input--note'
        value={form.note}
        maxlength={HELP_PROFILE_NOTE_MAX}
        placeholder='如：有心脏病，药在床头柜'
        onInput={(e) => update({ note: e.detail.value })}
      />
      <Text className='help-section__field'>回拨电话（可不填）</Text>
      <Input
        id='help-profile-phone'
        className='help-input'
        type='number'
        value={form.phone}
        placeholder='11 位手机号'
        onInput={(e) => update({ phone: e.detail.value })}
      />
      {problem && <Text className='help-section__problem'>{problem}</Text>}
      {error && <Text className='help-section__problem'>{error.message}</Text>}
      {saved && (
        <Text className='help-section__done' id='help-profile-saved'>
          已保存
        </Text>
      )}
      <BigButton id='save-help-profile' kind='secondary' loading={saving} onClick={() => void save()}>
        保存求助资料
      </BigButton>
    </View>
  )
}
