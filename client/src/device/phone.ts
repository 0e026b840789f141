import Taro from '@tarojs/taro'

/**
 * Opens the phone's dialler with the number (the user still confirms the call). Where there is none (WeChat
 * on a computer or a tablet) the call fails: say so, since the number is on the line to be copied.
 */
export function dial(phone: string): void {
  Taro.makePhoneCall({ phoneNumber: phone }).catch(() => {
    void Taro.showToast({ title: `这台设备不能拨号，请用手机拨打 ${phone}`, icon: 'none', duration: 4000 })
  })
}
