import Taro from '@tarojs/taro'

/** Lets the user take or pick up to `count` photos; resolves with their local paths (none if cancelled). */
export async function choosePhotos(count: number): Promise<string[]> {
  if (count <= 0) return []
  try {
    const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['camera', 'album'] })
    return res.tempFilePaths.slice(0, count)
  } catch {
    return []
  }
}
