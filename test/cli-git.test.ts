/**
 * End to end: the CLI and git. The clean-tree check looks at the repository of every target path,
 * not only the one it runs in; `--since` narrows a run to the files changed since a ref.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  assertBuilt,
  commitAll,
  git,
  makeDir,
  makeRepo,
  oneLineError,
  PAYMENTS,
  PAYMENTS_AFTER,
  read,
  run,
} from './cli-helpers';

beforeAll(assertBuilt);

describe('structured-logging codemod and git', () => {
  it('refuses a target in another repository whose tree is dirty, even when the current one is clean', () => {
    const here = makeRepo({ 'README.md': 'clean\n' });
    const other = makeRepo({ 'b.ts': PAYMENTS });
    fs.writeFileSync(path.join(other, 'notes.txt'), 'uncommitted');
    const refused = run(
      here,
      'codemod',
      'structured-messages',
      path.join(other, 'b.ts'),
      '--no-progress',
    );
    expect(refused.code).toBe(2);
    expect(oneLineError(refused)).toContain(
      `the git working tree at ${other} has 1 uncommitted change`,
    );
    expect(read(other, 'b.ts')).toBe(PAYMENTS);
    fs.rmSync(path.join(other, 'notes.txt'));
    expect(run(here, 'codemod', 'structured-messages', other, '--no-progress').code).toBe(0);
    expect(read(other, 'b.ts')).toBe(PAYMENTS_AFTER);
  });

  it('warns, and still runs, for a target that is in no git repository', () => {
    const here = makeRepo({ 'README.md': 'clean\n' });
    const loose = makeDir({ 'c.ts': PAYMENTS });
    const result = run(here, 'codemod', 'structured-messages', loose, '--no-progress');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      `structured-logging: warning: ${loose} is not in a git repository: git cannot show or undo the rewrite`,
    );
    expect(read(loose, 'c.ts')).toBe(PAYMENTS_AFTER);
  });

  it('--since <ref> runs on the files changed since the ref and untracked ones, within the given paths', () => {
    const dir = makeRepo({ 'src/a.ts': PAYMENTS, 'src/b.ts': PAYMENTS, 'c.ts': PAYMENTS });
    git(dir, 'tag', 'base');
    fs.writeFileSync(path.join(dir, 'src/b.ts'), `${PAYMENTS}// committed since base\n`);
    commitAll(dir, 'edit b');
    fs.writeFileSync(path.join(dir, 'c.ts'), `${PAYMENTS}// not committed\n`);
    fs.writeFileSync(path.join(dir, 'src/d.ts'), PAYMENTS);
    const changedFiles = (ref: string, ...args: string[]) => {
      const result = run(
        dir,
        'codemod',
        'structured-messages',
        ...args,
        '--since',
        ref,
        '--dry',
        '--json',
      );
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout) as {
        summary: { files: number };
        changed: Array<{ file: string }>;
      };
      return {
        files: report.summary.files,
        changed: report.changed.map((change) => change.file).sort(),
      };
    };
    expect(changedFiles('base', 'src')).toEqual({
      files: 2,
      changed: [path.join('src', 'b.ts'), path.join('src', 'd.ts')],
    });
    expect(changedFiles('base')).toEqual({
      files: 3,
      changed: ['c.ts', path.join('src', 'b.ts'), path.join('src', 'd.ts')],
    });
    // Three dots, as in CI: what was committed since the branch point, without the uncommitted c.ts.
    expect(changedFiles('base...')).toEqual({
      files: 2,
      changed: [path.join('src', 'b.ts'), path.join('src', 'd.ts')],
    });
    const badRef = run(
      dir,
      'codemod',
      'structured-messages',
      '.',
      '--since',
      'no-such-ref',
      '--dry',
    );
    expect(badRef.code).toBe(2);
    expect(oneLineError(badRef)).toContain("--since no-such-ref: bad revision 'no-such-ref'");
  });

  it('--since needs a git repository', () => {
    const loose = makeDir({ 'c.ts': PAYMENTS });
    const result = run(loose, 'codemod', 'structured-messages', '.', '--since', 'main', '--dry');
    expect(result.code).toBe(2);
    expect(oneLineError(result)).toContain('--since: . is not in a git repository');
  });
});
