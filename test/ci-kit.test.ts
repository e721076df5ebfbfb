/**
 * The CI gating kit, through the real command lines: `eslint --max-warnings 0`, SARIF output, ESLint's
 * bulk suppressions for gradual adoption, the documented workflow, and the same rules under oxlint's
 * ESLint-compatible JS plugins.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const ROOT = path.resolve(__dirname, '..');
const ESLINT = path.join(ROOT, 'node_modules/eslint/bin/eslint.js');
/** oxlint is installed into a scratch folder by the test, not kept in devDependencies: the registry
 * here serves only the Linux build of its platform packages, which an `npm ci` lockfile cannot express. */
const OXLINT_VERSION = '1.94.0';
const PLUGIN = path.join(ROOT, 'dist/rules/index.js');
const SAMPLE = path.join(ROOT, 'fixtures/sample-service/src');
const SETTINGS = { style: 'pino', logger: { importFrom: './logger', importName: 'logger' } };
let project: string;

function eslint(...args: string[]) {
  const result = spawnSync(process.execPath, [ESLINT, ...args], { cwd: project, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeEach(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'structured-logging-ci-'));
  fs.cpSync(SAMPLE, path.join(project, 'src'), { recursive: true });
  const parser = require.resolve('@typescript-eslint/parser', { paths: [ROOT] });
  fs.writeFileSync(
    path.join(project, 'eslint.config.js'),
    `const structuredLogging = require(${JSON.stringify(PLUGIN)});
module.exports = [
  { files: ['**/*.ts'], languageOptions: { parser: require(${JSON.stringify(parser)}) } },
  ...structuredLogging.configs.recommended,
  { settings: { 'structured-logging': ${JSON.stringify(SETTINGS)} } },
];
`,
  );
});

function eslintFindings(): string[] {
  const result = eslint('src', '-f', 'json');
  const results = JSON.parse(result.stdout) as Array<{
    filePath: string;
    messages: Array<{ line: number; ruleId: string }>;
  }>;
  return results
    .flatMap((r) => r.messages.map((m) => `${path.basename(r.filePath)}:${m.line}:${m.ruleId}`))
    .sort();
}

describe('CI gating', () => {
  it('--max-warnings 0 fails the build on findings and passes on clean code', () => {
    expect(eslint('src', '--max-warnings', '0').code).toBe(1);
    fs.rmSync(path.join(project, 'src'), { recursive: true });
    fs.mkdirSync(path.join(project, 'src'));
    fs.writeFileSync(
      path.join(project, 'src/ok.ts'),
      "import { logger } from './logger';\nlogger.info({ orderId: 1 }, 'order.created');\n",
    );
    expect(eslint('src', '--max-warnings', '0').code).toBe(0);
  });

  it('writes SARIF 2.1.0 for code scanning with @microsoft/eslint-formatter-sarif', () => {
    // A project resolves the formatter from its own node_modules; this temporary one borrows ours by path.
    const formatter = require.resolve('@microsoft/eslint-formatter-sarif', { paths: [ROOT] });
    expect(eslint('src', '-f', formatter, '-o', 'eslint.sarif').code).toBe(1);
    const sarif = JSON.parse(fs.readFileSync(path.join(project, 'eslint.sarif'), 'utf8')) as {
      version: string;
      runs: Array<{
        results: Array<{ ruleId: string }>;
        tool: { driver: { rules: Array<{ id: string; helpUri?: string }> } };
      }>;
    };
    expect(sarif.version).toBe('2.1.0');
    const ruleIds = sarif.runs[0].results.map((result) => result.ruleId);
    expect(ruleIds.length).toBe(eslintFindings().length);
    expect(ruleIds).toContain('structured-logging/no-dynamic-message');
    expect(
      sarif.runs[0].tool.driver.rules.find(
        (rule) => rule.id === 'structured-logging/no-dynamic-message',
      )?.helpUri,
    ).toMatch(/docs\/rules\/no-dynamic-message\.md$/);
  });

  it('adopts gradually with bulk suppressions, then ratchets down', () => {
    expect(eslint('src', '--suppress-all').code).toBe(0);
    expect(fs.existsSync(path.join(project, 'eslint-suppressions.json'))).toBe(true);
    expect(eslint('src', '--max-warnings', '0').code).toBe(0);
    // A new violation still fails the build.
    fs.writeFileSync(
      path.join(project, 'src/new.ts'),
      "import { logger } from './logger';\nlogger.info(`New ${thing}`);\n",
    );
    const withNew = eslint('src', '--max-warnings', '0');
    expect(withNew.code).toBe(1);
    expect(withNew.stdout).toContain('new.ts');
    expect(withNew.stdout).not.toContain('payments.ts');
    // Fixing suppressed code and pruning shrinks the suppressions file.
    fs.rmSync(path.join(project, 'src/new.ts'));
    const before = fs.readFileSync(path.join(project, 'eslint-suppressions.json'), 'utf8');
    fs.writeFileSync(
      path.join(project, 'src/orders.ts'),
      "import { logger } from './logger';\nexport function summarize(): void {\n  logger.info('orders.summarized');\n}\n",
    );
    expect(eslint('src', '--prune-suppressions').code).toBe(0);
    const after = fs.readFileSync(path.join(project, 'eslint-suppressions.json'), 'utf8');
    expect(before).toContain('orders.ts');
    expect(after).not.toContain('orders.ts');
  });

  it('the documented GitHub Actions workflow runs the gates this kit provides', () => {
    const workflow = parseYaml(
      fs.readFileSync(path.join(ROOT, 'docs/examples/github-actions.yml'), 'utf8'),
    ) as { jobs: { lint: { steps: Array<{ run?: string }> } } };
    const runs = workflow.jobs.lint.steps.flatMap((step) => (step.run ? [step.run] : []));
    expect(runs).toContain('npx eslint . --max-warnings 0');
    expect(runs.some((run) => run.includes('-f @microsoft/eslint-formatter-sarif'))).toBe(true);
    expect(
      runs.some((run) => run.includes('structured-logging codemod all') && run.includes('--check')),
    ).toBe(true);
    expect(
      parseYaml(fs.readFileSync(path.join(ROOT, 'docs/examples/pre-commit-config.yaml'), 'utf8')),
    ).toBeTruthy();
  });
});

describe('oxlint JS plugins', () => {
  it('run the rules unchanged and report what ESLint reports on the sample service', () => {
    const tools = fs.mkdtempSync(path.join(os.tmpdir(), 'structured-logging-oxlint-'));
    fs.writeFileSync(path.join(tools, 'package.json'), '{"private":true}');
    const install = spawnSync(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
        '--loglevel=error',
        `oxlint@${OXLINT_VERSION}`,
      ],
      { cwd: tools, encoding: 'utf8' },
    );
    expect(install.status, install.stderr).toBe(0);
    const OXLINT = path.join(tools, 'node_modules/.bin/oxlint');
    const rules = Object.fromEntries(
      [
        'no-dynamic-message',
        'fields-position',
        'error-field',
        'no-console',
        'no-sensitive-data',
        'no-unbounded-metric-labels',
      ].map((rule) => [`structured-logging/${rule}`, 'error']),
    );
    fs.writeFileSync(
      path.join(project, '.oxlintrc.json'),
      JSON.stringify({ jsPlugins: [PLUGIN], settings: { 'structured-logging': SETTINGS }, rules }),
    );
    const result = spawnSync(OXLINT, ['-A', 'all', '-f', 'json', 'src'], {
      cwd: project,
      encoding: 'utf8',
    });
    const output = JSON.parse(result.stdout) as {
      diagnostics: Array<{
        code: string;
        filename: string;
        labels: Array<{ span: { line: number } }>;
      }>;
    };
    const findings = output.diagnostics
      .map(
        (d) =>
          `${path.basename(d.filename)}:${d.labels[0].span.line}:${d.code.replace(/^structured-logging\((.*)\)$/, 'structured-logging/$1')}`,
      )
      .sort();
    expect(findings.length).toBeGreaterThan(0);
    expect(findings).toEqual(eslintFindings());
  }, 120_000);
});
