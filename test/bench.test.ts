/**
 * The benchmark's instruction count (bench/lint-instructions.js, run under valgrind by bench/run.js)
 * must lint what it says: the first N files of the folder, with the same configuration as the timed
 * runs. Valgrind itself is not needed here; the count is only as good as the run it counts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const { writeCorpus } = require('../bench/corpus.js') as { writeCorpus: (directory: string, count: number, seed?: number) => string[] };
const { eslintFor } = require('../bench/eslint-for.js') as { eslintFor: (directory: string, mode: string) => import('eslint').ESLint };

const SCRIPT = path.resolve(__dirname, '../bench/lint-instructions.js');
let project: string;

beforeAll(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'structured-logging-bench-'));
  writeCorpus(project, 30, 5);
});

function run(files: number, mode: string, ...rest: string[]): string {
  return execFileSync(process.execPath, [SCRIPT, project, String(files), mode, ...rest], { encoding: 'utf8' }).trim();
}

describe('bench/lint-instructions.js', () => {
  it('lints the first files of the folder in name order, as the preset reports them', async () => {
    const output = run(12, 'preset');
    const [, problems, files] = /^(\d+) problems in (\d+) files$/.exec(output) ?? [];
    expect(Number(files)).toBe(12);
    // The same twelve files, listed independently: every lintable file, sorted by path segment.
    const all = (fs.readdirSync(project, { recursive: true }) as string[])
      .filter((file) => /\.(js|jsx|ts|tsx|mjs|cjs)$/.test(file) && !file.endsWith('.d.ts') && !file.split(path.sep).includes('node_modules'))
      .map((file) => file.split(path.sep))
      .sort((a, b) => {
        for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
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
    const result = spawnSync(process.execPath, [SCRIPT, project, '3', 'preset', '1.5'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("shift must be a whole number of megabytes, got '1.5'");
  });

  it('names an unknown mode', () => {
    const result = spawnSync(process.execPath, [SCRIPT, project, '3', 'everything'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("unknown lint mode 'everything': expected one of bare, trivial, preset");
  });
});
