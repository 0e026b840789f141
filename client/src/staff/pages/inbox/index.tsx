import { Text, View } from '@tarojs/components'

import './index.scss'

// Placeholder for the grid worker's inbox (受理/分流交办); lives in the `staff` subpackage.
export default function StaffInboxPage() {
  return (
    <View className='staff-inbox'>
      <Text>暂无待办案卷</Text>
    </View>
  )
}
