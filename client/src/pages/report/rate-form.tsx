import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'

import BigButton from '../../components/big-button'
import { SATISFACTION_STARS, satisfactionLegend, satisfactionWord } from '../../labels/rating-labels'

export type RateRequest = { satisfaction: number; comment?: string }

/** `onSubmit` settles once the rating has been tried; the page shows a failure. */
type Props = { busy: boolean; onSubmit: (request: RateRequest) => Promise<void> }

/**
 * 评价: one to five stars, each saying in words what it means (不满意 / 基本满意 / 满意), and a comment.
 * A case is rated once, so nothing is sent until a star is chosen.
 */
export default function RateForm({ busy, onSubmit }: Props) {
  const [satisfaction, setSatisfaction] = useState<number>()
  const [comment, setComment] = useState('')
  const submit = () => {
    if (satisfaction === undefined) return
    const trimmed = comment.trim()
    void onSubmit({ satisfaction, ...(trimmed !== '' && { comment: trimmed }) })
  }

  return (
    <View className='report-actions__form' id='rate-form'>
      <Text className='report-actions__label'>这件事办得怎么样？</Text>
      <View className='report-actions__stars' role='radiogroup' aria-label='满意程度'>
        {SATISFACTION_STARS.map((star) => (
          <View
            key={star}
            id={`rate-star-${star}`}
            role='radio'
            aria-checked={satisfaction === star}
            aria-label={`${star} 星，${satisfactionWord(star)}`}
            className={`report-actions__star${satisfaction !== undefined && star <= satisfaction ? ' report-actions__star--on' : ''}`}
            onClick={() => setSatisfaction(star)}
          >
            <Text>{satisfaction !== undefined && star <= satisfaction ? '★' : '☆'}</Text>
          </View>
        ))}
      </View>
      <Text className='report-actions__verdict' id='rate-word'>
        {satisfaction === undefined ? '请点星星打分' : `${satisfaction} 星：${satisfactionWord(satisfaction)}`}
      </Text>
      {satisfaction === undefined && <Text className='report-actions__hint report-actions__legend'>{satisfactionLegend()}</Text>}
      <Textarea
        id='rate-comment'
        className='report-actions__input'
        value={comment}
        maxlength={500}
        placeholder='想说的话（可不填）'
        onInput={(e) => setComment(e.detail.value)}
      />
      <BigButton id='submit-rating' disabled={satisfaction === undefined} loading={busy} onClick={submit}>
        提交评价
      </BigButton>
    </View>
  )
}
