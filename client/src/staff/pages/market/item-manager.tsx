import { Input, Text, Textarea, View } from '@tarojs/components'
import { marketItemsContract, saveMarketItemContract, type MarketItemView } from '@pingan/shared/contracts'
import { useRef, useState } from 'react'

import BigButton from '../../../components/big-button'
import LoadMore from '../../../components/load-more'
import { ErrorView, LoadingView } from '../../../components/page-state'
import { usePagedList } from '../../../hooks/use-paged-list'
import { stockText } from '../../../market/market-labels'
import { newIdempotencyKey } from '../../../report-draft/draft'
import { asCallError, call, type CallError } from '../../../transport'

type Draft = { name: string; description: string; price: string; addStock: string; limit: string; active: boolean }

const whole = (text: string) => (/^-?\d+$/.test(text.trim()) ? Number(text.trim()) : undefined)

/** The words of what is wrong with a draft, or none. */
function draftProblems(draft: Draft): string[] {
  const problems: string[] = []
  if (draft.name.trim() === '') problems.push('请写物品名称')
  const price = whole(draft.price)
  if (price === undefined || price < 1) problems.push('积分价格是 1 以上的整数')
  if (whole(draft.addStock || '0') === undefined) problems.push('库存数量是整数（减少时写负数）')
  const limit = draft.limit.trim() === '' ? 1 : whole(draft.limit)
  if (limit === undefined || limit < 1 || limit > 100) problems.push('每人限兑是 1 到 100 的整数，不限就空着')
  return problems
}

/** One item's form (新增 without `item`): terms, on or off, and stock to add — never set, redemptions take it meanwhile. */
function ItemForm({ item, onSaved, onClose }: { item?: MarketItemView; onSaved: (words: string) => void; onClose: () => void }) {
  const [draft, setDraft] = useState<Draft>({
    name: item?.name ?? '',
    description: item?.description ?? '',
    price: item ? String(item.pricePoints) : '',
    addStock: item ? '0' : '',
    limit: item?.perPersonLimit !== undefined ? String(item.perPersonLimit) : '',
    active: item?.active ?? true,
  })
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<CallError>()
  const key = useRef(newIdempotencyKey(Date.now()))
  const problems = draftProblems(draft)
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))
  const save = async () => {
    setBusy(true)
    setFailure(undefined)
    try {
      const limit = whole(draft.limit)
      const saved = await call(saveMarketItemContract, {
        ...(item ? { itemId: item.id } : { idempotencyKey: key.current }),
        name: draft.name.trim(),
        description: draft.description.trim(),
        pricePoints: whole(draft.price) ?? 0,
        addStock: whole(draft.addStock || '0') ?? 0,
        ...(limit !== undefined && { perPersonLimit: limit }),
        active: draft.active,
      })
      onSaved(`“${saved.item.name}”已保存，${stockText(saved.item.stock)}`)
    } catch (error) {
      setFailure(asCallError(error))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='orders__actions' id={item ? `item-form-${item.id}` : 'item-form-new'}>
      <Text className='orders__field'>物品名称</Text>
      <Input id='item-name' className='orders__input' maxlength={30} value={draft.name} onInput={(e) => update({ name: e.detail.value })} />
      <Text className='orders__field'>说明（领取地点等）</Text>
      <Textarea
        id='item-description'
        className='orders__textarea'
        maxlength={200}
        value={draft.description}
        onInput={(e) => update({ description: e.detail.value })}
      />
      <Text className='orders__field'>积分价格</Text>
      <Input
        id='item-price'
        className='orders__input'
        type='number'
        value={draft.price}
        onInput={(e) => update({ price: e.detail.value })}
      />
      <Text className='orders__field'>{item ? `增加库存（现在${stockText(item.stock)}，减少写负数）` : '库存数量'}</Text>
      <Input id='item-stock' className='orders__input' value={draft.addStock} onInput={(e) => update({ addStock: e.detail.value })} />
      <Text className='orders__field'>每人限兑（不限就空着）</Text>
      <Input
        id='item-limit'
        className='orders__input'
        type='number'
        value={draft.limit}
        onInput={(e) => update({ limit: e.detail.value })}
      />
      <View className='orders__choices'>
        {[true, false].map((active) => (
          <View
            key={String(active)}
            id={`item-active-${active}`}
            className={`orders__choice${draft.active === active ? ' orders__choice--chosen' : ''}`}
            onClick={() => update({ active })}
          >
            {active ? '上架兑换' : '暂停兑换'}
          </View>
        ))}
      </View>
      {problems.map((problem) => (
        <Text key={problem} className='orders__problem'>
          {problem}
        </Text>
      ))}
      {failure && (
        <View className='orders__error' role='alert'>
          {failure.message}
        </View>
      )}
      <BigButton id='item-save' loading={busy} disabled={problems.length > 0} onClick={() => void save()}>
        保存
      </BigButton>
      <BigButton kind='secondary' onClick={onClose}>
        不改了
      </BigButton>
    </View>
  )
}

/** 物品管理: every item of the community (those paused too), cheapest first, each editable; 新增物品 on top. */
export default function ItemManager() {
  const [editing, setEditing] = useState<string>()
  const [saved, setSaved] = useState('')
  const list = usePagedList((cursor) => call(marketItemsContract, { cursor, limit: 20 }))
  if (list.firstLoad) return <LoadingView />
  if (list.items.length === 0 && list.error) return <ErrorView error={list.error} onRetry={() => void list.reload()} />
  const done = (words: string) => {
    setSaved(words)
    setEditing(undefined)
    void list.reload()
  }
  return (
    <View id='market-items'>
      {saved !== '' && (
        <Text className='orders__status' id='item-saved'>
          {saved}
        </Text>
      )}
      <View className='orders__card'>
        {editing === 'new' ? (
          <ItemForm onSaved={done} onClose={() => setEditing(undefined)} />
        ) : (
          <BigButton id='item-new' onClick={() => setEditing('new')}>
            新增物品
          </BigButton>
        )}
      </View>
      {list.items.map((item) => (
        <View className='orders__card' key={item.id} id={`manage-${item.id}`}>
          <View className='orders__head'>
            <Text className='orders__name'>{item.name}</Text>
            <Text className='market__price'>{`${item.pricePoints} 分`}</Text>
          </View>
          <Text className='orders__meta'>
            {`${stockText(item.stock)}${item.perPersonLimit !== undefined ? `　每人限兑 ${item.perPersonLimit} 件` : ''}　${item.active ? '兑换中' : '已暂停'}`}
          </Text>
          {editing === item.id ? (
            <ItemForm item={item} onSaved={done} onClose={() => setEditing(undefined)} />
          ) : (
            <Text className='orders__link' id={`edit-${item.id}`} onClick={() => setEditing(item.id)}>
              修改、补货或暂停 ›
            </Text>
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
