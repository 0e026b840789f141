// The client's configuration, read in this one place. Taro inlines every `process.env.TARO_APP_*`
// at build time from client/.env (defaults, committed) and client/.env.local (real values, ignored).

/**
 * Base URL of the local cloud the H5 build calls instead of WeChat's cloud; empty means the page's own
 * origin (the H5 server proxies the cloud's routes).
 */
export const localcloudUrl: string = process.env.TARO_APP_LOCALCLOUD_URL ?? ''

/** Cloud environment id that `Taro.cloud.init` selects in the mini-program. */
export const cloudEnv: string = process.env.TARO_APP_CLOUD_ENV ?? ''
