import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import {
  applyInformantContract,
  myInformantApplicationsContract,
  type InformantApplicationView,
  type RequestOf,
} from '@pingan/shared/contracts'
import { useState } from 'react'

import BigButton from '../../../components/big-button'
import { ErrorView, LoadingView } from '../../../components/page-state'
import { useCall } from '../../../hooks/use-call'
import { formatDateTime } from '../../../labels/format'
import { go, routes } from '../../../routes'
import { asCallError, call, type CallError } from '../../../transport'
import '../../../orders/orders.scss'
import './index.scss'

type Form = { name: string; phone: string; motive: string; otherGrid: boolean; gridCode: string }

export const STATUS_WORDS: Record<InformantApplicationView['status'], string> = {
  pending: '已提交，等网格员审核',
  approved: '已通过，您是这个网格的信息员',
  refused: '没有通过',
  removed: '已取消信息员资格',
}

/** What the form still lacks, in words, as applyInformant's own schema judges it. */
export function formProblems(request: RequestOf<typeof applyInformantContract>): string[] {
  const checked = applyInformantContract.request.safeParse(request)
  if (checked.success) return []
  const fields = new Set(checked.error.issues.map((issue) => String(issue.path[0])))
  const words: Record<string, string> = {
    name: '请写您的真实姓名',
    phone: '请填写 11 位手机号',
    motive: '请说说为什么想当信息员、平时能看到哪些情况（200 字以内）',
    gridCode: '网格编码不对，请照网格二维码下方的编码填写',
  }
  return [...fields].map((field) => words[field] ?? '有一项填得不对，请检查')
}

/** One of my applications: the grid, where it stands, the grid worker's words, when. */
function ApplicationCard({ application }: { application: InformantApplicationView }) {
  return (
    <View className='orders__card' id={`informant-application-${application.gridCode}`} data-status={application.status}>
      <Text className='orders__meta informant-apply__grid'>{application.gridName}</Text>
      <Text className={`orders__status informant-apply__status--${application.status}`}>{STATUS_WORDS[application.status]}</Text>
      {application.reason && <Text className='orders__hint'>{`网格员说：${application.reason}`}</Text>}
      <Text className='orders__meta'>
        {application.decidedAt !== undefined
          ? `审核于 ${formatDateTime(application.decidedAt)}`
          : `提交于 ${formatDateTime(application.appliedAt)}`}
      </Text>
      {(application.status === 'refused' || application.status === 'removed') && <Text className='orders__hint'>可以修改后重新申请。</Text>}
    </View>
  )
}

/**
 * 申请成为兼职信息员: a resident applies to the grid they joined (or one they name by code) with their real
 * name, mobile and a few words; their applications and where each stands (myInformantApplications) above.
 */
export default function InformantApplyPage() {
  const mine = useCall(() => call(myInformantApplicationsContract, {}))
  const [form, setForm] = useState<Form>({ name: '', phone: '', motive: '', otherGrid: false, gridCode: '' })
  const [tried, setTried] = useState(false)
  const [sending, setSending] = useState(false)
  const [failure, setFailure] = useState<CallError>()
  usePullDownRefresh(() => void mine.reload().finally(() => Taro.stopPullDownRefresh()))
  const update = (change: Partial<Form>) => setForm((f) => ({ ...f, ...change }))

  if (!mine.data) return mine.error ? <ErrorView error={mine.error} onRetry={() => void mine.reload()} /> : <LoadingView />
  const { applications, joinedGrid } = mine.data
  const named = form.otherGrid || !joinedGrid
  const target = named ? form.gridCode.trim() : joinedGrid.code
  const current = applications.find((a) => a.gridCode === target)
  const request: RequestOf<typeof applyInformantContract> = {
    ...(named && { gridCode: target }),
    name: form.name.trim(),
    phone: form.phone.trim(),
    motive: form.motive.trim(),
  }
  const problems = formProblems(request)
  const open = !current || current.status === 'refused' || current.status === 'removed'
  const submit = async () => {
    setTried(true)
    if (problems.length > 0) return
    setSending(true)
    setFailure(undefined)
    try {
      const answer = await call(applyInformantContract, request)
      mine.setData({
        ...mine.data!,
        applications: [answer.application, ...mine.data!.applications.filter((a) => a.id !== answer.application.id)],
      })
      setTried(false)
    } catch (error) {
      setFailure(asCallError(error))
    } finally {
      setSending(false)
    }
  }

  return (
    <View className='orders informant-apply' id='informant-apply'>
      <View className='orders__card'>
        <Text className='orders__title'>申请成为兼职信息员</Text>
        <Text className='orders__hint'>
          在网格里看到安全隐患、矛盾纠纷等问题，随手拍上报；经网格员核实受理的，按以奖代补发奖励金，每月结算。由网格员或网格长审核。
        </Text>
      </View>
      {applications.map((application) => (
        <ApplicationCard key={application.id} application={application} />
      ))}
      <View className='orders__card'>
        <Text className='orders__field'>申请哪个网格</Text>
        {joinedGrid && (
          <View className='orders__choices'>
            <View
              id='grid-joined'
              className={`orders__choice${form.otherGrid ? '' : ' orders__choice--chosen'}`}
              onClick={() => update({ otherGrid: false })}
            >
              <Text>{joinedGrid.name}</Text>
            </View>
            <View
              id='grid-other'
              className={`orders__choice${form.otherGrid ? ' orders__choice--chosen' : ''}`}
              onClick={() => update({ otherGrid: true })}
            >
              <Text>其他网格</Text>
            </View>
          </View>
        )}
        {named && (
          <>
            <Input
              id='informant-grid-code'
              className='orders__input'
              value={form.gridCode}
              placeholder='网格编码，如 410399001001-03'
              onInput={(e) => update({ gridCode: e.detail.value })}
            />
            {!joinedGrid && (
              <Text className='orders__hint'>
                网格编码印在网格二维码下方。也可以先
                <Text className='orders__link' onClick={() => go(routes.scan)}>
                  扫码入格
                </Text>
                。
              </Text>
            )}
          </>
        )}
      </View>
      {open ? (
        <>
          <View className='orders__card'>
            <Text className='orders__field'>真实姓名</Text>
            <Input
              id='informant-name'
              className='orders__input'
              value={form.name}
              placeholder='您的真实姓名'
              onInput={(e) => update({ name: e.detail.value })}
            />
            <Text className='orders__field'>手机号</Text>
            <Input
              id='informant-phone'
              className='orders__input'
              type='number'
              value={form.phone}
              placeholder='11 位手机号'
              onInput={(e) => update({ phone: e.detail.value })}
            />
            <Text className='orders__field'>为什么想当信息员，平时能看到哪些情况</Text>
            <Textarea
              id='informant-motive'
              className='orders__textarea orders__textarea--short'
              value={form.motive}
              maxlength={-1}
              placeholder='如：我是快递员，每天走遍这几个小区'
              onInput={(e) => update({ motive: e.detail.value })}
            />
          </View>
          <View className='orders__actions'>
            {tried &&
              problems.map((problem) => (
                <Text key={problem} className='orders__problem'>
                  {problem}
                </Text>
              ))}
            {failure && (
              <View className='orders__error' role='alert' id='apply-error'>
                {failure.message}
              </View>
            )}
            <BigButton id='submit-informant' loading={sending} onClick={() => void submit()}>
              {current ? '重新申请' : '提交申请'}
            </BigButton>
          </View>
        </>
      ) : (
        <View className='orders__card' id='informant-apply-done'>
          <Text className='orders__hint'>
            {current?.status === 'approved'
              ? '您已是这个网格的信息员，上报的问题核实有效就有奖励。'
              : '申请已提交，网格员审核后会在消息里告诉您。'}
          </Text>
        </View>
      )}
    </View>
  )
}
