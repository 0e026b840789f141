import { Text, View } from '@tarojs/components'
import type { InboxItem } from '@pingan/shared/contracts'

import ReportCard from '../../components/report-card'
import { formatDeadline } from '../../labels/format'

type Props = {
  item: InboxItem
  now: number
  onOpen: (id: string) => void
  /** The case open beside the list (wide screens). */
  current?: boolean
  /** In 批量派单: whether it is picked, or cannot be (another grid's, or the limit reached). */
  select?: { picked: boolean; disabled: boolean; onToggle: (id: string) => void }
}

/** The lines a staff member needs under a case: deadline, grid, who has it, 我也遇到, anonymous, 督办. */
function CaseExtra({ item, now }: { item: InboxItem; now: number }) {
  return (
    <View className='staff-inbox__extra'>
      <Text className={`staff-inbox__deadline${item.light ? ` staff-inbox__deadline--${item.light}` : ''}`}>
        {formatDeadline(item.deadline, now)}
      </Text>
      {item.gridName && <Text className='staff-inbox__tag'>{item.gridName}</Text>}
      {item.assigneeName && <Text className='staff-inbox__tag'>办理人 {item.assigneeName}</Text>}
      {item.supportCount > 0 && <Text className='staff-inbox__tag'>{item.supportCount} 人也遇到</Text>}
      {item.anonymous && <Text className='staff-inbox__tag'>匿名</Text>}
      {item.supervisionPending && <Text className='staff-inbox__tag staff-inbox__tag--alert'>督办待回复</Text>}
    </View>
  )
}

/** One case in the inbox; in 批量派单 a tap picks it instead of opening it. */
export default function CaseRow({ item, now, onOpen, current, select }: Props) {
  const tap = (id: string) => (select ? !select.disabled && select.onToggle(id) : onOpen(id))
  return (
    <View
      className={`staff-inbox__row-case${current ? ' staff-inbox__row-case--current' : ''}${select?.disabled ? ' staff-inbox__row-case--disabled' : ''}`}
      {...(select && { role: 'checkbox', 'aria-checked': select.picked })}
    >
      {select && <Text className='staff-inbox__check'>{select.picked ? '☑ 已选' : '☐ 选择'}</Text>}
      <ReportCard report={item} onOpen={tap} extra={<CaseExtra item={item} now={now} />} />
    </View>
  )
}
