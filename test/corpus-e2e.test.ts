/**
 * End to end on a generated, realistic corpus (bench/corpus.js, fixed seed): `codemod all` over a git
 * repository with worker threads, then a second run that must change nothing, and the rules agreeing
 * with what the codemods left behind.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { beforeAll, describe, expect, it } from 'vitest';
import plugin from '../rules/index';
import { writeCorpus } from './corpus';

const CLI = path.resolve(__dirname, '../dist/codemods/cli.js');
const BROKEN = 'export function broken( {\n  logger.info(`x ${a}`;\n';
let repo: string;
type Report = {
  summary: Record<string, number>;
  skipped: Array<{ file: string; line: number; codemod: string }>;
};
let first: { code: number | null; report: Report };
let secondReport: Report;

function git(...args: string[]) {
  execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
}

function commitAll(message: string) {
  git('add', '-A');
  git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', message);
}

function codemod(...args: string[]) {
  const progress = args.includes('--dry') ? [] : ['--no-progress'];
  const result = spawnSync(process.execPath, [CLI, 'codemod', 'all', 'src', ...progress, ...args], {
    cwd: repo,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  repo = fs.mkdtempSync(path.join(os.tmpdir(), 'structured-logging-corpus-'));
  writeCorpus(repo, 150, 7, { profile: 'offending' });
  fs.writeFileSync(path.join(repo, 'src', 'broken.ts'), BROKEN);
  git('init', '-q');
  commitAll('corpus');
  const run = codemod('--jobs', '2', '--json');
  first = { code: run.code, report: JSON.parse(run.stdout) };
}, 120_000);

describe('codemod all on a generated corpus', () => {
  it('rewrites the corpus and reports the file it could not parse, untouched', () => {
    expect(first.code).toBe(0);
    expect(first.report.summary.files).toBe(152);
    expect(first.report.summary.changedFiles).toBeGreaterThan(60);
    expect(first.report.summary.failedFiles).toBe(1);
    expect(fs.readFileSync(path.join(repo, 'src', 'broken.ts'), 'utf8')).toBe(BROKEN);
  });

  it('prints plain progress lines when stderr is not a terminal', () => {
    const dry = codemod('--dry');
    expect(dry.code).toBe(0);
    expect(dry.stderr).toMatch(/structured-logging: \d+\/152 files/);
  });

  it('a second run over its own output changes nothing, and --check agrees', () => {
    commitAll('codemod');
    const second = codemod('--json');
    expect(second.code).toBe(0);
    secondReport = JSON.parse(second.stdout) as Report;
    expect(secondReport.summary.changedFiles).toBe(0);
    // broken.ts still does not parse: --check fails on it unless told to accept it.
    expect(codemod('--check', '--allow-parse-errors').code).toBe(0);
  });

  it('every dynamic message the rule still reports is one the codemod listed with a reason', async () => {
    const eslint = new ESLint({
      cwd: repo,
      overrideConfigFile: true,
      overrideConfig: [
        { files: ['**/*.{js,ts}'], languageOptions: { parser: tsParser } },
        {
          plugins: { 'structured-logging': plugin as never },
          rules: { 'structured-logging/no-dynamic-message': 'error' },
        },
      ],
    });
    const results = await eslint.lintFiles(['src']);
    const reported = results.flatMap((result) =>
      result.messages
        .filter((m) => m.ruleId)
        .map((m) => `${path.relative(repo, result.filePath)}:${m.line}`),
    );
    // Line numbers from the second run: they describe the files as they are now.
    const skipped = new Set(
      secondReport.skipped
        .filter((s) => s.codemod === 'structured-messages')
        .map((s) => `${s.file}:${s.line}`),
    );
    expect(reported.length).toBeGreaterThan(0);
    expect(reported.filter((location) => !skipped.has(location))).toEqual([]);
  });
});
