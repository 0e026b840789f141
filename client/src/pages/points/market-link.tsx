import { Text } from '@tarojs/components'

import { go, routes } from '../../routes'
import './market-link.scss'

/** The way from 我的积分 to spending them: 爱心超市 (its own subpackage, loaded on the tap). */
export default function MarketLink() {
  return (
    <Text className='points__market' id='open-market' onClick={() => go(routes.market)}>
      去爱心超市，用爱心积分兑换 ›
    </Text>
  )
}
