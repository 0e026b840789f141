// Lint: TypeScript rules plus the dependency directions of docs/DESIGN.md, "Architecture", enforced per folder.
const tseslint = require('typescript-eslint');

const restrict = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

// shared/ is imported as a package, by the subpaths of its package.json `exports`, never by file.
const sharedByPackage = {
  group: ['**/shared/src', '**/shared/src/**', '@pingan/shared/src', '@pingan/shared/src/**'],
  message: "import shared/ as '@pingan/shared' or a subpath of its exports ('@pingan/shared/contracts', '/report' …).",
};

module.exports = tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.localcloud/**', 'artifacts/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // shared/ is the pure domain: no SDK, no Taro, no I/O, and none of the other parts.
    files: ['shared/**/*.ts'],
    rules: restrict([
      {
        group: ['wx-server-sdk', '@cloudbase/*', '@tarojs/*', 'react', 'fs', 'node:*', 'http', 'child_process', 'better-sqlite3'],
        message: 'shared/ is pure: no SDK, Taro or I/O.',
      },
      {
        group: ['**/client/**', '**/cloudfunctions/**', '**/localcloud/**'],
        message: 'shared/ imports nothing of client, cloudfunctions or localcloud.',
      },
    ]),
  },
  {
    files: ['client/**/*.ts', 'client/**/*.tsx'],
    rules: restrict([
      {
        group: ['**/cloudfunctions/**', '**/localcloud/**', 'wx-server-sdk', '@cloudbase/*'],
        message: 'client/ talks to the cloud only through its transport module.',
      },
      sharedByPackage,
    ]),
  },
  {
    files: ['cloudfunctions/**/*.ts'],
    rules: restrict([
      { group: ['**/client/**', '**/localcloud/**', '@tarojs/*'], message: 'cloud functions never import the client or the local cloud.' },
      {
        group: ['wx-server-sdk', '@cloudbase/*'],
        message: 'only cloudfunctions/src/platform/sdk.ts touches the SDK: add what you need there.',
      },
      sharedByPackage,
    ]),
  },
  {
    // The SDK adapter: the one module that imports wx-server-sdk.
    files: ['cloudfunctions/src/platform/sdk.ts'],
    rules: restrict([
      { group: ['**/client/**', '**/localcloud/**', '@tarojs/*'], message: 'cloud functions never import the client or the local cloud.' },
      sharedByPackage,
    ]),
  },
  {
    files: ['localcloud/**/*.ts'],
    rules: restrict([
      {
        group: ['**/client/**', '**/cloudfunctions/src/**', '**/shared/src/**', '@pingan/*'],
        message: 'localcloud/ is a generic CloudBase stand-in: it hosts the project, it does not import it.',
      },
    ]),
  },
  {
    files: ['tools/**/*.ts', 'tests/**/*.ts', 'tests/**/*.tsx', 'bench/**/*.ts'],
    rules: restrict([sharedByPackage]),
  },
);
