/**
 * The presets as a user's ESLint applies them: no-console and the rules about a log line's shape are
 * off in tests, fixtures, seeds, examples, stories, migrations and command-line tools, the secret and
 * metric rules stay on there, a later entry can turn a rule back on, and the file-name patterns never
 * pull a non-source file into the lint.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import { defineConfig } from 'eslint/config';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../rules/index';

const PARSE: Linter.Config = {
  files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
  languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
};
const PRINTS =
  "export function run(orderId: string) {\n  console.log('order created', orderId);\n}\n";
const LOGS_TEXT =
  "import pino from 'pino';\nconst logger = pino();\nexport function run(id: string) {\n  logger.info(`Migrated ${id}`);\n}\n";
const PRINTS_A_SECRET =
  "export function run(user: { password: string }) {\n  console.log('login', { password: user.password });\n}\n";

type Level = keyof typeof plugin.configs;

function ruleIds(code: string, filename: string, configs: Linter.Config[]): string[] {
  const linter = new Linter({ configType: 'flat', cwd: '/project' });
  const messages = linter.verify(code, configs, path.posix.join('/project', filename));
  // A parse error or a file no config matches would make every "not reported" pass vacuously.
  const fatal = messages.find((message) => message.ruleId === null);
  if (fatal) throw new Error(`${filename}: ${fatal.message}`);
  return messages.map((message) => message.ruleId ?? '').sort();
}

const preset = (level: Level): Linter.Config[] => [PARSE, ...plugin.configs[level]];

describe.each(['recommended', 'strict'] as const)('configs.%s', (level) => {
  it('is the rules entry, then a console-allowed entry that turns off console and message rules', () => {
    const [rules, consoleAllowed] = plugin.configs[level];
    expect(plugin.configs[level]).toHaveLength(2);
    expect(rules.name).toBe(`structured-logging/${level}`);
    expect(rules.files).toBeUndefined();
    expect(rules.rules?.['structured-logging/no-console']).toBe('error');
    expect(consoleAllowed.name).toBe(`structured-logging/${level}/console-allowed`);
    expect(consoleAllowed.plugins?.['structured-logging']).toBe(plugin);
    expect(consoleAllowed.rules).toMatchObject({
      'structured-logging/no-console': 'off',
      'structured-logging/no-dynamic-message': 'off',
      'structured-logging/error-field': 'off',
    });
    for (const kept of ['no-unbounded-metric-labels', 'fields-position'])
      expect(consoleAllowed.rules?.[`structured-logging/${kept}`]).toBeUndefined();
    expect(consoleAllowed.rules?.['structured-logging/no-sensitive-data']).toEqual([
      'error',
      { categories: ['secret'] },
    ]);
    expect(consoleAllowed.files).toEqual(
      expect.arrayContaining(['**/__tests__/**', '**/scripts/**', '**/bin/**', '**/test/**']),
    );
  });

  it('reports console in application code', () => {
    expect(ruleIds(PRINTS, 'src/app.ts', preset(level))).toEqual(['structured-logging/no-console']);
    expect(ruleIds(PRINTS, 'index.js', preset(level))).toEqual(['structured-logging/no-console']);
  });

  it.each([
    'src/app.test.ts',
    'src/app.spec.tsx',
    'src/__tests__/app.ts',
    'test/helpers.ts',
    'packages/api/tests/setup.mts',
    'e2e/login.ts',
    'src/__fixtures__/order.js',
    'fixtures/sample/app.ts',
    'prisma/seed.ts',
    'src/db/seedUsers.ts',
    'src/db/users.seed.ts',
    'db/seeds/01_users.js',
    'db/seeders/20240101-users.cjs',
    'scripts/migrate.ts',
    'bin/cli.js',
    'src/cli/manage.js',
    'packages/shop-cli/src/display.ts',
    'server/migrations/20240101-backfill.js',
    'examples/basic.mjs',
    'src/Button.stories.tsx',
  ])('does not report console, nor a message built from values, in %s', (file) => {
    expect(ruleIds(PRINTS, file, preset(level))).toEqual([]);
    expect(ruleIds(LOGS_TEXT, file, preset(level))).toEqual([]);
  });

  it('reports a message built from values in application code', () => {
    expect(ruleIds(LOGS_TEXT, 'src/app.ts', preset(level))).toEqual([
      'structured-logging/no-dynamic-message',
    ]);
  });

  it.each([
    'src/latest.ts',
    'src/testing/helpers.ts',
    'src/contest/entry.ts',
    'src/binary.ts',
    'src/examples.ts',
    'src/fixture.ts',
    'src/transcripts/run.ts',
    'src/clients/http.ts',
    'src/commands/create-order.handler.ts',
  ])('still reports console in %s, which only looks like a test or a script', (file) => {
    expect(ruleIds(PRINTS, file, preset(level))).toEqual(['structured-logging/no-console']);
  });

  it.each(['src/app.test.ts', 'scripts/migrate.ts', 'bin/cli.js'])(
    'still reports a secret printed in %s (no-sensitive-data stays on)',
    (file) => {
      expect(ruleIds(PRINTS_A_SECRET, file, preset(level))).toEqual([
        'structured-logging/no-sensitive-data',
      ]);
      expect(ruleIds(PRINTS_A_SECRET, 'src/app.ts', preset(level))).toEqual([
        'structured-logging/no-console',
        'structured-logging/no-sensitive-data',
      ]);
    },
  );

  it.each(['scripts/backfill-customers.ts', 'src/app.test.ts'])(
    'does not report the personal data %s prints for its operator, as it does in application code',
    (file) => {
      const printsAnEmail = 'console.log(`Updated customer ${customer.email}`);';
      expect(ruleIds(printsAnEmail, file, preset(level))).toEqual([]);
      expect(ruleIds(printsAnEmail, 'src/app.ts', preset(level))).toEqual([
        'structured-logging/no-console',
        'structured-logging/no-sensitive-data',
      ]);
    },
  );
});

describe('undoing and narrowing the console-allowed entry', () => {
  it('a later entry with files turns no-console back on there, and only there', () => {
    const configs = [
      ...preset('recommended'),
      { files: ['scripts/**'], rules: { 'structured-logging/no-console': 'error' as const } },
    ];
    expect(ruleIds(PRINTS, 'scripts/migrate.ts', configs)).toEqual([
      'structured-logging/no-console',
    ]);
    expect(ruleIds(PRINTS, 'bin/cli.js', configs)).toEqual([]);
  });

  it('a later entry can add a folder of its own', () => {
    const configs = [
      ...preset('recommended'),
      { files: ['tools/**'], rules: { 'structured-logging/no-console': 'off' as const } },
    ];
    expect(ruleIds(PRINTS, 'tools/release.ts', configs)).toEqual([]);
  });

  it('extends with files narrows both entries (defineConfig)', () => {
    const configs = defineConfig(PARSE, {
      files: ['src/**'],
      extends: [plugin.configs.recommended],
    });
    expect(ruleIds(PRINTS, 'src/app.ts', configs)).toEqual(['structured-logging/no-console']);
    expect(ruleIds(PRINTS, 'src/app.test.ts', configs)).toEqual([]);
    expect(ruleIds(PRINTS, 'scripts/migrate.ts', configs)).toEqual([]);
  });
});

describe('the file patterns lint nothing new', () => {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'structured-logging-presets-'));
  afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: plugin.configs.recommended,
  });

  it.each([
    'src/__snapshots__/app.test.ts.snap',
    'src/Button.stories.mdx',
    'prisma/seed.sql',
    'test/data.json',
    'scripts/deploy.sh',
    'src/app.spec.json',
  ])('leaves %s unmatched, as without the presets', async (file) => {
    expect(await eslint.calculateConfigForFile(file)).toBeUndefined();
  });

  // A TypeScript test, story or seed file is matched by the presets alone (docs/ci.md says so): its
  // pattern names `.ts`, as typescript-eslint's configs do.
  it('matches JavaScript and TypeScript tests and scripts, with no-console off and the other rules on', async () => {
    for (const file of [
      'src/app.test.js',
      'scripts/migrate.mjs',
      'bin/cli.cjs',
      'src/app.test.ts',
    ]) {
      const config = (await eslint.calculateConfigForFile(file)) as Linter.Config;
      const severity = (rule: string) =>
        (config.rules?.[`structured-logging/${rule}`] as unknown[] | undefined)?.[0];
      expect(severity('no-console'), file).toBe(0);
      expect(severity('no-sensitive-data'), file).toBe(2);
    }
  });
});
