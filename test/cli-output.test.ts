/**
 * End to end: what the CLI prints. The JSON report stays parseable whatever else is asked for,
 * its summary's keys are stable, the version is one flag away, and colour follows the terminal,
 * the flags and NO_COLOR / FORCE_COLOR.
 */
import type { Command } from 'commander';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, CLI, makeRepo, PAYMENTS, ROOT, run, runWithEnv } from './cli-helpers';

beforeAll(assertBuilt);

const ESCAPE = '\u001b[';
const ADDED = "+  logger.info({ orderId: order.id, attempt }, 'order.charging');";

describe('structured-logging output', () => {
  it('--json with --print keeps stdout one JSON document, with the diff on stderr; the report has schemaVersion 1', () => {
    const dir = makeRepo({ 'a.ts': PAYMENTS });
    const result = run(dir, 'codemod', 'structured-messages', '.', '--dry', '--print', '--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.schemaVersion).toBe(1);
    expect(Object.keys(report)[0]).toBe('schemaVersion');
    expect(result.stderr).toContain(ADDED);
    // --print alone still writes the diff on stdout, for piping into a pager or `git apply`.
    expect(
      run(dir, 'codemod', 'structured-messages', '.', '--dry', '--print', '--no-progress').stdout,
    ).toContain(ADDED);
  });

  it('counts skips by reason without the module paths some reasons name; each skip keeps its full reason', () => {
    const importing = (from: string) =>
      `import { logger } from '${from}';\nexport function f(): void {\n  console.log('hello');\n}\n`;
    const dir = makeRepo({
      'src/a.ts': importing('./log/a'),
      'src/deep/b.ts': importing('../../lib/b'),
      'logger.ts': 'export const logger = console;\n',
    });
    const settings = JSON.stringify({
      style: 'pino',
      logger: { importFrom: './logger', importName: 'logger' },
    });
    const result = run(
      dir,
      'codemod',
      'console-to-logger',
      'src',
      '--dry',
      '--json',
      '--settings',
      settings,
    );
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.summary.skippedByReason).toEqual({
      "`logger` is already imported from '<path>'": 2,
    });
    expect(report.skipped.map((skip: { reason: string }) => skip.reason).sort()).toEqual([
      "`logger` is already imported from '../../lib/b'",
      "`logger` is already imported from './log/a'",
    ]);
  });

  it('-v and --version print the version', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    for (const flag of ['-v', '--version']) {
      const result = run(ROOT, flag);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(`${version}\n`);
    }
  });

  it('colours the summary and the diff when asked (--color, FORCE_COLOR), never with --no-color or NO_COLOR', () => {
    const dir = makeRepo({ 'a.ts': PAYMENTS });
    const args = ['codemod', 'structured-messages', '.', '--dry', '--print', '--no-progress'];
    const coloured = [
      runWithEnv(dir, { FORCE_COLOR: undefined }, ...args, '--color'),
      runWithEnv(dir, { FORCE_COLOR: '1' }, ...args),
    ];
    for (const result of coloured) {
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`${ESCAPE}32m${ADDED}${ESCAPE}39m`);
      expect(result.stderr).toContain(`${ESCAPE}1mstructured-messages${ESCAPE}22m`);
    }
    const plain = [
      runWithEnv(dir, { FORCE_COLOR: '1' }, ...args, '--no-color'),
      runWithEnv(dir, { FORCE_COLOR: undefined, NO_COLOR: '1' }, ...args),
      // Not a terminal, nothing forcing it: plain.
      runWithEnv(dir, { FORCE_COLOR: undefined }, ...args),
    ];
    for (const result of plain) {
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(ADDED);
      expect(result.stdout + result.stderr).not.toContain(ESCAPE);
    }
  });

  it('the codemod docs list every flag the command takes', () => {
    const { buildProgram } = createRequire(__filename)(CLI) as { buildProgram: () => Command };
    const codemod = buildProgram().commands.find((command) => command.name() === 'codemod')!;
    const docs = fs.readFileSync(path.join(ROOT, 'docs/codemods/structured-messages.md'), 'utf8');
    const flags = codemod.options.map((option) => option.long!);
    expect(flags).toContain('--since');
    expect(flags.filter((flag) => !docs.includes(`\`${flag}`))).toEqual([]);
  });
});
