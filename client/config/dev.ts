import type { UserConfigExport } from '@tarojs/cli'

// Watch builds (`npm run dev:h5`, `dev:weapp`): keep webpack's cache between rebuilds.
export default {
  cache: { enable: true },
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    // The client calls the local cloud at its own origin (client/.env): forward those routes to it.
    devServer: {
      host: '127.0.0.1',
      port: 10086,
      proxy: ['/functions', '/auth', '/storage', '/__local'].map((context) => ({
        context: [context],
        target: process.env.LOCALCLOUD_URL ?? 'http://127.0.0.1:8787',
      })),
    },
  },
} satisfies UserConfigExport<'webpack5'>
