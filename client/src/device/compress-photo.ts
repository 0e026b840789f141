import Taro from '@tarojs/taro'

// Phone photos are 3–12 MB; a report needs a readable picture, not a print. Before a photo is kept or
// uploaded it is scaled to at most 1600 px on its long side and saved as JPEG at quality 0.8 (about
// 200–500 KB). Whatever cannot be compressed here (an odd format, an old engine) is used as it was picked.

export const LONG_SIDE_PX = 1600
export const JPEG_QUALITY = 0.8
/** A JPEG this small and within the long side is used as it is (encoding it again would lose more). */
const SMALL_ENOUGH_BYTES = 600 * 1024

/** The size a photo of `width`×`height` is scaled to: the long side at most LONG_SIDE_PX, the aspect kept. */
export function scaledSize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, LONG_SIDE_PX / Math.max(width, height, 1))
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

async function compressWeapp(path: string): Promise<string> {
  const info = await Taro.getImageInfo({ src: path })
  const size = scaledSize(info.width, info.height)
  // One side is given; WeChat scales the other, so a photo turned by its EXIF orientation is not stretched.
  const side = info.width >= info.height ? { compressedWidth: size.width } : { compressedHeight: size.height }
  const res = await Taro.compressImage({ src: path, quality: Math.round(JPEG_QUALITY * 100), ...side })
  return res.tempFilePath
}

// A canvas rather than a library: compressorjs and browser-image-compression wrap the same canvas calls
// (plus EXIF parsing, which createImageBitmap's imageOrientation now does), for 14–50 KB more script.
async function compressH5(url: string): Promise<string> {
  if (typeof createImageBitmap !== 'function') return url
  const blob = await (await fetch(url)).blob()
  const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' })
  const size = scaledSize(bitmap.width, bitmap.height)
  if (size.width === bitmap.width && blob.type === 'image/jpeg' && blob.size <= SMALL_ENOUGH_BYTES) return url
  const canvas = document.createElement('canvas')
  canvas.width = size.width
  canvas.height = size.height
  const context = canvas.getContext('2d')
  if (!context) return url
  context.fillStyle = '#fff' // a transparent PNG turns white, not black, as JPEG
  context.fillRect(0, 0, size.width, size.height)
  context.drawImage(bitmap, 0, 0, size.width, size.height)
  bitmap.close()
  const jpeg = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY))
  return jpeg && jpeg.size < blob.size ? URL.createObjectURL(jpeg) : url
}

/** A picked photo made small for upload (a new temp path or blob URL), or the photo itself if it cannot be. */
export async function compressPhoto(localPath: string): Promise<string> {
  try {
    return await (process.env.TARO_ENV === 'h5' ? compressH5(localPath) : compressWeapp(localPath))
  } catch {
    return localPath
  }
}
