import { localcloudBase } from './cloud'

/** The local cloud's route for its temporary download URLs (localcloud/src/storage). */
const LOCALCLOUD_FILE_ROUTE = /^https?:\/\/[^/]+(\/storage\/file\/.*)$/

/**
 * A temporary file URL (from `photoUrls`) as this build can load it. In the mini-program it is WeChat's
 * CDN address and used as it is. The browser build reaches the local cloud through its own origin
 * (client/README.md: whatever serves the page forwards /storage), but the local cloud writes its own
 * address into the URLs it signs, which a phone on the network cannot reach: keep the signed path and
 * query, and put them under the address this build calls the cloud at.
 */
export function viewableFileUrl(url: string): string {
  if (process.env.TARO_ENV !== 'h5') return url
  const route = LOCALCLOUD_FILE_ROUTE.exec(url)?.[1]
  return route === undefined ? url : `${localcloudBase()}${route}`
}
