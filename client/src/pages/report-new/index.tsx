import { Text, Textarea, View } from '@tarojs/components'
import { useDidShow, useRouter } from '@tarojs/taro'
import { REPORT_TEXT_MAX } from '@pingan/shared/contracts'
import { useEffect, useState } from 'react'

import BigButton from '../../components/big-button'
import PrivacyConsent from '../../components/privacy-consent'
import { askConsent } from '../../device/subscribe'
import { useCatalog } from '../../hooks/use-catalog'
import { draftProblems, hasContent } from '../../report-draft/draft'
import { useReportDraft } from '../../report-draft/use-report-draft'
import { useTextFromStart } from './text-from-start'
import AnonymousField from './anonymous-field'
import CategoryField from './category-field'
import LocationField from './location-field'
import NearbyReports from './nearby-reports'
import PhotoField from './photo-field'
import SubmittedView from './submitted-view'
import './index.scss'

// 随手拍: what (category, words, photos), where (device or map), and whether to stay anonymous. The
// draft is saved as it is typed; a failed submit keeps it and retries as the same report.
export default function ReportNewPage() {
  const form = useReportDraft()
  const { draft, update, submit } = form
  const scannedGrid = useRouter().params.grid
  const catalog = useCatalog()
  const categories = catalog.data?.categories

  useEffect(() => {
    if (scannedGrid && scannedGrid !== draft.scannedGridCode) update((d) => ({ ...d, scannedGridCode: scannedGrid }))
  }, [scannedGrid])
  useDidShow(form.reloadSaved)
  // A category the county has since withdrawn cannot be sent: ask again rather than fail on submit.
  const withdrawn = catalog.fresh && draft.categoryCode !== undefined && !categories?.some((c) => c.code === draft.categoryCode)
  useEffect(() => {
    if (withdrawn) update((d) => ({ ...d, categoryCode: undefined }))
  }, [withdrawn])

  // What the draft still lacks is said once they try to send it, not in red before they have typed a word.
  const [tried, setTried] = useState(false)
  useTextFromStart('#report-text', draft.text)

  if (submit.phase === 'done') return <SubmittedView result={submit.result} onAnother={form.startOver} />

  const problems = draftProblems(draft)
  // The tap that sends also asks consent for WeChat to tell them of 受理/不予受理 and 办结 (device/subscribe.ts).
  const send = () => {
    setTried(true)
    if (problems.length > 0) return
    void askConsent(['accepted', 'rejected', 'resolved'])
    void form.send()
  }
  const busy = submit.phase === 'submitting' || form.photos.progress.size > 0 || form.photos.adding > 0
  return (
    <View className='report-new'>
      <PrivacyConsent />
      {hasContent(draft) && <Text className='report-new__saved'>草稿已自动保存，离开后回来还在。</Text>}
      <CategoryField
        categories={categories}
        loading={catalog.loading}
        error={catalog.error}
        onRetry={() => void catalog.reload()}
        value={draft.categoryCode}
        onChange={(code) => update((d) => ({ ...d, categoryCode: code }))}
      />

      <View className='report-new__section'>
        <Text className='report-new__label'>说说看到了什么</Text>
        <Textarea
          id='report-text'
          className='report-new__textarea'
          value={draft.text}
          maxlength={REPORT_TEXT_MAX}
          placeholder='比如：3号楼楼道里堆了很多纸箱，挡住了消防通道'
          onInput={(e) => {
            const text = e.detail.value
            update((d) => ({ ...d, text }))
          }}
        />
      </View>

      <PhotoField
        photos={draft.photos}
        sources={form.photos.sources}
        progress={form.photos.progress}
        adding={form.photos.adding}
        onAdd={(paths) => void form.photos.add(paths)}
        onRetry={(no) => void form.photos.upload(no)}
        onCancel={form.photos.cancel}
        onRemove={form.photos.remove}
      />
      <LocationField location={draft.location} onChange={(location) => update((d) => ({ ...d, location }))} />
      <NearbyReports categoryCode={draft.categoryCode} location={draft.location?.lngLat} />
      <AnonymousField anonymous={draft.anonymous} onChange={(anonymous) => update((d) => ({ ...d, anonymous }))} />

      <View className='report-new__submit'>
        {submit.phase === 'failed' && (
          <Text className='report-new__error'>
            {submit.error.message}
            {submit.error.retryable ? ' 草稿还在，点下面的“重新提交”再试一次。' : ''}
          </Text>
        )}
        {(tried ? problems : []).map((problem) => (
          <Text key={problem} className='report-new__problem'>
            {problem}
          </Text>
        ))}
        <BigButton id='submit-report' loading={busy} onClick={send}>
          {submit.phase === 'submitting' ? '正在提交…' : submit.phase === 'failed' ? '重新提交' : '提交上报'}
        </BigButton>
      </View>
    </View>
  )
}
