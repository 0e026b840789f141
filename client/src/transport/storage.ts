import Taro from '@tarojs/taro'

import { CallError } from './call-error'
import { bearer, ensureCloud, localcloudBase, localcloudBody, localcloudFetch } from './cloud'
import { viewableFileUrl } from './file-url'

// Cloud storage from the client: uploads with their progress and a way to stop them, and temporary URLs
// for the caller's own files (the storage rules let a user read only what they uploaded).

export type UploadOptions = {
  /** Called as bytes go out, with the share sent so far (0 to 1). */
  onProgress?: (fraction: number) => void
  /** Handed a function that stops the upload (the promise then rejects with CallError CANCELLED). */
  onCancellable?: (cancel: () => void) => void
}

const cancelled = () => new CallError('CANCELLED', 'upload cancelled')

// A cancel function rather than an AbortSignal: the mini-program's JavaScript engine may lack AbortController.
function uploadWeapp(localPath: string, cloudPath: string, { onProgress, onCancellable }: UploadOptions): Promise<string> {
  ensureCloud()
  return new Promise((resolve, reject) => {
    let stopped = false
    // With callbacks wx.cloud.uploadFile returns its UploadTask, which reports progress and can abort.
    const task = Taro.cloud.uploadFile({
      cloudPath,
      filePath: localPath,
      success: (res) => resolve(res.fileID),
      fail: (error) => reject(stopped ? cancelled() : new CallError('NETWORK', String(error.errMsg))),
    })
    task?.onProgressUpdate?.(({ progress }) => onProgress?.(progress / 100))
    onCancellable?.(() => {
      stopped = true
      task?.abort()
    })
  })
}

/** POSTs the bytes with XMLHttpRequest: unlike fetch, it reports upload progress. */
function postWithProgress(path: string, body: Blob, { onProgress, onCancellable }: UploadOptions): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `${localcloudBase()}${path}`)
    for (const [name, value] of Object.entries(bearer())) xhr.setRequestHeader(name, value)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total)
    }
    xhr.onload = () => {
      try {
        resolve(localcloudBody(xhr.status, xhr.responseText, path))
      } catch (error) {
        reject(error)
      }
    }
    xhr.onerror = () => reject(new CallError('NETWORK', `upload to ${path} failed`))
    xhr.onabort = () => reject(cancelled())
    xhr.send(body)
    onCancellable?.(() => xhr.abort())
  })
}

async function uploadLocalcloud(localPath: string, cloudPath: string, options: UploadOptions): Promise<string> {
  let bytes: Blob
  try {
    bytes = await (await fetch(localPath)).blob()
  } catch (error) {
    throw new CallError('BAD_RESPONSE', `cannot read ${localPath}: ${String(error)}`)
  }
  const body = await postWithProgress(`/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, bytes, options)
  const fileID = (body as { fileID?: unknown }).fileID
  if (typeof fileID !== 'string') throw new CallError('BAD_RESPONSE', 'upload answered without a fileID')
  return fileID
}

/** Uploads a photo on this device (a temp or kept path, or a blob URL in the browser); resolves with its fileID. */
export function uploadFile(localPath: string, cloudPath: string, options: UploadOptions = {}): Promise<string> {
  return process.env.TARO_ENV === 'h5' ? uploadLocalcloud(localPath, cloudPath, options) : uploadWeapp(localPath, cloudPath, options)
}

type TempUrlEntry = { fileID?: unknown; tempFileURL?: unknown; status?: unknown }

async function tempUrlEntries(fileIDs: readonly string[]): Promise<TempUrlEntry[]> {
  if (process.env.TARO_ENV === 'h5') {
    const body = await localcloudFetch('/storage/temp-urls', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fileList: fileIDs }),
    })
    return ((body as { fileList?: TempUrlEntry[] }).fileList ?? []) as TempUrlEntry[]
  }
  ensureCloud()
  try {
    return (await Taro.cloud.getTempFileURL({ fileList: [...fileIDs] })).fileList as TempUrlEntry[]
  } catch (error) {
    throw new CallError('NETWORK', String((error as { errMsg?: string }).errMsg ?? error))
  }
}

/**
 * Temporary URLs for files the caller uploaded (at most 50), by fileID, as this build can load them; a
 * file that is gone or not the caller's has none. Rejects with a CallError when the cloud cannot be asked.
 */
export async function ownFileUrls(fileIDs: readonly string[]): Promise<Map<string, string>> {
  if (fileIDs.length === 0) return new Map()
  const entries = await tempUrlEntries(fileIDs)
  const urls = new Map<string, string>()
  for (const entry of entries) {
    if (entry.status === 0 && typeof entry.fileID === 'string' && typeof entry.tempFileURL === 'string' && entry.tempFileURL !== '')
      urls.set(entry.fileID, viewableFileUrl(entry.tempFileURL))
  }
  return urls
}
