import { keptName, type PhotoStore } from './photo-store'

// The browser build's kept photos: the bytes in IndexedDB (a blob URL dies with the page), handed out as
// a blob URL made once per page load. Bytes and type are stored rather than the Blob itself, which some
// engines cannot store in private windows.

const DB_NAME = 'pingan-photos'
const STORE = 'photos'

type Kept = { bytes: ArrayBuffer; type: string }

const urls = new Map<string, string>()

function database(): Promise<IDBDatabase> {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1)
    request.onupgradeneeded = () => request.result.createObjectStore(STORE)
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

/** One request in its own transaction, on a connection opened for it (a few per photo: cheap enough). */
async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await database()
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode)
      const request = act(tx.objectStore(STORE))
      tx.oncomplete = () => resolve(request.result)
      tx.onerror = () => reject(tx.error)
      tx.onabort = () => reject(tx.error)
    })
  } finally {
    db.close()
  }
}

async function bytesOf(localPath: string): Promise<Kept> {
  const blob = await (await fetch(localPath)).blob()
  return { bytes: await blob.arrayBuffer(), type: blob.type || 'image/jpeg' }
}

export const indexedDbStore: PhotoStore = {
  async keep(localPath) {
    const key = keptName(Date.now())
    // Read first: a transaction left waiting on anything but its own requests commits itself.
    const kept = await bytesOf(localPath)
    await run('readwrite', (store) => store.put(kept, key))
    return key
  },
  async source(key) {
    const made = urls.get(key)
    if (made) return made
    const kept = (await run('readonly', (store) => store.get(key) as IDBRequest<Kept | undefined>)) ?? undefined
    if (!kept) return undefined
    const url = URL.createObjectURL(new Blob([kept.bytes], { type: kept.type }))
    urls.set(key, url)
    return url
  },
  async forget(key) {
    // The blob URL is not revoked: the page may still show the photo (it dies with the page anyway).
    urls.delete(key)
    await run('readwrite', (store) => store.delete(key))
  },
}
