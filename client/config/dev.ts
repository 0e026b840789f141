import type { UserConfigExport } from '@tarojs/cli'

// Watch builds (`npm run dev:h5`, `dev:weapp`): keep webpack's cache between rebuilds.
export default {
  cache: { enable: true },
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    devServer: { host: '127.0.0.1', port: 10086 },
  },
} satisfies UserConfigExport<'webpack5'>
