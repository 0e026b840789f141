/**
 * The client's jest project: jsdom, TSX through ts-jest (react-jsx), and the platform mapped away —
 * @tarojs/components and @taroify/core to host elements, @tarojs/taro to an in-memory fake, styles to
 * nothing — so pages render in a plain DOM and tests drive them with Testing Library.
 */
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const standIns = path.join(__dirname, 'stand-ins');

module.exports = {
  displayName: 'client',
  rootDir: root,
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/tests/client'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  setupFilesAfterEnv: [path.join(standIns, 'setup.ts')],
  moduleNameMapper: {
    '^@tarojs/components$': path.join(standIns, 'taro-components.tsx'),
    '^@tarojs/taro$': path.join(standIns, 'taro.ts'),
    '^@taroify/core$': path.join(standIns, 'taroify.tsx'),
    '\\.(css|scss)$': path.join(standIns, 'style.ts'),
  },
  transform: {
    '^.+\\.tsx?$': [
      'ts-jest',
      {
        diagnostics: false,
        tsconfig: {
          isolatedModules: true,
          jsx: 'react-jsx',
          esModuleInterop: true,
          allowSyntheticDefaultImports: true,
          resolveJsonModule: true,
          module: 'commonjs',
          target: 'ES2020',
        },
      },
    ],
  },
  testTimeout: 60000,
};
