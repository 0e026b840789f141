import { meContract, envelopeSchema } from '@pingan/shared/src/contracts'
console.log(envelopeSchema(meContract.response).safeParse({}))
import { Text, View } from '@tarojs/components'
import { Button, Cell } from '@taroify/core'

import './index.scss'

// Placeholder home: shows the layout and type sizes the real entry points will use.
// The chevron is ours, not Cell's `isLink`: Taroify's icon font loads from a CDN (see client/README.md).
const entries = [
  { title: '随手拍', brief: '看到问题，拍照上报' },
  { title: '我的网格', brief: '网格长、网格员、网格警、网格医' },
  { title: '居民点单', brief: '代办、上门、咨询等服务' },
  { title: '我的上报', brief: '查看办理进度' },
]

export default function HomePage() {
  return (
    <View className='home'>
      <View className='home__header'>
        <Text className='home__title'>平安网格</Text>
        <Text className='home__subtitle'>发现在网格，处置在网格</Text>
      </View>
      <Cell.Group inset>
        {entries.map((entry) => (
          <Cell
            key={entry.title}
            title={entry.title}
            brief={entry.brief}
            clickable
            rightIcon={<View className='home__chevron' />}
          />
        ))}
      </Cell.Group>
      <View className='home__actions'>
        <Button color='primary' size='large' block shape='round'>
          扫码入格
        </Button>
      </View>
    </View>
  )
}
