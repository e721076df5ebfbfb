/**
 * End to end: the CLI refusing what it cannot do safely, before it writes anything: files that are
 * not UTF-8, an ESLint config that does not load, an output path that cannot be written, and user
 * errors, each as one line; and the exit codes, which follow ESLint's (0 done, 1 found, 2 fatal).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  assertBuilt,
  BROKEN,
  makeRepo,
  oneLineError,
  PAYMENTS,
  PAYMENTS_AFTER,
  read,
  run,
} from './cli-helpers';

beforeAll(assertBuilt);

describe('structured-logging codemod: failing safely', () => {
  it('leaves a file that is not valid UTF-8 byte for byte as it was, and says why', () => {
    // A Latin-1 comment: 0xE9 alone is not UTF-8. Decoded leniently it would come back as U+FFFD.
    const latin1 = Buffer.concat([
      Buffer.from('// caf'),
      Buffer.from([0xe9]),
      Buffer.from(`\n${PAYMENTS}`),
    ]);
    const utf8 = `// café\n${PAYMENTS}`;
    const dir = makeRepo({ 'latin1.ts': latin1, 'utf8.ts': utf8 });
    const result = run(
      dir,
      'codemod',
      'structured-messages',
      '.',
      '--report',
      'report.json',
      '--no-progress',
    );
    expect(result.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'latin1.ts')).equals(latin1)).toBe(true);
    expect(read(dir, 'utf8.ts')).toBe(`// café\n${PAYMENTS_AFTER}`);
    const report = JSON.parse(read(dir, 'report.json'));
    expect(report.failed).toEqual([{ file: 'latin1.ts', error: 'not valid UTF-8' }]);
    expect(result.stderr).toContain('latin1.ts  not valid UTF-8 (left unchanged)');
  });

  it.each(['eslint.config.js', 'eslint.config.mjs'])(
    'stops before writing anything when %s has a syntax error',
    (config) => {
      const exported = config.endsWith('.mjs') ? 'export default' : 'module.exports =';
      const dir = makeRepo({
        'a.ts': PAYMENTS,
        [config]: `${exported} [{ settings: { 'structured-logging': { style: 'pino' } } ];\n`,
      });
      const result = run(dir, 'codemod', 'structured-messages', '.', '--no-progress');
      expect(result.code).toBe(2);
      expect(oneLineError(result)).toMatch(
        new RegExp(`${config.replace('.', '\\.')}.*SyntaxError: Unexpected token`),
      );
      expect(read(dir, 'a.ts')).toBe(PAYMENTS);
    },
  );

  it('uses the defaults, and says so, where no ESLint config applies', () => {
    const dir = makeRepo({ 'a.ts': PAYMENTS });
    const result = run(dir, 'codemod', 'structured-messages', '.', '--no-progress');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      "no settings['structured-logging'] found in an ESLint config; defaults used",
    );
    expect(read(dir, 'a.ts')).toBe(PAYMENTS_AFTER);
  });

  it('checks where --report goes before touching any file', () => {
    const dir = makeRepo({ 'a.ts': PAYMENTS });
    const result = run(
      dir,
      'codemod',
      'structured-messages',
      '.',
      '--report',
      path.join(dir, 'missing', 'r.json'),
      '--no-progress',
    );
    expect(result.code).toBe(2);
    expect(oneLineError(result)).toContain(
      `--report: the directory ${path.join(dir, 'missing')} does not exist`,
    );
    expect(read(dir, 'a.ts')).toBe(PAYMENTS);
    const intoDirectory = run(
      dir,
      'codemod',
      'structured-messages',
      '.',
      '--report',
      '.',
      '--no-progress',
    );
    expect(intoDirectory.code).toBe(2);
    expect(oneLineError(intoDirectory)).toContain('is a directory');
    expect(read(dir, 'a.ts')).toBe(PAYMENTS);
  });

  it('reports user errors on one line, without a stack trace or the help, and exits 2', () => {
    const dir = makeRepo({ 'a.ts': PAYMENTS });
    const cases: Array<[string[], string]> = [
      [['codemod', 'structured-messages', 'nope'], 'structured-logging: path not found: nope'],
      [
        ['codemod', 'structured-messages', '.', '--settings', '{style:'],
        'structured-logging: --settings is not valid JSON: ',
      ],
      [
        ['codemod', 'structured-messages', '.', '--settings', '{"style":"log4j"}'],
        "structured-logging: --settings: Invalid settings['structured-logging'].style: expected one of",
      ],
      [
        ['codemod', 'make-it-better', '.'],
        "structured-logging: unknown codemod 'make-it-better'; available: ",
      ],
      [
        ['codemod', 'structured-messages', '.', '--jobs', 'x'],
        "structured-logging: option '--jobs <n>' argument 'x' is invalid. --jobs takes a whole number of at least 1",
      ],
      [
        ['codemod', 'structured-messages', '.', '--frobnicate'],
        "structured-logging: unknown option '--frobnicate'",
      ],
      [['codemod'], "structured-logging: missing required argument 'name'"],
    ];
    for (const [args, message] of cases) {
      const result = run(dir, ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(oneLineError(result)).toContain(message);
      expect(result.stdout).toBe('');
    }
    const fromConfig = makeRepo({
      'a.ts': PAYMENTS,
      'eslint.config.js':
        "module.exports = [{ settings: { 'structured-logging': { style: 'log4j' } } }];\n",
    });
    const invalid = run(fromConfig, 'codemod', 'structured-messages', '.');
    expect(invalid.code).toBe(2);
    expect(oneLineError(invalid)).toBe(
      `structured-logging: eslint.config.js: Invalid settings['structured-logging'].style: expected one of 'auto', 'pino', 'bunyan', 'winston', 'nestjs', got "log4j"`,
    );
    expect(read(dir, 'a.ts')).toBe(PAYMENTS);
  });
});

describe('exit codes, as ESLint: 0 done, 1 found, 2 fatal', () => {
  it('--check exits 1 when a file would change or could not be parsed (unless --allow-parse-errors), 0 when all is done', () => {
    const dir = makeRepo({ 'a.ts': PAYMENTS, 'broken.ts': BROKEN });
    expect(run(dir, 'codemod', 'structured-messages', 'a.ts', '--check').code).toBe(1);
    expect(run(dir, 'codemod', 'structured-messages', 'a.ts', '--dry').code).toBe(0);
    fs.writeFileSync(path.join(dir, 'a.ts'), PAYMENTS_AFTER);
    expect(run(dir, 'codemod', 'structured-messages', 'a.ts', '--check').code).toBe(0);
    const unparsed = run(dir, 'codemod', 'structured-messages', '.', '--check');
    expect(unparsed.code).toBe(1);
    expect(unparsed.stderr).toContain(
      'check: 1 file could not be parsed (--allow-parse-errors accepts that)',
    );
    expect(
      run(dir, 'codemod', 'structured-messages', '.', '--check', '--allow-parse-errors').code,
    ).toBe(0);
    // Without --check a file that does not parse is reported, not an error.
    expect(run(dir, 'codemod', 'structured-messages', '.', '--dry').code).toBe(0);
  });

  it('a dirty tree is a fatal error: exit 2', () => {
    const dir = makeRepo({ 'a.ts': PAYMENTS });
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'uncommitted');
    const refused = run(dir, 'codemod', 'structured-messages', '.');
    expect(refused.code).toBe(2);
    expect(oneLineError(refused)).toMatch(/uncommitted change.*--force/);
  });
});
