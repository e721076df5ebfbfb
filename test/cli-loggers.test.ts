/**
 * End to end through the built CLI: `structured-logging loggers` lists each logger behind a
 * project's log calls with its contract, and `--project` lets the codemod ask TypeScript's checker
 * what a logger it cannot follow by syntax takes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, makeRepo, run } from './cli-helpers';
import { FIXTURES } from './fixtures';

beforeAll(assertBuilt);

const TYPED = path.join(FIXTURES, 'typed');
const typedProject = () =>
  makeRepo(
    Object.fromEntries(
      ['tsconfig.json', 'plugin-logger.ts', 'service.ts'].map((name) => [
        name,
        fs.readFileSync(path.join(TYPED, name), 'utf8'),
      ]),
    ),
  );

const APP = {
  'src/logger.ts': "import pino from 'pino';\nexport const logger = pino();\n",
  'src/orders.ts':
    "import { logger } from './logger';\nexport function create(id: string) {\n  logger.info(`Created order ${id}`);\n  logger.warn(`Order ${id} is late`);\n}\n",
  'src/jobs.ts':
    'export function load(log: { info(message: string): void }, path: string) {\n  log.info(`Job loaded from ${path}`);\n}\n',
};

describe('structured-logging loggers', () => {
  it('lists each logger with where it is defined, its contract and its call sites, and what unlocks one it cannot rewrite through', () => {
    const dir = makeRepo(APP);
    const result = run(dir, 'loggers', 'src');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2 loggers behind the log calls of 3 files');
    expect(result.stdout).toContain('pino  src/logger.ts:2  pino()');
    expect(result.stdout).toContain('call sites: 2 (2 with a dynamic message)');
    expect(result.stdout).toContain("logger.info({ orderId: id }, 'order.created')");
    expect(result.stdout).toContain(
      'src/jobs.ts:1: info(message: string) takes no fields: add a fields parameter',
    );
  });

  it('--json prints the inventory as one document with a schema version', () => {
    const result = run(makeRepo(APP), 'loggers', 'src', '--json');
    const report = JSON.parse(result.stdout);
    expect(report.schemaVersion).toBe(1);
    expect(
      report.loggers.map((entry: { family: string; callSites: number }) => [
        entry.family,
        entry.callSites,
      ]),
    ).toEqual([
      ['pino', 2],
      ['own logger', 1],
    ]);
  });

  it('--project: the checker tells what a logger returned by a factory takes', () => {
    const dir = typedProject();
    const without = run(dir, 'loggers', '.');
    expect(without.stdout).toContain(
      'plugin-logger.ts:15: the logger comes from registry.get(), which is not followed',
    );
    const typed = run(dir, 'loggers', '.', '--project', 'tsconfig.json');
    expect(typed.stdout).toContain('learned from: types; fields: argument 2');
    expect(run(dir, 'loggers', '.', '--project', 'missing.json').stderr).toBe(
      'structured-logging: --project: no tsconfig file at missing.json\n',
    );
  });

  it('codemod --project rewrites through a typed logger, and still leaves one that takes no fields', () => {
    const dir = typedProject();
    const result = run(
      dir,
      'codemod',
      'structured-messages',
      '.',
      '--project',
      'tsconfig.json',
      '--force',
      '--no-progress',
    );
    expect(result.code).toBe(0);
    const service = fs.readFileSync(path.join(dir, 'service.ts'), 'utf8');
    expect(service).toContain("log.info('installing', { name, version });");
    expect(service).toContain('log.warn(`Skipped ${name}`);');
    expect(result.stderr).toContain('warn(message: string) takes no fields');
  });
});
