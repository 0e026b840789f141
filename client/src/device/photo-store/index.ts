import { fileStore } from './file-store'
import { indexedDbStore } from './indexeddb-store'
import type { PhotoStore } from './photo-store'

export type { PhotoStore }

// Photos picked for a draft, kept on this device until they are uploaded: a temp path (mini-program) or a
// blob URL (browser) dies with the app, so a photo picked offline would be lost on the next start. The
// mini-program keeps them as files under USER_DATA_PATH, the browser in IndexedDB; pages see neither.

/** The store of this build (TARO_ENV is replaced at build time, so each bundle keeps one branch). */
export function photoStore(): PhotoStore {
  return process.env.TARO_ENV === 'h5' ? indexedDbStore : fileStore
}
