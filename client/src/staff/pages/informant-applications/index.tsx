import { Text, Textarea, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { informantApplicationsContract, reviewInformantContract, type InformantApplicationView } from '@pingan/shared/contracts'
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

const STATUS_SHORT: Record<InformantApplicationView['status'], string> = {
  pending: '待审核',
  approved: '信息员',
  refused: '未通过',
  removed: '已取消',
}

type Decision = 'approve' | 'refuse' | 'remove'
/** What each decision is called, what its words are asked as, and what the page says once it is made. */
const DECISIONS: Record<Decision, { confirm: string; asked?: string; example?: string; done: string }> = {
  approve: { confirm: '通过', done: '已通过，成为本网格信息员' },
  refuse: { confirm: '确定不通过', asked: '不通过的原因（申请人能看到）', example: '如：本网格信息员已够', done: '未通过' },
  remove: { confirm: '取消资格', asked: '取消资格的原因（他能看到）', example: '如：已搬离本网格', done: '已取消信息员资格' },
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className='orders__row'>
      <Text className='orders__row-label'>{label}</Text>
      <Text className='orders__row-value'>{value}</Text>
    </View>
  )
}

/**
 * A pending application's 通过 (asked once more) or 不通过 with words; an informant's 取消资格 with words,
 * asked once more. The words are what the applicant reads in 消息.
 */
function ReviewActions({ application, onDone }: { application: InformantApplicationView; onDone: (words: string) => void }) {
  const [asking, setAsking] = useState<Decision>()
  const [writing, setWriting] = useState<'refuse' | 'remove'>()
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<CallError>()
  const review = async (decision: Decision) => {
    setBusy(true)
    setFailure(undefined)
    try {
      const base = { gridCode: application.gridCode, personId: application.personId }
      await call(reviewInformantContract, decision === 'approve' ? { ...base, decision } : { ...base, decision, reason: reason.trim() })
      onDone(`${application.name}：${DECISIONS[decision].done}`)
    } catch (error) {
      setFailure(asCallError(error))
    } finally {
      setBusy(false)
      setAsking(undefined)
    }
  }
  const key = application.personId
  const pending = application.status === 'pending'
  return (
    <View className='orders__actions'>
      {failure && (
        <View className='orders__error' role='alert'>
          {failure.message}
        </View>
      )}
      {writing ? (
        <>
          <Text className='orders__label'>{DECISIONS[writing].asked}</Text>
          <Textarea
            id={`${writing}-reason-${key}`}
            className='orders__textarea orders__textarea--short'
            value={reason}
            maxlength={-1}
            placeholder={DECISIONS[writing].example}
            onInput={(e) => setReason(e.detail.value)}
          />
          <BigButton
            id={`confirm-${writing}-${key}`}
            kind='danger'
            disabled={reason.trim() === ''}
            loading={busy}
            onClick={() => (writing === 'remove' ? setAsking('remove') : void review('refuse'))}
          >
            {DECISIONS[writing].confirm}
          </BigButton>
          <BigButton kind='secondary' onClick={() => setWriting(undefined)}>
            返回
          </BigButton>
        </>
      ) : pending ? (
        <>
          <BigButton id={`approve-${key}`} onClick={() => setAsking('approve')}>
            通过
          </BigButton>
          <BigButton id={`refuse-${key}`} kind='secondary' onClick={() => setWriting('refuse')}>
            不通过
          </BigButton>
        </>
      ) : (
        <BigButton id={`remove-${key}`} kind='secondary' onClick={() => setWriting('remove')}>
          取消信息员资格
        </BigButton>
      )}
      <ConfirmDialog
        id={`confirm-approve-${key}`}
        open={asking === 'approve'}
        title={`同意${application.name}当信息员？`}
        message='通过后，他在本网格上报的问题核实受理，按以奖代补发奖励金。'
        confirmText='通过'
        busy={busy}
        onConfirm={() => void review('approve')}
        onCancel={() => setAsking(undefined)}
      />
      <ConfirmDialog
        id={`confirm-remove-dialog-${key}`}
        open={asking === 'remove'}
        title={`取消${application.name}的信息员资格？`}
        message='取消后，他再上报只记爱心积分；已发的奖励不受影响。'
        confirmText='取消资格'
        cancelText='再想想'
        danger
        busy={busy}
        onConfirm={() => void review('remove')}
        onCancel={() => setAsking(undefined)}
      />
    </View>
  )
}

/** One application: who, what they said, and where it stands. */
function ApplicationCard({ application, onDone }: { application: InformantApplicationView; onDone: (words: string) => void }) {
  const decidable = application.status === 'pending' || application.status === 'approved'
  return (
    <View className='orders__card' id={`application-${application.personId}`} data-status={application.status}>
      <View className='orders__head'>
        <Text className='orders__name'>{application.name}</Text>
        <Text className={`orders__chip informant-applications__chip--${application.status}`}>{STATUS_SHORT[application.status]}</Text>
      </View>
      <View className='orders__rows'>
        <Row label='电话' value={application.phone} />
        <Row label='自述' value={application.motive} />
        <Row label='提交' value={formatDateTime(application.appliedAt)} />
        {application.decidedAt !== undefined && <Row label='审核' value={formatDateTime(application.decidedAt)} />}
        {application.reason && <Row label='原因' value={application.reason} />}
      </View>
      {decidable && <ReviewActions application={application} onDone={onDone} />}
    </View>
  )
}

/**
 * 信息员 (`?grid=<code>&name=<grid name>`): a grid's 兼职信息员 applications for its 网格员/网格长, pending first
 * (the longest waiting first), then the latest decided; 通过, 不通过 with words, and an informant's 取消资格.
 */
export default function InformantApplicationsPage() {
  const params = useRouter().params
  const grid = routeParam(params.grid)
  const name = routeParam(params.name)
  const [told, setTold] = useState<string>()
  const list = usePagedList((cursor) => call(informantApplicationsContract, { gridCode: grid, cursor, limit: 20 }), [grid])
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))

  return (
    <View className='orders informant-applications' id='informant-applications'>
      <View className='orders__card'>
        <Text className='orders__title'>{`${name || grid}的信息员`}</Text>
        <Text className='orders__hint'>居民申请当兼职信息员，审核通过后，他在本网格上报的有效问题按以奖代补发奖励金。</Text>
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
        <EmptyView text='还没有人申请当信息员' />
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
