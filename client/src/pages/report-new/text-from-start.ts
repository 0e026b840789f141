import { useEffect } from 'react'

/**
 * The browser build shows a long text in the box from its start, not its end: Taro's H5 Textarea writes a
 * saved draft's text into the native box after it is drawn, and the browser leaves it scrolled to the caret at
 * the end, so a resident coming back to a draft saw only its last lines. While they type (the box focused)
 * it is left alone. The mini-program's native box opens at the start by itself.
 */
export function useTextFromStart(selector: string, text: string): void {
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return undefined
    const frame = requestAnimationFrame(() => {
      const box = document.querySelector<HTMLTextAreaElement>(`${selector} textarea`)
      if (box && document.activeElement !== box) box.scrollTop = 0
    })
    return () => cancelAnimationFrame(frame)
  }, [selector, text])
}
