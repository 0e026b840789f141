import { Image, Text, View } from '@tarojs/components'
import { REPORT_PHOTOS_MAX } from '@pingan/shared/contracts'

import { choosePhotos } from '../../device/photos'
import type { DraftPhoto, ReportDraft } from '../../report-draft/draft'

type Props = {
  draft: ReportDraft
  uploading: ReadonlySet<number>
  onAdd: (localPaths: string[]) => void
  onRetry: (photo: DraftPhoto) => void
  onRemove: (no: number) => void
}

function photoStatus(photo: DraftPhoto, uploading: boolean): { text: string; kind: string } {
  if (uploading) return { text: '上传中…', kind: 'busy' }
  if (photo.fileID) return { text: '已上传', kind: 'done' }
  if (photo.failed) return { text: '没传上，点这里重试', kind: 'failed' }
  return { text: '等待上传', kind: 'busy' }
}

/** Up to nine photos, uploaded as soon as they are picked, each with its state and a delete button. */
export default function PhotoField({ draft, uploading, onAdd, onRetry, onRemove }: Props) {
  const room = REPORT_PHOTOS_MAX - draft.photos.length
  return (
    <View className='report-new__section'>
      <Text className='report-new__label'>
        拍照（最多 {REPORT_PHOTOS_MAX} 张，已选 {draft.photos.length} 张）
      </Text>
      <View className='report-new__photos'>
        {draft.photos.map((photo) => {
          const status = photoStatus(photo, uploading.has(photo.no))
          return (
            <View key={photo.no} className='report-new__photo' data-photo-state={status.kind}>
              <Image className='report-new__photo-image' src={photo.localPath} mode='aspectFill' />
              <Text
                className={`report-new__photo-status report-new__photo-status--${status.kind}`}
                onClick={() => status.kind === 'failed' && onRetry(photo)}
              >
                {status.text}
              </Text>
              <Text className='report-new__photo-remove' onClick={() => onRemove(photo.no)}>
                删除
              </Text>
            </View>
          )
        })}
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
