/**
 * Two projects:
 * - `node`: every TypeScript test under tests/ with ts-jest in the node environment (type-checking is
 *   `npm run typecheck`'s job), except the client's and the browser end-to-end tests;
 * - `client`: tests/client, components (.tsx) in jsdom with @tarojs/components and Taro mapped to small
 *   stand-ins (tests/client/stand-ins), and the weapp output in miniprogram-simulate.
 * The end-to-end tests (tests/e2e, headless Chromium on the H5 build) have their own config:
 * `npx jest -c tests/e2e/jest.config.js`.
 */
const tsJest = ['ts-jest', { isolatedModules: true, diagnostics: false }];

module.exports = {
  maxWorkers: 2,
  testTimeout: 30000,
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/client/', '<rootDir>/tests/e2e/'],
      transform: { '^.+\\.tsx?$': tsJest },
      testTimeout: 30000,
    },
    require('./tests/client/jest.project'),
  ],
};
