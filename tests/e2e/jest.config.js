/**
 * End-to-end tests: the H5 build in headless Chromium against a local cloud running the real cloud
 * functions (tests/e2e/helpers). Slow (builds, a browser), so not part of the default `npx jest` run:
 *
 *   npx jest -c tests/e2e/jest.config.js          (E2E_BUILD_H5=never to reuse client/dist/h5 as it is)
 */
const path = require('node:path');

module.exports = {
  rootDir: path.resolve(__dirname, '../..'),
  displayName: 'e2e',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['**/*.e2e.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { diagnostics: false, tsconfig: { isolatedModules: true } }] },
  testTimeout: 300000,
  maxWorkers: 1,
};
