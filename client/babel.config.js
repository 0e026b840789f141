// babel-preset-taro: https://docs.taro.zone/docs/next/babel-config
// babel-plugin-import rewrites `import { Button } from '@taroify/core'` to the component's own module
// and stylesheet, so only the components a page uses are bundled.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [
    [
      'import',
      {
        libraryName: '@taroify/core',
        libraryDirectory: '',
        style: true,
      },
      '@taroify/core',
    ],
  ],
}
