import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'

// 长辈模式 (关怀模式): larger text and targets everywhere, and a simpler resident home. A device preference,
// not the account's: an elderly resident's phone keeps it whoever signs in. The person's own choice wins;
// with none, the mini-program follows WeChat's font size — on from 22 px (iOS's +4 on a 375 screen, one step
// below the 23.8 px WeChat calls 「关怀模式」字号; Android's +3 and up), the size WeChat's 适老化设计指南 asks
// pages to adapt to. The browser build has no such setting to read: there only the switch turns it on.

export const CARE_MODE_KEY = 'device.careMode'
/** WeChat's fontSizeSetting (CSS px) from which a page must be read as 长辈模式. */
export const CARE_MODE_FONT_PX = 22
/** The class on the root element (app.tsx) that app.scss enlarges from. */
export const CARE_MODE_CLASS = 'care-mode'

type Choice = 'on' | 'off'

/** The person's own choice on this device, if they made one. */
export function careModeChoice(): Choice | undefined {
  const saved = Taro.getStorageSync(CARE_MODE_KEY) as unknown
  return saved === 'on' || saved === 'off' ? saved : undefined
}

/** Whether a platform font size (WeChat's fontSizeSetting, CSS px) is large enough to turn 长辈模式 on by itself. */
export function careModeFromFont(fontSizeSetting: number | undefined): boolean {
  return typeof fontSizeSetting === 'number' && fontSizeSetting >= CARE_MODE_FONT_PX
}

/** WeChat's font size setting; undefined in the browser build, or where the API is missing or throws. */
export function systemFontSize(): number | undefined {
  if (process.env.TARO_ENV !== 'weapp') return undefined
  const api = Taro as unknown as {
    getAppBaseInfo?: () => { fontSizeSetting?: number }
    getSystemInfoSync?: () => { fontSizeSetting?: number }
  }
  try {
    // getAppBaseInfo where the base library has it (2.25.3+); getSystemInfoSync is no longer maintained.
    return (api.getAppBaseInfo ?? api.getSystemInfoSync)?.().fontSizeSetting
  } catch {
    return undefined
  }
}

/** On when the person switched it on, or, with no choice made, when the platform's font is large. */
export function isCareMode(): boolean {
  const choice = careModeChoice()
  return choice ? choice === 'on' : careModeFromFont(systemFontSize())
}

const listeners = new Set<(on: boolean) => void>()

/** The person's switch: kept on the device, and every mounted view (and the root class) follows at once. */
export function setCareMode(on: boolean): void {
  Taro.setStorageSync(CARE_MODE_KEY, on ? 'on' : 'off')
  for (const listener of listeners) listener(on)
}

/** Follows 长辈模式 as it is switched. */
export function watchCareMode(listener: (on: boolean) => void): () => void {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

/** The browser build's root class: on <html>, so every page (and Taro's title bar) is inside it. */
export function applyCareModeClass(on: boolean): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return
  document.documentElement.classList.toggle(CARE_MODE_CLASS, on)
}

/** [on, switch] for a component. */
export function useCareMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(isCareMode)
  useEffect(() => watchCareMode(setOn), [])
  return [on, setCareMode]
}
