import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { joinGridContract, type GridCard, type RequestOf } from '@pingan/shared/contracts'
import { useCallback, useEffect, useState } from 'react'

import BigButton from '../../components/big-button'
import { ErrorView, LoadingView } from '../../components/page-state'
import PrivacyConsent from '../../components/privacy-consent'
import { scanGridCode } from '../../device/scan'
import { go, goHome, routes } from '../../routes'
import { asCallError, call, type CallError } from '../../transport'
import { joinRequestFrom } from './join-request'
import { useLiveParams } from './live-params'
import './index.scss'

type JoinState = { phase: 'idle' } | { phase: 'joining' } | { phase: 'joined'; grid: GridCard } | { phase: 'failed'; error: CallError }

// 扫码入格: opened by scanning a grid's code (its `scene` arrives as a page parameter), or from the
// home page, where the mini-program opens the camera and the browser build lists the grids' codes.
export default function ScanPage() {
  const params = useLiveParams(useRouter().params)
  const [state, setState] = useState<JoinState>({ phase: 'idle' })
  const [notOurs, setNotOurs] = useState(false)

  const join = useCallback(async (request: RequestOf<typeof joinGridContract>) => {
    setState({ phase: 'joining' })
    try {
      const { grid } = await call(joinGridContract, request)
      setState({ phase: 'joined', grid })
    } catch (error) {
      setState({ phase: 'failed', error: asCallError(error) })
    }
  }, [])

  const request = joinRequestFrom(params)
  useEffect(() => {
    if (request) void join(request)
    else setState({ phase: 'idle' })
    // Join once per code the page is opened with (another grid's link in the same tab is another code).
  }, [JSON.stringify(request)])

  const scan = async () => {
    if (process.env.TARO_ENV === 'h5') return go(routes.gridCodes)
    const scanned = await scanGridCode()
    setNotOurs(scanned === 'not-ours')
    if (scanned && scanned !== 'not-ours') void join(scanned)
  }

  if (state.phase === 'joining') return <LoadingView text='正在加入网格…' />
  if (state.phase === 'joined') {
    return (
      <View className='scan' id='joined'>
        <Text className='scan__done'>您已加入</Text>
        <Text className='scan__grid'>{state.grid.name}</Text>
        <Text className='scan__hint'>{state.grid.communityName}。网格员的电话在首页，有事随时找。</Text>
        <View className='scan__buttons'>
          <BigButton id='report-here' onClick={() => go(routes.reportNew(state.grid.code))}>
            在这个网格随手拍
          </BigButton>
          <BigButton kind='secondary' onClick={goHome}>
            回到首页
          </BigButton>
        </View>
      </View>
    )
  }
  return (
    <View className='scan'>
      <PrivacyConsent />
      {state.phase === 'failed' && <ErrorView error={state.error} onRetry={request ? () => void join(request) : undefined} />}
      <Text className='scan__hint'>扫一扫小区、村里张贴的“平安网格”二维码，加入您所在的网格。</Text>
      {notOurs && <Text className='scan__warning'>这个二维码不是平安网格的，请换一个再扫。</Text>}
      <BigButton onClick={() => void scan()}>{process.env.TARO_ENV === 'h5' ? '查看网格二维码' : '打开相机扫码'}</BigButton>
    </View>
  )
}
