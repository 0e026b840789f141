import { Image, Text, View } from '@tarojs/components'
import { REPORT_PHOTOS_MAX } from '@pingan/shared/contracts'

import { choosePhotos } from '../../device/photos'
import { previewPhotos } from '../../device/preview'
import type { DraftPhoto } from '../../report-draft/draft'

type Props = {
  photos: readonly DraftPhoto[]
  /** What each photo shows, by number (from the device, or a temporary URL once only uploaded). */
  sources: ReadonlyMap<number, string>
  /** The share sent of each photo uploading now, by number. */
  progress: ReadonlyMap<number, number>
  /** Photos picked and still being made smaller. */
  adding: number
  onAdd: (localPaths: string[]) => void
  onRetry: (no: number) => void
  onCancel: (no: number) => void
  onRemove: (no: number) => void
}

type Status = { text: string; kind: 'busy' | 'done' | 'failed' | 'waiting' | 'lost' }

function photoStatus(photo: DraftPhoto, sent: number | undefined): Status {
  if (photo.lost) return { text: '照片找不到了，请删掉重拍', kind: 'lost' }
  if (sent !== undefined) return { text: `上传中 ${Math.floor(sent * 100)}%`, kind: 'busy' }
  if (photo.fileID) return { text: '已上传', kind: 'done' }
  if (photo.failed) return { text: '没传上，点这里重试', kind: 'failed' }
  return { text: '等待上传，点这里重试', kind: 'waiting' }
}

/**
 * Up to nine photos, made smaller and kept on the phone as they are picked, and uploaded at once: each
 * with its progress and 取消 while it goes up, 重试 when it did not, and 删除.
 */
export default function PhotoField({ photos, sources, progress, adding, onAdd, onRetry, onCancel, onRemove }: Props) {
  const room = REPORT_PHOTOS_MAX - photos.length - adding
  const viewable = photos.flatMap((photo) => sources.get(photo.no) ?? [])
  return (
    <View className='report-new__section'>
      <Text className='report-new__label'>
        拍照（最多 {REPORT_PHOTOS_MAX} 张，已选 {photos.length} 张）
      </Text>
      <View className='report-new__photos'>
        {photos.map((photo, index) => {
          const sent = progress.get(photo.no)
          const status = photoStatus(photo, sent)
          const src = sources.get(photo.no)
          return (
            <View key={photo.no} className='report-new__photo' data-photo-state={status.kind} data-photo-no={photo.no}>
              {src ? (
                <Image
                  className='report-new__photo-image'
                  src={src}
                  mode='aspectFill'
                  nativeProps={{ alt: `照片 ${index + 1}，点一下放大` }}
                  onClick={() => void previewPhotos(viewable, src)}
                />
              ) : (
                <View className='report-new__photo-image report-new__photo-image--tile'>
                  <Text>照片 {index + 1}</Text>
                </View>
              )}
              {sent !== undefined && (
                <View className='report-new__photo-progress' data-progress={Math.floor(sent * 100)}>
                  <View className='report-new__photo-progress-bar' style={{ width: `${Math.floor(sent * 100)}%` }} />
                </View>
              )}
              <Text
                className={`report-new__photo-status report-new__photo-status--${status.kind}`}
                onClick={() => (status.kind === 'failed' || status.kind === 'waiting') && onRetry(photo.no)}
              >
                {status.text}
              </Text>
              {sent !== undefined ? (
                <Text className='report-new__photo-action' onClick={() => onCancel(photo.no)}>
                  取消
                </Text>
              ) : (
                <Text className='report-new__photo-action report-new__photo-action--remove' onClick={() => onRemove(photo.no)}>
                  删除
                </Text>
              )}
            </View>
          )
        })}
        {Array.from({ length: adding }, (_, i) => (
          <View key={`adding-${i}`} className='report-new__photo' data-photo-state='adding'>
            <View className='report-new__photo-image report-new__photo-image--tile'>
              <Text>正在处理照片…</Text>
            </View>
          </View>
        ))}
        {room > 0 && (
          <View
            id='add-photo'
            className='report-new__photo report-new__photo--add'
            onClick={() => void choosePhotos(room).then((paths) => paths.length > 0 && onAdd(paths))}
          >
            <Text className='report-new__plus'>+</Text>
            <Text>拍照或选照片</Text>
          </View>
        )}
      </View>
    </View>
  )
}
