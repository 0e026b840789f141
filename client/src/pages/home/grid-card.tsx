import { Text, View } from '@tarojs/components'
import type { GridCard } from '@pingan/shared/contracts'

import BigButton from '../../components/big-button'
import CallButton from '../../components/call-button'
import { dial } from '../../device/phone'
import { STAFF_ROLE_LABELS } from '../../labels/staff-labels'
import { go, routes } from '../../routes'

/**
 * My grid (我的网格) and its published staff, each with a call button; or how to join one. `informantOffer`:
 * a modest link to 申请成为信息员 for those who may apply (not staff).
 */
export default function GridCardView({ grid, informantOffer = false }: { grid: GridCard | null; informantOffer?: boolean }) {
  if (!grid) {
    return (
      <View className='home__card home__card--empty'>
        <Text className='home__card-title'>您还没有加入网格</Text>
        <Text className='home__card-hint'>扫一扫小区或村里张贴的网格二维码，就能看到您的网格员，有事随时找。</Text>
        <BigButton onClick={() => go(routes.scan)}>扫码入格</BigButton>
      </View>
    )
  }
  return (
    <View className='home__card' id='my-grid'>
      <Text className='home__card-label'>我的网格</Text>
      <Text className='home__card-title'>{grid.name}</Text>
      <Text className='home__card-hint'>{grid.communityName}</Text>
      <View className='home__staff'>
        {grid.staff.map((member) => (
          <CallButton
            key={`${member.role}-${member.name}`}
            role={STAFF_ROLE_LABELS[member.role]}
            name={member.name}
            phone={member.phone}
            onCall={dial}
          />
        ))}
      </View>
      {informantOffer && (
        <Text className='home__card-link' id='apply-informant' onClick={() => go(routes.informantApply)}>
          当本网格的兼职信息员，上报有奖 ›
        </Text>
      )}
    </View>
  )
}
