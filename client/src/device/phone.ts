import Taro from '@tarojs/taro'

/** Opens the phone's dialler with the number (the user still confirms the call). */
export function dial(phone: string): void {
  Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)
}
