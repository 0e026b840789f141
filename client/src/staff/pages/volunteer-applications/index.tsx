import { Text, Textarea, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { reviewVolunteerContract, volunteerApplicationsContract, type VolunteerApplicationView } from '@pingan/shared/contracts'
import { TASK_KIND_NAMES } from '@pingan/shared/service'
import { useState } from 'react'

import BigButton from '../../../components/big-button'
import ConfirmDialog from '../../../components/confirm-dialog'
import LoadMore from '../../../components/load-more'
import { EmptyView, ErrorView, LoadingView } from '../../../components/page-state'
import { usePagedList } from '../../../hooks/use-paged-list'
import { formatDateTime } from '../../../labels/format'
import { routeParam } from '../../../routes'
import { asCallError, call, type CallError } from '../../../transport'
import '../../../orders/orders.scss'
import './index.scss'

const STATUS_SHORT: Record<VolunteerApplicationView['status'], string> = { pending: '待审核', approved: '已通过', refused: '未通过' }

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className='orders__row'>
      <Text className='orders__row-label'>{label}</Text>
      <Text className='orders__row-value'>{value}</Text>
    </View>
  )
}

/** 通过 (asked once more) or 不通过 with a reason the applicant reads. */
function ReviewActions({ application, onDone }: { application: VolunteerApplicationView; onDone: (words: string) => void }) {
  const [approving, setApproving] = useState(false)
  const [refusing, setRefusing] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<CallError>()
  const review = async (decision: 'approve' | 'refuse') => {
    setBusy(true)
    setFailure(undefined)
    try {
      const base = { gridCode: application.gridCode, personId: application.personId }
      await call(reviewVolunteerContract, decision === 'approve' ? { ...base, decision } : { ...base, decision, reason: reason.trim() })
      onDone(decision === 'approve' ? `${application.name}：已通过，成为本网格志愿者` : `${application.name}：未通过`)
    } catch (error) {
      setFailure(asCallError(error))
    } finally {
      setBusy(false)
      setApproving(false)
    }
  }
  const key = application.personId
  return (
    <View className='orders__actions'>
      {failure && (
        <View className='orders__error' role='alert'>
          {failure.message}
        </View>
      )}
      {refusing ? (
        <>
          <Text className='orders__label'>不通过的原因（申请人能看到）</Text>
          <Textarea
            id={`refuse-reason-${key}`}
            className='orders__textarea orders__textarea--short'
            value={reason}
            maxlength={-1}
            placeholder='如：不是本网格居民'
            onInput={(e) => setReason(e.detail.value)}
          />
          <BigButton
            id={`confirm-refuse-${key}`}
            kind='danger'
            disabled={reason.trim() === ''}
            loading={busy}
            onClick={() => void review('refuse')}
          >
            确定不通过
          </BigButton>
          <BigButton kind='secondary' onClick={() => setRefusing(false)}>
            返回
          </BigButton>
        </>
      ) : (
        <>
          <BigButton id={`approve-${key}`} onClick={() => setApproving(true)}>
            通过
          </BigButton>
          <BigButton id={`refuse-${key}`} kind='secondary' onClick={() => setRefusing(true)}>
            不通过
          </BigButton>
        </>
      )}
      <ConfirmDialog
        id={`confirm-approve-${key}`}
        open={approving}
        title={`同意${application.name}报到？`}
        message='通过后，他可以在本网格的任务大厅接单。'
        confirmText='通过'
        busy={busy}
        onConfirm={() => void review('approve')}
        onCancel={() => setApproving(false)}
      />
    </View>
  )
}

/** One application: who, what they offer, and where it stands. */
function ApplicationCard({ application, onDone }: { application: VolunteerApplicationView; onDone: (words: string) => void }) {
  return (
    <View className='orders__card' id={`application-${application.personId}`} data-status={application.status}>
      <View className='orders__head'>
        <Text className='orders__name'>{application.name}</Text>
        <Text className={`orders__chip volunteer-applications__chip--${application.status}`}>{STATUS_SHORT[application.status]}</Text>
      </View>
      <View className='orders__rows'>
        <Row label='电话' value={application.phone} />
        <Row label='身份' value={application.partyMember ? '党员' : '群众'} />
        {application.workUnit && <Row label='单位' value={application.workUnit} />}
        {application.skills.length > 0 && <Row label='特长' value={application.skills.join('、')} />}
        {application.posts.length > 0 && <Row label='责任岗' value={application.posts.map((p) => TASK_KIND_NAMES[p]).join('、')} />}
        <Row label='提交' value={formatDateTime(application.appliedAt)} />
        {application.reason && <Row label='原因' value={application.reason} />}
      </View>
      {application.status === 'pending' && <ReviewActions application={application} onDone={onDone} />}
    </View>
  )
}

/**
 * 报到审核 (`?grid=<code>&name=<grid name>`): a grid's 网格报到 applications for its 网格员/网格长, pending
 * first (the longest waiting first), then the latest decided; 通过, or 不通过 with a reason.
 */
export default function VolunteerApplicationsPage() {
  const params = useRouter().params
  const grid = routeParam(params.grid)
  const name = routeParam(params.name)
  const [told, setTold] = useState<string>()
  const list = usePagedList((cursor) => call(volunteerApplicationsContract, { gridCode: grid, cursor, limit: 20 }), [grid])
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))

  return (
    <View className='orders volunteer-applications' id='volunteer-applications'>
      <View className='orders__card'>
        <Text className='orders__title'>{`${name || grid}的报到审核`}</Text>
        <Text className='orders__hint'>在职党员、志愿者到本网格报到，审核通过后可以接单服务。</Text>
      </View>
      {told && (
        <View className='orders__hint' id='review-told' role='status'>
          {told}
        </View>
      )}
      {list.firstLoad ? (
        <LoadingView />
      ) : list.items.length === 0 && list.error ? (
        <ErrorView error={list.error} onRetry={() => void list.reload()} />
      ) : list.items.length === 0 ? (
        <EmptyView text='还没有人来报到' />
      ) : (
        <>
          {list.items.map((application) => (
            <ApplicationCard
              key={application.id}
              application={application}
              onDone={(words) => {
                setTold(words)
                void list.reload()
              }}
            />
          ))}
          <LoadMore
            hasMore={list.hasMore}
            loading={list.loadingMore}
            error={list.error}
            onMore={() => void list.loadMore()}
            count={list.items.length}
          />
        </>
      )}
    </View>
  )
}
