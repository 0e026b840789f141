import { resolve } from 'node:path'

import { defineConfig, type UserConfigExport } from '@tarojs/cli'

import devConfig from './dev'
import { OfflineShellPlugin } from './offline-shell'
import prodConfig from './prod'

// Both targets build side by side (dist/weapp for WeChat, dist/h5 for the browser) so one build
// never wipes the other; project.config.json at the repo root points at dist/weapp.
// The shared contracts are TypeScript source in a sibling workspace (symlinked into node_modules):
// Taro compiles only src/ and Taro's own packages unless told to include more.
const sharedSource = resolve(__dirname, '../../shared/src')

// Every Taroify component's style imports @taroify/icons' stylesheet, which loads Vant's icon font from
// a CDN (at.alicdn.com) and adds ~250 glyph classes. Both builds get our offline stand-in instead
// (src/styles/taroify-icons.scss: no remote URL, only the glyphs Taroify's components draw).
const offlineTaroifyIcons = resolve(__dirname, '../src/styles/taroify-icons.scss')
function useOfflineTaroifyIcons(chain: { resolve: { alias: { set(key: string, value: string): unknown } } }): void {
  chain.resolve.alias.set('@taroify/icons/style/index.js$', offlineTaroifyIcons)
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'pingan-grid',
    // 750 design width: 1 design px = 1 rpx. Taroify is written against 750 as well.
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {},
    // The browser build's map picker and QR page draw the demo county's grids from a static copy of
    // its polygons; the mini-program has no such copy (it routes on the server, picks on Tencent's map).
    // The mini-program's alarm for a new help call is a 2 KB sound in the main package (the browser
    // synthesises its beep: device/alert-sound.ts).
    copy: {
      patterns:
        process.env.TARO_ENV === 'h5'
          ? [
              { from: '../data/demo-county/regions.geojson', to: 'dist/h5/local/regions.geojson' },
              { from: '../data/demo-county/landmarks.json', to: 'dist/h5/local/landmarks.json' },
            ]
          : [{ from: 'src/assets/help-alert.wav', to: 'dist/weapp/assets/help-alert.wav' }],
      options: {},
    },
    framework: 'react',
    // Prebundling (dev only) crashes `taro build --type h5 --watch` in 4.1.11 with
    // "finalInputFileSystem._writeVirtualFile is not a function" (NervJS/taro#14257): keep it off.
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile: { include: [sharedSource] },
      webpackChain(chain) {
        useOfflineTaroifyIcons(chain)
      },
      // Taroify's stylesheets arrive in a different order on different pages; our own never depend on
      // the order between files (each component's rules are scoped by its class), so don't warn.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: './',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // Taro's H5 build skips postcss (pxtransform) for node_modules: without this Taroify's sizes
      // would stay design px (twice too large) while ours become rem.
      esnextModules: ['@taroify'],
      compile: { include: [sharedSource] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      // The H5 build runs the app in a browser for development and tests, not for residents; its
      // budget is the weapp one's order of magnitude rather than webpack's 244 KiB web default.
      // Taro splits only initial chunks, so every lazily loaded page would carry its own copy of zod,
      // the transport and the shared components: split async chunks as well.
      webpackChain(chain) {
        useOfflineTaroifyIcons(chain)
        // ECharts (the desktop dashboard's charts, tree-shaken to about 680 KB, 215 KB gzipped) is a chunk of its own that only
        // that page loads; it is measured by itself (docs/DESIGN.md, "The centre dashboard"), not by this budget.
        chain.performance
          .maxEntrypointSize(512 * 1024)
          .maxAssetSize(512 * 1024)
          .assetFilter((file: string) => !file.endsWith('.map') && !file.includes('echarts.'))
        // On a slow phone network (400 ms a request) the home page was 30 chunks, some of 200 bytes: no
        // chunk under 16 KB (before compression) of its own; such modules stay in the chunks that use them.
        // The start page's chunks are preloaded and sw.js keeps the shell for offline reloads (offline-shell.ts).
        if (process.env.NODE_ENV === 'production') {
          chain.plugin('offline-shell').use(OfflineShellPlugin, [/[\\/]src[\\/]pages[\\/]home[\\/]index\.tsx/])
        }
        const splitChunks = chain.optimization.get('splitChunks')
        chain.optimization.splitChunks({
          ...splitChunks,
          chunks: 'all',
          minSize: 16 * 1024,
          cacheGroups: {
            ...splitChunks?.cacheGroups,
            echarts: {
              test: /[\\/]node_modules[\\/](echarts|zrender)[\\/]/,
              name: 'echarts',
              chunks: 'async',
              priority: 30,
              enforce: true,
            },
          },
        })
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
