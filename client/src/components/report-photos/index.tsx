import { Image, Text, View } from '@tarojs/components'
import type { PhotoUrls } from '@pingan/shared/contracts'
import { useState } from 'react'

import { previewPhotos } from '../../device/preview'
import { viewableFileUrl } from '../../transport'
import './index.scss'

type Props = { photos: readonly string[]; urls?: PhotoUrls }

/**
 * Where the photo itself is read when there is no usable temporary URL: the mini-program's <Image> reads
 * a `cloud://` fileID (the caller's own files, by the storage rules); a browser cannot, so it gets a tile.
 */
function fallbackSource(fileID: string): string | undefined {
  return process.env.TARO_ENV === 'weapp' ? fileID : undefined
}

/**
 * A report's photos as thumbnails, from the short-lived URLs the server made (`photoUrls`); tapping one
 * opens them all full-screen. A photo without a URL — held for review, its URL expired, or one that would
 * not load — shows as a numbered tile (or, in the mini-program, from its fileID).
 */
export default function ReportPhotos({ photos, urls }: Props) {
  const [broken, setBroken] = useState<ReadonlySet<string>>(() => new Set())
  const [, setChecked] = useState(0)
  if (photos.length === 0) return null

  const live = new Map(urls && urls.expiresAt > Date.now() ? urls.files.map((file) => [file.fileID, file.url]) : [])
  const sources = photos.map((fileID) => {
    const url = live.get(fileID)
    return url && !broken.has(fileID) ? viewableFileUrl(url) : fallbackSource(fileID)
  })
  const viewable = sources.filter((src): src is string => src !== undefined)

  const preview = (src: string) => {
    // The page may have stayed open past the URLs' expiry: show the tiles instead of a failed viewer.
    if (urls && urls.expiresAt <= Date.now() && process.env.TARO_ENV !== 'weapp') {
      setChecked((n) => n + 1)
      return
    }
    void previewPhotos(viewable, src)
  }

  return (
    <View className='report-photos'>
      <View className='report-photos__grid'>
        {photos.map((fileID, index) => {
          const src = sources[index]
          return src ? (
            <Image
              key={fileID}
              className='report-photos__photo'
              src={src}
              mode='aspectFill'
              data-photo={index + 1}
              nativeProps={{ alt: `照片 ${index + 1}，点一下放大` }}
              onClick={() => preview(src)}
              onError={() => setBroken((set) => new Set(set).add(fileID))}
            />
          ) : (
            <View key={fileID} className='report-photos__photo report-photos__photo--tile' data-photo={index + 1}>
              <Text>照片 {index + 1}</Text>
            </View>
          )
        })}
      </View>
      {viewable.length > 0 && <Text className='report-photos__hint'>点照片可以放大看</Text>}
    </View>
  )
}
