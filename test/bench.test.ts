/**
 * The benchmark's instruction count (bench/lint-instructions.js, run under valgrind by bench/run.js)
 * must lint what it says: the first N files of the folder, with the same configuration as the timed
 * runs. Valgrind itself is not needed here; the count is only as good as the run it counts. And the
 * corpus it measures must stay as demanding as the real code its profile claims to match.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeLogCall } from '../core/loggers/log-calls';
import { fileModelFor, settingsFor } from '../rules/utils';
import { REAL_MAXIMA_PER_KB, writeCorpus, type CorpusProfile } from './corpus';

const { eslintFor } = require('../bench/eslint-for.js') as {
  eslintFor: (
    directory: string,
    mode: string,
    stats?: boolean,
    extra?: unknown[],
  ) => import('eslint').ESLint;
};

const SCRIPT = path.resolve(__dirname, '../bench/lint-instructions.js');
let project: string;

beforeAll(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'structured-logging-bench-'));
  writeCorpus(project, 30, 5, { profile: 'offending' });
});

function run(files: number, mode: string, ...rest: string[]): string {
  return execFileSync(process.execPath, [SCRIPT, project, String(files), mode, ...rest], {
    encoding: 'utf8',
  }).trim();
}

describe('bench/lint-instructions.js', () => {
  it('lints the first files of the folder in name order, as the preset reports them', async () => {
    const output = run(12, 'preset');
    const [, problems, files] = /^(\d+) problems in (\d+) files$/.exec(output) ?? [];
    expect(Number(files)).toBe(12);
    // The same twelve files, listed independently: every lintable file, sorted by path segment.
    const all = (fs.readdirSync(project, { recursive: true }) as string[])
      .filter(
        (file) =>
          /\.(js|jsx|ts|tsx|mjs|cjs)$/.test(file) &&
          !file.endsWith('.d.ts') &&
          !file.split(path.sep).includes('node_modules'),
      )
      .map((file) => file.split(path.sep))
      .sort((a, b) => {
        for (let i = 0; i < Math.min(a.length, b.length); i++)
          if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
        return a.length - b.length;
      })
      .map((segments) => path.join(project, ...segments));
    const results = await eslintFor(project, 'preset').lintFiles(all.slice(0, 12));
    const expected = results.reduce((sum, result) => sum + result.messages.length, 0);
    expect(expected).toBeGreaterThan(0);
    expect(Number(problems)).toBe(expected);
  }, 60_000);

  it('runs the trivial rule, which reports nothing on the corpus, and starts up over no files', () => {
    expect(run(12, 'trivial')).toBe('0 problems in 12 files');
    expect(run(0, 'preset')).toBe('0 problems in 0 files');
  }, 60_000);

  it('lints the same files the same way after shifting the collection schedule', () => {
    const unshifted = run(12, 'preset');
    expect(run(12, 'preset', '16')).toBe(unshifted);
    expect(run(12, 'preset', '48')).toBe(unshifted);
  }, 60_000);

  it('rejects a shift that is not a whole number of megabytes, naming it', () => {
    const result = spawnSync(process.execPath, [SCRIPT, project, '3', 'preset', '1.5'], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("shift must be a whole number of megabytes, got '1.5'");
  });

  it('names an unknown mode', () => {
    const result = spawnSync(process.execPath, [SCRIPT, project, '3', 'everything'], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "unknown lint mode 'everything': expected one of bare, trivial, preset",
    );
  });
});

describe('bench/corpus.js', () => {
  it('calibrated: at least as many log calls and problems per KB, rule by rule, as the densest real repository', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'structured-logging-calibrated-'));
    const files = writeCorpus(directory, 1000, 42, { profile: 'calibrated' });
    const kilobytes = files.reduce((sum, file) => sum + fs.statSync(file).size, 0) / 1024;
    let logCalls = 0;
    const countLogCalls: import('eslint').Rule.RuleModule = {
      meta: { type: 'problem', schema: [] },
      create: (context) => ({
        CallExpression(node) {
          const rule = context as unknown as Parameters<typeof fileModelFor>[0];
          if (
            analyzeLogCall(
              node as unknown as TSESTree.CallExpression,
              fileModelFor(rule),
              settingsFor(rule),
            )
          )
            logCalls++;
        },
      }),
    };
    // The benchmark's own preset configuration, so the densities are those of what it lints.
    const eslint = eslintFor(directory, 'preset', false, [
      {
        plugins: { count: { rules: { 'log-calls': countLogCalls } } },
        rules: { 'count/log-calls': 'error' },
      },
    ]);
    const problems: Record<string, number> = {};
    for (const result of await eslint.lintFiles(files)) {
      for (const message of result.messages) {
        if (!message.ruleId?.startsWith('structured-logging/')) continue;
        const rule = message.ruleId.slice('structured-logging/'.length);
        problems[rule] = (problems[rule] ?? 0) + 1;
        // The real maxima were measured when error-field also reported an error lost in a dynamic
        // message; no-dynamic-message reports that call alone now (one call, one report), and
        // error-field's analysis still runs on it: count it where it was counted then.
        if (message.messageId === 'dynamicMessageWithError')
          problems['error-field'] = (problems['error-field'] ?? 0) + 1;
      }
    }
    const perKilobyte = (count: number) => count / kilobytes;
    const measured: Record<string, number> = {
      logCalls: perKilobyte(logCalls),
      problems: perKilobyte(Object.values(problems).reduce((sum, count) => sum + count, 0)),
    };
    for (const [rule, count] of Object.entries(problems)) measured[rule] = perKilobyte(count);
    for (const [quantity, realMaximum] of Object.entries(REAL_MAXIMA_PER_KB)) {
      expect({ quantity, atLeastRealMaximum: (measured[quantity] ?? 0) >= realMaximum }).toEqual({
        quantity,
        atLeastRealMaximum: true,
      });
    }
  }, 120_000);

  it('offending and dense: the same files as ever, byte for byte (the end-to-end tests are written against them)', () => {
    // Digests of the first 200 files, seed 42, as the generator wrote them before the calibrated
    // profile got its own mix (the offending profile was then called calibrated).
    const digest = (profile: CorpusProfile) => {
      const directory = fs.mkdtempSync(path.join(os.tmpdir(), `structured-logging-${profile}-`));
      const hash = createHash('sha256');
      for (const file of writeCorpus(directory, 200, 42, { profile }))
        hash.update(`${path.relative(directory, file)}\0${fs.readFileSync(file, 'utf8')}\0`);
      return hash.digest('hex');
    };
    expect(digest('offending')).toBe(
      '73a5ca2d7be0f7d7612376e29593022fc8f89c90deeaaf89df119f51dea6fdfb',
    );
    expect(digest('dense')).toBe(
      '1aca1e0e4b51f8b39eac5713385de52d7426d86bb3129b190c908437d4989738',
    );
  });

  it('names the variable when BENCH_PROFILE is not a profile, before any work', () => {
    const result = spawnSync(process.execPath, [path.resolve(__dirname, '../bench/run.js')], {
      encoding: 'utf8',
      env: { ...process.env, BENCH_PROFILE: 'heavy' },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "BENCH_PROFILE must be one of calibrated, offending, dense, got 'heavy'",
    );
  });
});
