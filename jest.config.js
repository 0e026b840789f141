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
      // Tests through the local cloud make up to a dozen function calls each; on a loaded 2-core machine
      // one call was seen taking 10 s, and a test's limit must never be what fails it (speed goals live in
      // tests/bench). A hung test still fails, two minutes in.
      testTimeout: 120000,
    },
    require('./tests/client/jest.project'),
  ],
};
