import Taro from '@tarojs/taro'

/** Calls `listener` whenever the device gets a network back; returns how to stop listening. */
export function onReconnect(listener: () => void): () => void {
  if (process.env.TARO_ENV === 'h5') {
    window.addEventListener('online', listener)
    return () => window.removeEventListener('online', listener)
  }
  const onChange = (res: { isConnected: boolean }) => {
    if (res.isConnected) listener()
  }
  Taro.onNetworkStatusChange(onChange)
  return () => Taro.offNetworkStatusChange(onChange)
}
