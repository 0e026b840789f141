// Prettier, applied to every source file once (in its own commit) and checked by `npm run lint`. The width and
// quotes the code already had; client/ keeps the Taro template's no-semicolon style, the rest uses semicolons.
module.exports = {
  printWidth: 140,
  singleQuote: true,
  trailingComma: 'all',
  arrowParens: 'always',
  overrides: [{ files: ['client/**/*.ts', 'client/**/*.tsx', 'client/**/*.js'], options: { semi: false, jsxSingleQuote: true } }],
};
