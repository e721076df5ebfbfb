// The project lints itself with its own recommended config (built to dist/ by `npm run build`).
const tsParser = require('@typescript-eslint/parser');
const structuredLogging = require('./dist/rules/index.js');

module.exports = [
  { ignores: ['dist/', 'node_modules/', 'fixtures/', 'bench/.corpus/', 'coverage/'] },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' } },
  },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
  },
  ...structuredLogging.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
];
