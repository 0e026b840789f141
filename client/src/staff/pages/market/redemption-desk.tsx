import { Input, Text, Textarea, View } from '@tarojs/components'
import {
  cancelRedemptionContract,
  handOverRedemptionContract,
  marketRedemptionsContract,
  type StaffRedemptionView,
} from '@pingan/shared/contracts'
import { useState } from 'react'

import BigButton from '../../../components/big-button'
import LoadMore from '../../../components/load-more'
import { EmptyView, ErrorView, LoadingView } from '../../../components/page-state'
import { usePagedList } from '../../../hooks/use-paged-list'
import { formatDateTime } from '../../../labels/format'
import { REDEMPTION_STATUS_LABELS } from '../../../market/market-labels'
import { asCallError, call, type CallError } from '../../../transport'

/** 核销 against the code the resident shows, or 退回 with a reason the resident reads; both once. */
function DeskActions({ redemption, onDone }: { redemption: StaffRedemptionView; onDone: (words: string) => void }) {
  const [code, setCode] = useState('')
  const [refusing, setRefusing] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<CallError>()
  const run = async (work: () => Promise<string>) => {
    setBusy(true)
    setFailure(undefined)
    try {
      onDone(await work())
    } catch (error) {
      setFailure(asCallError(error))
    } finally {
      setBusy(false)
    }
  }
  const handOver = () =>
    run(async () => {
      await call(handOverRedemptionContract, { redemptionId: redemption.id, code: code.trim() })
      return `${redemption.personName}：“${redemption.itemName}”已核销领取`
    })
  const refuse = () =>
    run(async () => {
      await call(cancelRedemptionContract, { redemptionId: redemption.id, reason: reason.trim() })
      return `${redemption.personName}：“${redemption.itemName}”已退回，积分已退还`
    })
  const id = redemption.id
  return (
    <View className='orders__actions'>
      {failure && (
        <View className='orders__error' role='alert'>
          {failure.message}
        </View>
      )}
      {refusing ? (
        <>
          <Text className='orders__label'>退回的原因（居民能看到）</Text>
          <Textarea
            id={`refuse-reason-${id}`}
            className='orders__textarea'
            value={reason}
            maxlength={100}
            onInput={(e) => setReason(e.detail.value)}
          />
          <BigButton id={`refuse-send-${id}`} kind='danger' loading={busy} disabled={reason.trim() === ''} onClick={() => void refuse()}>
            退回并退还积分
          </BigButton>
          <BigButton kind='secondary' onClick={() => setRefusing(false)}>
            不退回
          </BigButton>
        </>
      ) : (
        <>
          <Text className='orders__field'>居民出示的 6 位兑换码</Text>
          <Input
            id={`code-input-${id}`}
            className='orders__input'
            type='number'
            maxlength={6}
            value={code}
            placeholder='例如 042917'
            onInput={(e) => setCode(e.detail.value)}
          />
          <BigButton id={`hand-over-${id}`} loading={busy} disabled={!/^\d{6}$/.test(code.trim())} onClick={() => void handOver()}>
            核对兑换码，确认领取
          </BigButton>
          <BigButton id={`refuse-${id}`} kind='secondary' onClick={() => setRefusing(true)}>
            退回兑换
          </BigButton>
        </>
      )}
    </View>
  )
}

/** 兑换核销: the community's redemptions, those waiting first (oldest first); the code is the resident's to show. */
export default function RedemptionDesk() {
  const [done, setDone] = useState('')
  const list = usePagedList((cursor) => call(marketRedemptionsContract, { cursor, limit: 20 }))
  if (list.firstLoad) return <LoadingView />
  if (list.items.length === 0 && list.error) return <ErrorView error={list.error} onRetry={() => void list.reload()} />
  return (
    <View id='market-redemptions'>
      {done !== '' && (
        <Text className='orders__status' id='desk-done'>
          {done}
        </Text>
      )}
      {list.items.length === 0 && <EmptyView text='还没有居民兑换' />}
      {list.items.map((redemption) => (
        <View className='orders__card' key={redemption.id} id={`desk-${redemption.id}`} data-status={redemption.status}>
          <View className='orders__head'>
            <Text className='orders__name'>{`${redemption.personName} · ${redemption.itemName}`}</Text>
            <Text className={`orders__chip${redemption.status === 'requested' ? ' orders__chip--booked' : ' orders__chip--cancelled'}`}>
              {REDEMPTION_STATUS_LABELS[redemption.status]}
            </Text>
          </View>
          <Text className='orders__meta'>
            {`${redemption.points} 分　${formatDateTime(redemption.requestedAt)} 兑换`}
            {redemption.endedAt !== undefined
              ? `　${formatDateTime(redemption.endedAt)} ${REDEMPTION_STATUS_LABELS[redemption.status]}`
              : ''}
          </Text>
          {redemption.reason && <Text className='orders__hint'>{`退回原因：${redemption.reason}`}</Text>}
          {redemption.status === 'requested' && (
            <DeskActions
              redemption={redemption}
              onDone={(words) => {
                setDone(words)
                void list.reload()
              }}
            />
          )}
        </View>
      ))}
      <LoadMore
        hasMore={list.hasMore}
        loading={list.loadingMore}
        error={list.error}
        onMore={() => void list.loadMore()}
        count={list.items.length}
      />
    </View>
  )
}
