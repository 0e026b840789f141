/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production'
    /** The platform being built; replaced at build time. */
    TARO_ENV: 'weapp' | 'h5'
    /** Local cloud base URL for the H5 build, e.g. http://127.0.0.1:8787; empty: the page's own origin (client/.env). */
    TARO_APP_LOCALCLOUD_URL: string
    /** Cloud environment id for Taro.cloud.init in the mini-program (client/.env). */
    TARO_APP_CLOUD_ENV: string
  }
}
