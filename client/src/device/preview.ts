import Taro from '@tarojs/taro'

/** The browser build's viewer (Taro's H5 previewImage) closes on any tap but shows no way to do so. */
const H5_VIEWER = '.preview-image'

function addCloseButton(): void {
  const viewers = document.querySelectorAll<HTMLElement>(H5_VIEWER)
  const viewer = viewers[viewers.length - 1]
  if (!viewer || viewer.querySelector('.preview-image__close')) return
  const close = document.createElement('button')
  close.type = 'button'
  close.className = 'preview-image__close'
  close.textContent = '关闭'
  close.setAttribute('aria-label', '关闭照片')
  // Styled here: the viewer is made outside the app's pages and stylesheets. The tap reaches the viewer,
  // which closes on any tap.
  close.style.cssText =
    'position:absolute;top:12px;right:12px;z-index:2;min-width:88px;min-height:48px;padding:8px 20px;' +
    'border:2px solid #fff;border-radius:24px;background:rgba(0,0,0,.6);color:#fff;font-size:1.25rem;line-height:1.3;'
  viewer.appendChild(close)
}

/** Opens photos full-screen at `current`; in the browser build the viewer gets a large 关闭 button. */
export async function previewPhotos(urls: string[], current: string): Promise<void> {
  try {
    await Taro.previewImage({ urls, current })
  } catch {
    return
  }
  if (process.env.TARO_ENV === 'h5') addCloseButton()
}
