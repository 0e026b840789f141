import { Image, Text, View } from '@tarojs/components'
import { gridScene } from '@pingan/shared/grid'
import QRCode from 'qrcode'

import { ErrorView, LoadingView } from '../../../components/page-state'
import { useCall } from '../../../hooks/use-call'
import { go, routes } from '../../../routes'
import { asCallError } from '../../../transport'
import { loadRegionShapes } from '../../lib/grid-map-data'
import './index.scss'

type GridCode = { code: string; name: string; communityName: string; link: string; image: string }

/** The link a grid's QR code carries: this build's scan page with the grid's scene, as WeChat would pass it. */
export function scanLink(pageUrl: string, gridCode: string): string {
  const base = pageUrl.split('#')[0] ?? pageUrl
  return `${base}#/pages/scan/index?scene=${encodeURIComponent(gridScene(gridCode))}`
}

/**
 * The page's address as a phone reaches it: the web server (tools/web-server.ts) says which address that is
 * (the LAN address when it listens on every interface, or PUBLIC_URL), since this page may be open at
 * 127.0.0.1, which no phone can reach. Anywhere else (a dev server) the page's own address.
 */
async function publicPageUrl(): Promise<string> {
  const here = window.location.href
  try {
    const reply = await fetch(new URL('__web/public-url', here).toString())
    const { url } = (await reply.json()) as { url?: unknown }
    return typeof url === 'string' && /^https?:\/\//.test(url) ? `${url}${window.location.pathname}` : here
  } catch {
    return here
  }
}

async function loadGridCodes(): Promise<GridCode[]> {
  try {
    const [shapes, pageUrl] = await Promise.all([loadRegionShapes(), publicPageUrl()])
    const names = new Map(shapes.map((s) => [s.code, s.name]))
    const grids = shapes.filter((s, i) => s.level === 'grid' && shapes.findIndex((t) => t.code === s.code) === i)
    grids.sort((a, b) => a.code.localeCompare(b.code))
    return await Promise.all(
      grids.map(async (grid) => {
        const link = scanLink(pageUrl, grid.code)
        const image = await QRCode.toDataURL(link, { margin: 1, width: 240, errorCorrectionLevel: 'M' })
        return { code: grid.code, name: grid.name, communityName: names.get(grid.parentCode ?? '') ?? '', link, image }
      }),
    )
  } catch (error) {
    throw asCallError(error)
  }
}

// 网格二维码 (browser build only): every grid's code, standing in for the posters in each community.
// Scan one with a phone camera (on the same network), or open its link here.
export default function GridCodesPage() {
  const codes = useCall(loadGridCodes)
  if (codes.error) return <ErrorView error={codes.error} onRetry={() => void codes.reload()} />
  if (!codes.data) return <LoadingView text='正在生成二维码…' />
  return (
    <View className='grid-codes'>
      <Text className='grid-codes__intro'>每个网格一张码。用手机相机扫码（手机要能访问这台电脑），或者点下面的链接，就能“扫码入格”。</Text>
      {codes.data.map((grid) => (
        <View key={grid.code} className='grid-codes__item' id={`grid-${grid.code}`}>
          <Image className='grid-codes__qr' src={grid.image} nativeProps={{ alt: `${grid.name}的二维码` }} />
          <View className='grid-codes__text'>
            <Text className='grid-codes__name'>{grid.name}</Text>
            <Text className='grid-codes__meta'>
              {grid.communityName} · {grid.code}
            </Text>
            <Text className='grid-codes__link' onClick={() => go(`${routes.scan}?scene=${encodeURIComponent(gridScene(grid.code))}`)}>
              打开链接入格
            </Text>
            <Text className='grid-codes__url' selectable>
              {grid.link}
            </Text>
          </View>
        </View>
      ))}
    </View>
  )
}
