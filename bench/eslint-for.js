'use strict';
// The ESLint runs the benchmark compares, shared by run.js and lint-instructions.js.
const { ESLint } = require('eslint');
const tsParser = require('@typescript-eslint/parser');

const MODES = ['bare', 'trivial', 'preset'];

/**
 * ESLint over the folder with the same parser and: no rules ('bare', the baseline), one
 * trivial core rule ('trivial': ESLint then runs its rule machinery, so this is parse and traverse),
 * or the recommended preset ('preset'); `extra` config entries come last (a test's counting rule).
 */
function eslintFor(directory, mode, stats = false, extra = []) {
  const base = [
    { ignores: ['**/node_modules/**', '**/dist/**', '**/*.d.ts'] },
    {
      files: ['**/*.{js,jsx,ts,tsx,mjs,cjs}'],
      languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
  ];
  const byMode = {
    bare: () => [],
    trivial: () => [{ rules: { 'no-debugger': 'error' } }],
    // Loaded only here, so the other modes do not pay for loading the plugin.
    preset: () => [
      ...require('../dist/rules/index.js').configs.recommended,
      {
        settings: {
          'structured-logging': { logger: { importFrom: './src/logger', importName: 'logger' } },
        },
      },
    ],
  };
  const forMode = Object.hasOwn(byMode, mode) ? byMode[mode] : undefined;
  if (!forMode) throw new Error(`unknown lint mode '${mode}': expected one of ${MODES.join(', ')}`);
  return new ESLint({
    cwd: directory,
    overrideConfigFile: true,
    overrideConfig: [...base, ...forMode(), ...extra],
    stats,
  });
}

module.exports = { eslintFor, MODES };
