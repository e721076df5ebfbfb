/**
 * End to end: the built CLI (dist/, made by `npm test`'s build step) rewriting temporary git
 * repositories, every flag and exit code, plus the transform run by jscodeshift's own CLI.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  assertBuilt,
  BROKEN,
  commitAll,
  makeRepo,
  PAYMENTS,
  PAYMENTS_AFTER,
  read,
  ROOT,
  run,
  UNKNOWN,
} from './cli-helpers';

beforeAll(assertBuilt);

describe('structured-logging codemod', () => {
  it('rewrites a repository, reports every call, and a second run changes nothing', () => {
    const dir = makeRepo({
      'src/payments.ts': PAYMENTS,
      'src/unknown.ts': UNKNOWN,
      'src/broken.ts': BROKEN,
    });
    const first = run(
      dir,
      'codemod',
      'structured-messages',
      'src',
      '--report',
      'report.json',
      '--no-progress',
    );
    expect(first.code).toBe(0);
    expect(read(dir, 'src/payments.ts')).toBe(PAYMENTS_AFTER);
    // A file the parser rejects is reported and left byte-for-byte as it was.
    expect(read(dir, 'src/broken.ts')).toBe(BROKEN);
    const report = JSON.parse(read(dir, 'report.json'));
    expect(report.summary).toMatchObject({
      files: 3,
      changedFiles: 1,
      unchangedFiles: 1,
      failedFiles: 1,
      rewrittenCalls: 1,
      skippedCalls: 1,
    });
    expect(report.failed[0].file).toBe(path.join('src', 'broken.ts'));
    expect(report.skipped[0]).toMatchObject({
      file: path.join('src', 'unknown.ts'),
      line: 2,
      reason: expect.stringContaining("set settings['structured-logging'].style"),
    });
    expect(report.changed[0]).toMatchObject({
      line: 4,
      after: "logger.info({ orderId: order.id, attempt }, 'order.charging')",
    });
    expect(first.stderr).toContain('1 changed');

    commitAll(dir, 'codemod');
    const second = run(dir, 'codemod', 'all', 'src', '--json');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).summary.changedFiles).toBe(0);
  });

  it('refuses a dirty git tree unless --force', () => {
    const dir = makeRepo({ 'a.ts': PAYMENTS });
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'uncommitted');
    const refused = run(dir, 'codemod', 'structured-messages', '.');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/uncommitted change.*--force/);
    expect(read(dir, 'a.ts')).toBe(PAYMENTS);
    expect(run(dir, 'codemod', 'structured-messages', '.', '--force', '--no-progress').code).toBe(
      0,
    );
    expect(read(dir, 'a.ts')).toBe(PAYMENTS_AFTER);
  });

  it('--dry and --print write nothing and print a diff; --check exits 1 when something would change', () => {
    const dir = makeRepo({ 'a.ts': PAYMENTS });
    const dry = run(
      dir,
      'codemod',
      'structured-messages',
      '.',
      '--dry',
      '--print',
      '--no-progress',
    );
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      "+  logger.info({ orderId: order.id, attempt }, 'order.charging');",
    );
    expect(dry.stderr).toContain('dry run');
    expect(read(dir, 'a.ts')).toBe(PAYMENTS);
    expect(run(dir, 'codemod', 'structured-messages', '.', '--check').code).toBe(1);
    expect(read(dir, 'a.ts')).toBe(PAYMENTS);
    fs.writeFileSync(path.join(dir, 'a.ts'), PAYMENTS_AFTER);
    expect(run(dir, 'codemod', 'structured-messages', '.', '--check').code).toBe(0);
  });

  it('reads settings from the ESLint config that applies to each file', () => {
    const dir = makeRepo({
      'eslint.config.js':
        "module.exports = [{ files: ['winston/**/*.ts'], settings: { 'structured-logging': { style: 'winston' } } }, { files: ['pino/**/*.ts'], settings: { 'structured-logging': { style: 'pino' } } }];\n",
      'winston/a.ts': UNKNOWN,
      'pino/a.ts': UNKNOWN,
    });
    expect(run(dir, 'codemod', 'structured-messages', '.', '--no-progress').code).toBe(0);
    expect(read(dir, 'winston/a.ts')).toContain("logger.info('started', { id });");
    expect(read(dir, 'pino/a.ts')).toContain("logger.info({ id }, 'started');");
  });

  it('fails with a message naming the option for invalid settings, before writing anything', () => {
    const dir = makeRepo({
      'a.ts': PAYMENTS,
      'eslint.config.js':
        "module.exports = [{ settings: { 'structured-logging': { style: 'log4j' } } }];\n",
    });
    const fromConfig = run(dir, 'codemod', 'structured-messages', '.');
    expect(fromConfig.code).toBe(2);
    expect(fromConfig.stderr).toContain("Invalid settings['structured-logging'].style");
    const fromFlag = run(
      dir,
      'codemod',
      'structured-messages',
      '.',
      '--settings',
      '{"eventName":{"case":"camel"}}',
    );
    expect(fromFlag.code).toBe(2);
    expect(fromFlag.stderr).toContain("settings['structured-logging'].eventName.case");
    expect(read(dir, 'a.ts')).toBe(PAYMENTS);
  });

  it('skips ignored files, dependencies, declarations and symlinks', () => {
    const dir = makeRepo({
      '.gitignore': 'generated/\n',
      'src/a.ts': PAYMENTS,
      'generated/b.ts': PAYMENTS,
      'node_modules/dep/index.js': PAYMENTS,
      'src/types.d.ts': PAYMENTS,
    });
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'structured-logging-outside-'));
    fs.writeFileSync(path.join(outside, 'c.ts'), PAYMENTS);
    fs.symlinkSync(outside, path.join(dir, 'src', 'linked'));
    commitAll(dir, 'link');
    const result = run(dir, 'codemod', 'all', '.', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).summary.files).toBe(1);
    expect(read(dir, 'src/a.ts')).toBe(PAYMENTS_AFTER);
    for (const untouched of ['generated/b.ts', 'node_modules/dep/index.js', 'src/types.d.ts'])
      expect(read(dir, untouched)).toBe(PAYMENTS);
    expect(fs.readFileSync(path.join(outside, 'c.ts'), 'utf8')).toBe(PAYMENTS);
  });

  it('lists the codemods, and rejects a bad --jobs with exit 2', () => {
    const dir = makeRepo({ 'a.ts': PAYMENTS });
    const list = run(dir, 'list');
    expect(list.code).toBe(0);
    for (const name of [
      'console-to-logger',
      'structured-messages',
      'redact-sensitive-data',
      'bound-metric-labels',
    ])
      expect(list.stdout).toContain(name);
    const jobs = run(dir, 'codemod', 'all', '.', '--jobs', '0');
    expect(jobs.code).toBe(2);
    expect(jobs.stderr).toContain('--jobs takes a whole number of at least 1');
  });

  it('rejects an unknown codemod and a missing path with exit 2', () => {
    const dir = makeRepo({ 'a.ts': PAYMENTS });
    const unknown = run(dir, 'codemod', 'make-it-better', '.');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown codemod 'make-it-better'");
    const missing = run(dir, 'codemod', 'structured-messages', 'nope', '--dry');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('path not found: nope');
  });
});

describe('plain jscodeshift', () => {
  it('runs the built transform with --settings', () => {
    const dir = makeRepo({ 'a.ts': UNKNOWN });
    const jscodeshift = path.join(ROOT, 'node_modules/jscodeshift/bin/jscodeshift.js');
    const transform = path.join(ROOT, 'dist/codemods/structured-messages.js');
    execFileSync(
      process.execPath,
      [
        jscodeshift,
        '--no-babel',
        '-t',
        transform,
        '--extensions=ts',
        '--settings={"style":"pino"}',
        '--run-in-band',
        'a.ts',
      ],
      { cwd: dir, stdio: 'pipe' },
    );
    expect(read(dir, 'a.ts')).toContain("logger.info({ id }, 'started');");
  });
});
