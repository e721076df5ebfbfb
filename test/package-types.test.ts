/**
 * The plugin's published typings as a TypeScript user meets them: what users write in
 * eslint.config.mts and .cts (test/types/fixtures/typed-config.*), with `defineConfig` from
 * 'eslint/config', `satisfies Linter.Config[]`, `ESLint.Plugin`, default, named and `require` imports,
 * type-checked with the compiler API against ESLint 10 (node_modules/eslint) and ESLint 9
 * (node_modules/eslint-v9). Reads the declarations in dist/, which `npm test` builds first;
 * test/package.test.ts checks the packed package the same way.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { typeCheck } from './types/check';

const ROOT = path.resolve(__dirname, '..');
const FIXTURES = path.join(__dirname, 'types/fixtures');
const fixtures = fs.readdirSync(FIXTURES).map((name) => path.join(FIXTURES, name));
const ESM_FIXTURE = path.join(FIXTURES, 'typed-config.mts');

beforeAll(() => {
  const declarations = path.join(ROOT, 'dist/rules/index.d.ts');
  if (!fs.existsSync(declarations))
    throw new Error('dist/ is missing: run `npm run build` (npm test does)');
  if (fs.statSync(declarations).mtimeMs < fs.statSync(path.join(ROOT, 'rules/index.ts')).mtimeMs)
    throw new Error('dist/ is older than rules/index.ts: run `npm run build`');
});

describe.each([
  { major: 10, eslint: 'node_modules/eslint' },
  { major: 9, eslint: 'node_modules/eslint-v9' },
])('typings with ESLint $major', ({ major, eslint }) => {
  it('type-check an eslint.config.mts and .cts (NodeNext)', () => {
    expect(fixtures.map((file) => path.basename(file)).sort()).toEqual([
      'typed-config.cts',
      'typed-config.mts',
    ]);
    const result = typeCheck(fixtures, path.join(ROOT, eslint), ROOT);
    expect(result.eslintVersion.split('.')[0]).toBe(String(major));
    expect(result.pluginFiles).toContain(path.join('rules', 'index.d.ts'));
    expect(result.diagnostics).toEqual([]);
  }, 120_000);
});

it('type-checks an eslint.config.mts with moduleResolution Bundler (ESLint 10)', () => {
  const result = typeCheck([ESM_FIXTURE], path.join(ROOT, 'node_modules/eslint'), ROOT, 'Bundler');
  expect(result.pluginFiles).toContain(path.join('rules', 'index.d.ts'));
  expect(result.diagnostics).toEqual([]);
}, 120_000);
