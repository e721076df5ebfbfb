/**
 * The package as users get it. A clean copy of this checkout (the files git tracks or would track,
 * committed or not, and no dist/) is packed with `npm pack`, whose prepack step must build dist/;
 * the tarball is installed into a fresh project the way a user would, then required, imported, linted
 * through ESLint's API (ESLint 10, and ESLint 9 from the dev dependency `eslint-v9`), type-checked,
 * and its bin run. The copy reuses this checkout's node_modules through a symlink; the project installs
 * from npm's cache that `npm ci` filled.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typeCheck } from './types/check';

const ROOT = path.resolve(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NAME = 'eslint-plugin-structured-logging';
const RULES = fs
  .readdirSync(path.join(ROOT, 'docs/rules'))
  .map((file) => file.replace(/\.md$/, ''));
let source: string;
let project: string;
let packed: { filename: string; files: Array<{ path: string }> };

const CODE = `import pino from 'pino';
const logger = pino();
export function charge(order: { id: string }, attempt: number): void {
  logger.info(\`Charging order \${order.id} (attempt \${attempt})\`);
  logger.info('order.charged', { orderId: order.id });
}
`;
const EXPECTED = [
  '4:structured-logging/no-dynamic-message',
  '5:structured-logging/fields-position',
];

/** Preloaded with --require: `typescript` cannot be resolved, as when it is not installed. */
const WITHOUT_TYPESCRIPT = `const Module = require('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'typescript' || request.startsWith('typescript/')) {
    throw Object.assign(new Error("Cannot find module '" + request + "'"), { code: 'MODULE_NOT_FOUND' });
  }
  return resolve.call(this, request, ...rest);
};
`;

/** The README's configuration examples ('Use it'), by the file name in their first line. */
function readmeConfig(file: string): string {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/^```js\n([\s\S]*?)^```$/gm)]
    .map((match) => match[1])
    .find((code) => code.startsWith(`// ${file}\n`));
  if (!block) throw new Error(`README.md has no \`// ${file}\` example`);
  return block;
}

/** The files of a clean clone of this checkout at its working state: tracked or untracked but not ignored. */
function copyCheckout(to: string): void {
  const files = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    { cwd: ROOT, encoding: 'utf8' },
  )
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    const from = path.join(ROOT, file);
    // Deleted in the working tree but still tracked; or a symlink, which a clone would hold as one.
    if (!fs.existsSync(from) || fs.lstatSync(from).isSymbolicLink()) continue;
    fs.mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    fs.copyFileSync(from, path.join(to, file));
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(to, 'node_modules'), 'junction');
}

beforeAll(() => {
  source = fs.mkdtempSync(path.join(os.tmpdir(), 'structured-logging-checkout-'));
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'structured-logging-package-'));
  copyCheckout(source);
  if (fs.existsSync(path.join(source, 'dist')))
    throw new Error('the clean copy has a dist/: it is not clean');
  // --json keeps stdout to the report, unless the build fails: tsc writes its errors there.
  const pack = spawnSync(npm, ['pack', '--json', '--pack-destination', project], {
    cwd: source,
    encoding: 'utf8',
  });
  if (pack.status !== 0)
    throw new Error(`npm pack exited ${pack.status}:\n${pack.stdout}\n${pack.stderr}`);
  [packed] = JSON.parse(pack.stdout);
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  fs.writeFileSync(
    path.join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, version: '1.0.0' }),
  );
  execFileSync(
    npm,
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      `./${packed.filename}`,
      `eslint@${manifest.devDependencies.eslint}`,
      `@typescript-eslint/parser@${manifest.devDependencies['@typescript-eslint/parser']}`,
    ],
    { cwd: project, stdio: 'pipe' },
  );
  const configBody = `[
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  ...structuredLogging.configs.recommended,
]`;
  fs.writeFileSync(
    path.join(project, 'eslint.config.mjs'),
    `import structuredLogging from '${NAME}';\nimport tsParser from '@typescript-eslint/parser';\nexport default ${configBody};\n`,
  );
  fs.writeFileSync(
    path.join(project, 'eslint.config.cjs'),
    `const structuredLogging = require('${NAME}');\nconst tsParser = require('@typescript-eslint/parser');\nmodule.exports = ${configBody};\n`,
  );
  fs.mkdirSync(path.join(project, 'src'));
  fs.writeFileSync(path.join(project, 'src/payments.ts'), CODE);
  fs.writeFileSync(
    path.join(project, 'src/plain.js'),
    "const logger = require('pino')();\nlogger.info(`Started ${process.pid}`);\n",
  );
  fs.writeFileSync(path.join(project, 'without-typescript.cjs'), WITHOUT_TYPESCRIPT);
  fs.writeFileSync(path.join(project, 'readme.config.mjs'), readmeConfig('eslint.config.mjs'));
  fs.writeFileSync(path.join(project, 'readme.config.cjs'), readmeConfig('eslint.config.cjs'));
  fs.cpSync(path.join(__dirname, 'types/fixtures'), path.join(project, 'types'), {
    recursive: true,
  });
}, 240_000);

afterAll(() => {
  for (const directory of [source, project])
    if (directory) fs.rmSync(directory, { recursive: true, force: true });
});

async function lintWith(
  eslintModule: string,
  overrideConfigFile?: string,
  file = 'src/payments.ts',
) {
  const { ESLint } = (await import(eslintModule)) as typeof import('eslint');
  const eslint = new ESLint({ cwd: project, overrideConfigFile });
  const [result] = await eslint.lintFiles([file]);
  return {
    version: ESLint.version,
    messages: result.messages.map((message) => `${message.line}:${message.ruleId}`),
  };
}

function node(args: string[]) {
  const result = spawnSync(process.execPath, args, { cwd: project, encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`node ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  return result.stdout.trim();
}

describe('npm pack of a clean checkout', () => {
  it('builds dist/ before packing (prepack), and ships it with type declarations and no tests', () => {
    const files = packed.files.map((file) => file.path);
    expect(files).toEqual(
      expect.arrayContaining([
        'dist/rules/index.js',
        'dist/rules/index.d.ts',
        'dist/codemods/cli.js',
        'dist/core/model/parse.js',
        'dist/core/loggers/contract.js',
      ]),
    );
    expect(
      files.filter(
        (file) =>
          /^(test|rules|core|codemods|fixtures|bench)\//.test(file) ||
          file.startsWith('dist/test/'),
      ),
    ).toEqual([]);
    const installed = path.join(project, 'node_modules', NAME);
    expect(fs.existsSync(path.join(installed, 'dist/rules/index.js'))).toBe(true);
    expect(fs.existsSync(path.join(installed, 'dist/rules/index.d.ts'))).toBe(true);
  });

  it('ships the README, LICENSE, CHANGELOG and every rule doc that meta.docs.url points to', () => {
    const files = packed.files.map((file) => file.path);
    expect(files).toEqual(
      expect.arrayContaining([
        'README.md',
        'LICENSE',
        'CHANGELOG.md',
        'package.json',
        ...RULES.map((rule) => `docs/rules/${rule}.md`),
      ]),
    );
  });
});

describe('the installed package in a fresh project', () => {
  it('loads with require()', () => {
    const loaded = JSON.parse(
      node([
        '-e',
        `const p = require('${NAME}'); console.log(JSON.stringify({ meta: p.meta, rules: Object.keys(p.rules).sort(), configs: Object.keys(p.configs) }))`,
      ]),
    );
    expect(loaded).toEqual({
      meta: { name: NAME, version: expect.any(String), namespace: 'structured-logging' },
      rules: RULES.sort(),
      configs: ['recommended', 'strict'],
    });
  });

  it('loads with import, default and named, as one object', () => {
    const same = node([
      '--input-type=module',
      '-e',
      `import plugin, { meta, rules, configs } from '${NAME}'; import { createRequire } from 'node:module';
       const required = createRequire(process.cwd() + '/')('${NAME}');
       console.log(plugin === required && meta === plugin.meta && rules === plugin.rules && configs === plugin.configs && configs.recommended[0].plugins['structured-logging'] === plugin);`,
    ]);
    expect(same).toBe('true');
  });

  it('lints through ESLint 10', async () => {
    const { version, messages } = await lintWith(
      path.join(project, 'node_modules/eslint/lib/api.js'),
    );
    expect(version).toMatch(/^10\./);
    expect(messages).toEqual(EXPECTED);
  });

  it('lints through ESLint 10 with a CommonJS eslint.config.cjs', async () => {
    const { messages } = await lintWith(
      path.join(project, 'node_modules/eslint/lib/api.js'),
      'eslint.config.cjs',
    );
    expect(messages).toEqual(EXPECTED);
  });

  it('lints through ESLint 9', async () => {
    const { version, messages } = await lintWith(
      path.join(ROOT, 'node_modules/eslint-v9/lib/api.js'),
    );
    expect(version).toMatch(/^9\./);
    expect(messages).toEqual(EXPECTED);
  });

  it.each([
    { config: 'readme.config.mjs', major: '10' },
    { config: 'readme.config.cjs', major: '10' },
    { config: 'readme.config.mjs', major: '9' },
  ])(
    "lints with the README's $config (defineConfig) through ESLint $major",
    async ({ config, major }) => {
      // The config file's own `eslint/config` is the project's ESLint 10 either way.
      const api =
        major === '9'
          ? path.join(ROOT, 'node_modules/eslint-v9/lib/api.js')
          : path.join(project, 'node_modules/eslint/lib/api.js');
      const { version, messages } = await lintWith(api, config, 'src/plain.js');
      expect(version.split('.')[0]).toBe(major);
      expect(messages).toEqual(['2:structured-logging/no-dynamic-message']);
    },
  );

  it('lints JavaScript with typescript unresolvable: the rules never load it', () => {
    const output = node([
      '--require',
      './without-typescript.cjs',
      '-e',
      `const { ESLint } = require('eslint'); const plugin = require('${NAME}');
       new ESLint({ overrideConfigFile: true, overrideConfig: plugin.configs.recommended }).lintFiles(['src/plain.js'])
         .then(([result]) => console.log(JSON.stringify(result.messages.map((m) => m.ruleId ?? m.message))));`,
    ]);
    expect(JSON.parse(output)).toEqual(['structured-logging/no-dynamic-message']);
  });

  it('type-checks eslint.config.mts and .cts against the installed declarations (ESLint 10)', () => {
    const fixtures = fs
      .readdirSync(path.join(project, 'types'))
      .map((name) => path.join(project, 'types', name));
    const result = typeCheck(
      fixtures,
      path.join(project, 'node_modules/eslint'),
      path.join(project, 'node_modules', NAME),
    );
    expect(result.pluginFiles).toContain(path.join('rules', 'index.d.ts'));
    expect(result.diagnostics).toEqual([]);
  }, 120_000);

  it('runs `structured-logging --help` from node_modules/.bin', () => {
    const result = spawnSync(
      path.join(project, 'node_modules/.bin/structured-logging'),
      ['--help'],
      { cwd: project, encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Usage: structured-logging/);
    expect(result.stdout).toContain('codemod');
  });

  it('runs a codemod from node_modules/.bin', () => {
    const bin = path.join(project, 'node_modules/.bin/structured-logging');
    const result = spawnSync(
      bin,
      ['codemod', 'structured-messages', 'src/payments.ts', '--dry', '--print', '--no-progress'],
      { cwd: project, encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      "+  logger.info({ orderId: order.id, attempt }, 'order.charging');",
    );
  });
});
