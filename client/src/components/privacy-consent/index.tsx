import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'

import { answerPrivacyRequest, onPrivacyRequest, privacyPopupShown } from '../../privacy/privacy-requests'
import './index.scss'

const AGREE_BUTTON_ID = 'privacy-agree'

/**
 * The consent popup WeChat requires before location, photos or the camera are used. Pages that use
 * them include it; it shows only while a request waits, and "不同意" just closes it.
 */
export default function PrivacyConsent() {
  const [pending, setPending] = useState(false)
  useEffect(() => onPrivacyRequest(setPending), [])
  useEffect(() => {
    if (pending) privacyPopupShown()
  }, [pending])

  if (process.env.TARO_ENV !== 'weapp' || !pending) return null
  return (
    <View className='privacy-consent' catchMove>
      <View className='privacy-consent__sheet'>
        <Text className='privacy-consent__title'>用前请您同意</Text>
        <Text className='privacy-consent__text'>
          为了确定问题发生在哪个网格、附上您拍的照片，平安网格需要使用您的位置、相册和相机。我们只在您上报时使用，不做别的用途。
        </Text>
        <Text className='privacy-consent__link' onClick={() => void Taro.openPrivacyContract({})}>
          查看《平安网格隐私保护指引》
        </Text>
        <Button
          id={AGREE_BUTTON_ID}
          className='privacy-consent__agree'
          openType='agreePrivacyAuthorization'
          onAgreePrivacyAuthorization={() => answerPrivacyRequest(true, AGREE_BUTTON_ID)}
        >
          同意
        </Button>
        <Button className='privacy-consent__decline' onClick={() => answerPrivacyRequest(false)}>
          不同意
        </Button>
      </View>
    </View>
  )
}
