import type { joinGridContract, RequestOf } from '@pingan/shared/contracts'

type JoinRequest = RequestOf<typeof joinGridContract>

/**
 * What to join from the page's parameters: `scene` when WeChat opened the page from a grid's
 * mini-program code (or the browser build from its link), `q` for a plain QR code's URL, `grid` for a code.
 */
export function joinRequestFrom(params: Partial<Record<string, string>>): JoinRequest | undefined {
  if (params.scene) return { scene: decodeSafe(params.scene) }
  if (params.q) {
    const url = decodeSafe(params.q)
    const scene = /[?&]scene=([^&#]+)/.exec(url)?.[1]
    if (scene) return { scene: decodeSafe(scene) }
  }
  if (params.grid) return { gridCode: decodeSafe(params.grid) }
  return undefined
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
