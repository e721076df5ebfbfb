// The project lints itself with its own recommended config (built to dist/ by `npm run build`).
const tsParser = require('@typescript-eslint/parser');
const structuredLogging = require('./dist/rules/index.js');

module.exports = [
  { ignores: ['dist/', 'node_modules/', 'fixtures/', 'bench/.corpus/', 'coverage/'] },
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
      },
    },
  },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
  },
  ...structuredLogging.configs.recommended,
  {
    // This package ships a command (bin) but is a library first: check its console use everywhere
    // except the CLI's own files below.
    settings: { 'structured-logging': { cliPackages: false } },
  },
  {
    // The CLI, its progress output and the scripts print for humans: console is their job.
    files: ['codemods/cli.ts', 'codemods/progress.ts', 'scripts/**', 'bench/**'],
    rules: { 'structured-logging/no-console': 'off' },
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
];
