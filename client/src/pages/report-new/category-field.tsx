import { Text, View } from '@tarojs/components'

import BigButton from '../../components/big-button'
import type { CategoryView } from '../../catalog/catalog-store'
import { formatYuan } from '../../labels/format'
import type { CallError } from '../../transport'

type Props = {
  /** The county's categories: the saved copy or the server's answer; undefined until one of them is there. */
  categories: readonly CategoryView[] | undefined
  loading: boolean
  error: CallError | undefined
  onRetry: () => void
  value?: string
  onChange: (code: string) => void
}

function hoursText(hours: number): string {
  return hours < 1 ? `${Math.round(hours * 60)} 分钟` : `${hours} 小时`
}

/** What a valid report of the category earns this person, in words; nothing when it earns nothing. */
export function rewardText(reward: CategoryView['reward']): string | undefined {
  if (!reward) return undefined
  const { points, fenInApprovedGrids } = reward
  if (fenInApprovedGrids !== undefined && fenInApprovedGrids > 0) {
    const elsewhere = points > 0 ? `，其他地方得 ${points} 爱心积分` : ''
    return `核实有效后，在您负责的网格奖励 ${formatYuan(fenInApprovedGrids)} 元${elsewhere}。`
  }
  return points > 0 ? `核实有效后可得 ${points} 爱心积分。` : undefined
}

/** The chosen category's terms: how soon it is taken up, what it earns, who else sees it. */
function CategoryTerms({ category }: { category: CategoryView }) {
  const reward = rewardText(category.reward)
  return (
    <View className='report-new__terms' id='category-terms'>
      <Text className='report-new__hint'>
        网格员会在 {hoursText(category.acceptLimitHours)}内受理{category.clock === 'working' ? '（按工作时间计）' : ''}。
      </Text>
      {reward && (
        <Text className='report-new__hint' id='category-reward'>
          {reward}
        </Text>
      )}
      {category.visibleToOtherResidents && <Text className='report-new__hint'>这类问题附近的居民也能看到进展，但看不到是谁报的。</Text>}
    </View>
  )
}

/**
 * The problem's category as big buttons, two to a row; the chosen one is filled and ticked. The list
 * comes from the `catalog` call (the copy saved on this phone shows at once); without either, the
 * section says it is loading, or what went wrong with a button to try again, and the rest of the form
 * can be filled in meanwhile.
 */
export default function CategoryField({ categories, loading, error, onRetry, value, onChange }: Props) {
  const chosen = categories?.find((category) => category.code === value)
  return (
    <View className='report-new__section' id='category-field'>
      <Text className='report-new__label'>是什么问题</Text>
      {categories ? (
        <View className='report-new__choices'>
          {categories.map((category) => {
            const isChosen = category.code === value
            return (
              <View
                key={category.code}
                id={`category-${category.code}`}
                className={`report-new__choice${isChosen ? ' report-new__choice--chosen' : ''}`}
                aria-checked={isChosen}
                role='radio'
                onClick={() => onChange(category.code)}
              >
                <Text>{isChosen ? `✓ ${category.name}` : category.name}</Text>
              </View>
            )
          })}
        </View>
      ) : error && !loading ? (
        <View className='report-new__categories-failed' role='alert'>
          <Text className='report-new__problem'>问题类别没有加载出来：{error.message}</Text>
          <BigButton id='retry-categories' kind='secondary' onClick={onRetry}>
            重试
          </BigButton>
        </View>
      ) : (
        <Text className='report-new__hint' id='categories-loading' aria-busy='true'>
          正在加载问题类别，请稍等…（可以先写下面的内容）
        </Text>
      )}
      {chosen && <CategoryTerms category={chosen} />}
    </View>
  )
}
