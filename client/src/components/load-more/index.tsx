import { Text, View } from '@tarojs/components'

import type { CallError } from '../../transport'
import BigButton from '../big-button'
import './index.scss'

type Props = { hasMore: boolean; loading: boolean; error?: CallError; onMore: () => void; count: number }

/** The foot of a paged list: a big "load more" button, a failed page with its retry, or "that's all". */
export default function LoadMore({ hasMore, loading, error, onMore, count }: Props) {
  return (
    <View className='load-more'>
      {error && <Text className='load-more__error'>{error.message}</Text>}
      {hasMore || error ? (
        <BigButton id='load-more' kind='secondary' loading={loading} onClick={onMore}>
          {error ? '重试' : loading ? '正在加载…' : '加载更多'}
        </BigButton>
      ) : (
        count > 0 && <Text className='load-more__end'>共 {count} 条，已经到底了</Text>
      )}
    </View>
  )
}
