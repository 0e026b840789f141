import { Image, Text, View } from '@tarojs/components'
import { PROOF_PHOTOS_MAX } from '@pingan/shared/contracts'
import { useState } from 'react'

import BigButton from '../../components/big-button'
import { choosePhotos } from '../../device/photos'
import NoteField from './note-field'
import { useProofPhotos, type ProofPhoto } from './proof-photos'

export type ResolveRequest = { note?: string; photos: string[]; uploadKey: string }

type Props = { busy: boolean; phrases: readonly string[]; onSubmit: (request: ResolveRequest) => void }

function stateOf(photo: ProofPhoto): { text: string; kind: 'busy' | 'done' | 'failed' } {
  if (photo.fileID) return { text: '已上传', kind: 'done' }
  return photo.failed ? { text: '没传上，点这里重试', kind: 'failed' } : { text: '上传中…', kind: 'busy' }
}

/**
 * 办结: what was done, in photos (the caller's own uploads, up to PROOF_PHOTOS_MAX) and a note. The server
 * asks for proof of one kind or the other; the button waits until the photos picked are uploaded.
 */
export default function ResolveForm({ busy, phrases, onSubmit }: Props) {
  const proof = useProofPhotos()
  const [note, setNote] = useState('')
  const room = PROOF_PHOTOS_MAX - proof.photos.length
  const missing = proof.uploading
    ? '照片还在上传'
    : proof.fileIDs.length === 0 && note.trim() === ''
      ? '请拍一张处理后的照片，或写一句处理情况'
      : undefined
  const submit = () => {
    const trimmed = note.trim()
    onSubmit({ photos: proof.fileIDs, uploadKey: proof.key, ...(trimmed && { note: trimmed }) })
  }
  return (
    <View className='staff-case__form' id='resolve-form'>
      <Text className='staff-case__label'>办结：处理后的照片和情况说明</Text>
      <View className='staff-case__photos'>
        {proof.photos.map((photo) => {
          const state = stateOf(photo)
          return (
            <View key={photo.no} className='staff-case__photo' data-photo-state={state.kind}>
              <Image
                className='staff-case__photo-image'
                src={photo.localPath}
                mode='aspectFill'
                nativeProps={{ alt: `照片 ${photo.no}` }}
              />
              <Text className='staff-case__photo-state' onClick={() => state.kind === 'failed' && proof.retry(photo)}>
                {state.text}
              </Text>
              <Text className='staff-case__photo-remove' onClick={() => proof.remove(photo.no)}>
                删除
              </Text>
            </View>
          )
        })}
        {room > 0 && (
          <View
            id='add-proof-photo'
            className='staff-case__photo staff-case__photo--add'
            onClick={() => void choosePhotos(room).then((paths) => paths.length > 0 && proof.add(paths))}
          >
            <Text className='staff-case__plus'>+</Text>
            <Text>拍照</Text>
          </View>
        )}
      </View>
      <NoteField id='resolve-note' value={note} onChange={setNote} placeholder='处理情况（上报人能看到）' phrases={phrases} />
      {missing && <Text className='staff-case__hint'>{missing}</Text>}
      <BigButton id='resolve-report' disabled={!!missing} loading={busy} onClick={submit}>
        办结
      </BigButton>
    </View>
  )
}
