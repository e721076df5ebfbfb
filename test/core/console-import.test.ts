/**
 * How console-to-logger reaches the configured logger (core/console/console.ts): an import the file
 * already has of the same module, what the module actually exports, what Node can load from the file;
 * and the eslint-disable directives a rewrite makes stale. On small projects in temporary folders.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { consoleToLogger } from '../../codemods/console-to-logger';
import { runCodemod } from '../../codemods/engine';
import { loggerImportPlan, staleDirectiveEdits } from '../../core/console/console';
import { parseFile } from '../../core/model/parse';
import { parseSettings } from '../../core/model/settings';

function project(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-console-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

const PINO = "import pino from 'pino';\n";

function run(root: string, file: string, code: string, logger: Record<string, string>) {
  const settings = parseSettings({ style: 'pino', logger });
  return runCodemod(consoleToLogger, code, path.join(root, file), settings, root);
}

describe('loggerImportPlan', () => {
  const files = {
    'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "~/*": ["src/*"] } } }',
    'src/lib/logger.ts': `${PINO}export const logger = pino();\n`,
    'src/lib/default-logger.ts': `${PINO}const logger = pino();\nexport default logger;\n`,
    'src/lib/cjs-logger.js': "module.exports = require('pino')();\n",
    'src/lib/named-cjs.js': "exports.logger = require('pino')();\n",
  };

  it('reuses an import of the same module under any specifier and local name', () => {
    const root = project(files);
    const logger = { importFrom: './src/lib/logger', importName: 'logger' };
    for (const [source, local] of [
      ["import { logger } from '../lib/logger';", 'logger'],
      ["import { logger } from '../lib/logger.js';", 'logger'],
      ["import { logger } from '~/lib/logger';", 'logger'],
      ["import { logger as log } from '../lib';", null],
      ["import { logger as log } from '~/lib/logger';", 'log'],
    ] as const) {
      const file = parseFile(`${source}\nconsole.log('x');\n`, path.join(root, 'src/jobs/a.ts'));
      const plan = loggerImportPlan(file, parseSettings({ logger }).logger!, root);
      expect(plan.ok && plan.existing ? plan.local : null, source).toBe(local);
    }
  });

  it('does not reuse a type-only import or another export of the module', () => {
    const root = project(files);
    const logger = parseSettings({ logger: { importFrom: './src/lib/logger' } }).logger!;
    for (const source of [
      "import type { logger } from '../lib/logger';",
      "import { createChild as logger } from '../lib/logger';",
    ]) {
      const file = parseFile(`${source}\nconsole.log('x');\n`, path.join(root, 'src/jobs/a.ts'));
      const plan = loggerImportPlan(file, logger, root);
      expect(plan.ok && plan.existing, source).toBe(false);
    }
  });

  it('imports what the module exports, in the module system of the file', () => {
    const root = project(files);
    const cases: Array<[string, string, Record<string, string>, string]> = [
      [
        'src/a.ts',
        "import x from 'y';\n",
        { importFrom: './src/lib/default-logger' },
        "import logger from './lib/default-logger';",
      ],
      [
        'src/a.ts',
        "const x = require('y');\n",
        { importFrom: './src/lib/default-logger' },
        "const logger = require('./lib/default-logger').default;",
      ],
      [
        'src/a.js',
        "const x = require('y');\n",
        { importFrom: './src/lib/cjs-logger' },
        "const logger = require('./lib/cjs-logger');",
      ],
      [
        'src/a.js',
        "const x = require('y');\n",
        { importFrom: './src/lib/named-cjs', importKind: 'default' },
        "const { logger } = require('./lib/named-cjs');",
      ],
      [
        'src/a.js',
        "const x = require('y');\n",
        { importFrom: '~/lib/cjs-logger' },
        "const logger = require('./lib/cjs-logger');",
      ],
    ];
    for (const [file, head, logger, expected] of cases) {
      const outcome = run(root, file, `${head}console.log('Server started');\n`, {
        importName: 'logger',
        ...logger,
      });
      expect(outcome.output, `${file} ${logger.importFrom}`).toContain(expected);
    }
  });

  it('leaves a JavaScript file Node loads itself when the logger module is TypeScript only', () => {
    const root = project(files);
    const outcome = run(
      root,
      'scripts/build.js',
      "const fs = require('fs');\nconsole.log('Built');\n",
      {
        importFrom: './src/lib/logger',
        importName: 'logger',
      },
    );
    expect(outcome.output).toBeNull();
    expect(outcome.skips.map((skip) => skip.reason)).toEqual([
      `'../src/lib/logger' is ${path.join('src', 'lib', 'logger.ts')}, TypeScript, which Node cannot load from this JavaScript file: set settings['structured-logging'].logger.importFrom to the compiled JavaScript module, or leave this file out if a TypeScript loader runs it`,
    ]);
    // With the compiled module beside it, Node finds the JavaScript.
    fs.writeFileSync(path.join(root, 'src/lib/logger.js'), "exports.logger = require('pino')();\n");
    const compiled = run(
      root,
      'scripts/build2.js',
      "const fs = require('fs');\nconsole.log('Built');\n",
      {
        importFrom: './src/lib/logger',
        importName: 'logger',
      },
    );
    expect(compiled.output).toContain("const { logger } = require('../src/lib/logger');");
  });
});

describe('staleDirectiveEdits', () => {
  const SETTINGS = { importFrom: '@app/logger', importName: 'logger' };
  const runText = (code: string) =>
    runCodemod(
      consoleToLogger,
      code,
      '/repo/src/a.ts',
      parseSettings({ style: 'pino', logger: SETTINGS }),
    ).output;

  it("removes the plugin's own rule name too", () => {
    expect(
      runText(
        "import x from 'x';\n  // eslint-disable-next-line structured-logging/no-console\n  console.log('Started');\n",
      ),
    ).toBe(
      "import x from 'x';\nimport { logger } from '@app/logger';\n  logger.info('started');\n",
    );
  });

  it('keeps a directive naming no rule, and one whose line has other console output', () => {
    const bare = "import x from 'x';\n// eslint-disable-next-line\nconsole.log('Started');\n";
    expect(runText(bare)).toContain('// eslint-disable-next-line\nlogger.info');
    const shared =
      "import x from 'x';\n// eslint-disable-next-line structured-logging/no-console\nconsole.log('Started'); console.table(rows);\n";
    expect(runText(shared)).toContain(
      '// eslint-disable-next-line structured-logging/no-console\nlogger.info',
    );
  });

  it("leaves a call the core no-console's comment allows, comment included, and converts the rest", () => {
    const code = [
      "import x from 'x';",
      '// eslint-disable-next-line structured-logging/no-console, no-console',
      "console.log('Allowed for the core rule');",
      '/* eslint-disable no-console */',
      "console.log('Kept');",
      '/* eslint-enable no-console */',
      "console.log('After enable');",
      '// eslint-disable no-console',
      "console.log('Line comments do not disable a file');",
      '// oxlint-disable-next-line',
      "console.log('Every oxlint rule, not this ESLint rule');",
      '// eslint-disable-next-line no-alert',
      "console.log('Another rule');",
      "const text = '// eslint-disable-next-line no-console';",
      "console.log('Under a string');",
      '',
    ].join('\n');
    const outcome = runCodemod(
      consoleToLogger,
      code,
      '/repo/src/a.ts',
      parseSettings({ style: 'pino', logger: SETTINGS }),
    );
    expect(outcome.skips.map((skip) => skip.reason)).toEqual([
      'a disable comment for the core no-console allows this console output: `eslint-disable-next-line no-console`; remove it to have the call rewritten',
      'a disable comment for the core no-console allows this console output: `eslint-disable no-console`; remove it to have the call rewritten',
    ]);
    expect(outcome.output).toContain(
      "// eslint-disable-next-line structured-logging/no-console, no-console\nconsole.log('Allowed for the core rule');",
    );
    expect(outcome.output).toContain("/* eslint-disable no-console */\nconsole.log('Kept');");
    expect(outcome.output?.match(/logger\.info\(/g)).toHaveLength(5);
  });

  it('leaves directives of other lines and other kinds alone', () => {
    const code =
      "/* eslint-disable no-console */\n// eslint-disable-next-line no-console\nfoo();\nconsole.log('x'); // eslint-disable-next-line no-console\n";
    const file = parseFile(code, '/repo/src/a.ts');
    const call = file
      .nodesOfType('CallExpression')
      .find((node) => node.range[0] >= code.indexOf('console.log'))!;
    expect(staleDirectiveEdits(call, file)).toEqual([]);
  });
});

describe('event names from the context', () => {
  const rewrite = (code: string, style: string, filename = '/repo/scripts/migrate.ts') =>
    runCodemod(
      consoleToLogger,
      code,
      filename,
      parseSettings({ style, logger: { importFrom: '@app/logger', importName: 'logger' } }),
    ).output;

  it("puts the error where the logger's contract keeps it", () => {
    const code =
      "import { run } from './run';\nrun().catch((err) => {\n  console.error(err);\n  process.exit(1);\n});\n";
    expect(rewrite(code, 'pino')).toContain("logger.error({ err }, 'migrate.failed');");
    expect(rewrite(code, 'winston')).toContain("logger.error('migrate.failed', err);");
  });

  it('keeps the name the text gives at levels with no outcome word', () => {
    const code =
      "import { run } from './run';\nfunction seed() {\n  console.log('Error:', err);\n}\n";
    expect(rewrite(code, 'pino')).toContain("logger.info({ err }, 'error');");
  });
});

describe("NestJS's static Logger", () => {
  // Nest before 11 prints an Error passed after the message as a context tag, and nestjs-pino behind
  // the static Logger prints it as `context: {}` (run with @nestjs/common 10.3 and nestjs-pino 4.6):
  // the stack is lost, so a printed error is left with what keeps it.
  const code =
    'export async function seedDatabase() {\n  try {\n    await run();\n  } catch (err) {\n    console.error(err);\n  }\n}\n';
  const nest = (major: number) =>
    project({
      'package.json': JSON.stringify({ dependencies: { '@nestjs/common': `^${major}.0.0` } }),
      'src/seed.ts': code,
    });
  const logger = { importFrom: '@nestjs/common', importName: 'Logger' };
  const settings = parseSettings({ logger });

  it('before 11, leaves console.error(err) and says to pass err.stack', () => {
    const root = nest(10);
    const outcome = runCodemod(
      consoleToLogger,
      code,
      path.join(root, 'src/seed.ts'),
      settings,
      root,
    );
    expect(outcome.output).toBeNull();
    expect(outcome.skips.map((skip) => skip.reason)).toEqual([
      expect.stringContaining("only as error()'s stack argument: pass err.stack there"),
    ]);
  });

  it('from 11, which prints a nested Error with its stack, rewrites it under `error`', () => {
    const root = nest(11);
    const outcome = runCodemod(
      consoleToLogger,
      code,
      path.join(root, 'src/seed.ts'),
      settings,
      root,
    );
    expect(outcome.output).toContain("Logger.error('seed.database.failed', { error: err });");
  });
});

describe('a logger whose output prints only the message', () => {
  const files = {
    'src/logger.ts':
      "import winston from 'winston';\nexport const logger = winston.createLogger({\n  format: winston.format.printf((info) => `${info.level}: ${info.message}`),\n  transports: [new winston.transports.Console()],\n});\n",
  };
  const logger = { importFrom: './src/logger', importName: 'logger' };

  it('takes a call with no values, and leaves one whose values it would drop', () => {
    const root = project(files);
    const settings = parseSettings({ logger });
    const code = "console.log('Server ready');\nconsole.log('Listening on', port);\n";
    const outcome = runCodemod(
      consoleToLogger,
      code,
      path.join(root, 'src/main.ts'),
      settings,
      root,
    );
    expect(outcome.output).toContain("logger.info('server.ready');");
    expect(outcome.output).toContain("console.log('Listening on', port);");
    expect(outcome.skips.map((skip) => skip.reason)).toEqual([
      expect.stringContaining('this winston format prints only the message'),
    ]);
  });
});

describe('a logger path written from the project root without ./', () => {
  it('is that path when its first folder exists there, not a package', () => {
    const root = project({
      'apps/worker/src/utils/logger.ts': `${PINO}export const logger = pino();\n`,
      'apps/worker/src/index.ts': "console.log('Worker started');\n",
    });
    const file = path.join(root, 'apps/worker/src/index.ts');
    const outcome = run(root, 'apps/worker/src/index.ts', fs.readFileSync(file, 'utf8'), {
      importFrom: 'apps/worker/src/utils/logger',
      importName: 'logger',
    });
    expect(outcome.skips).toEqual([]);
    expect(outcome.output).toBe(
      "import { logger } from './utils/logger';\nlogger.info('worker.started');\n",
    );
  });
});

describe('a command-line tool (its package.json declares bin)', () => {
  const files = {
    'package.json': JSON.stringify({ name: 'shop-cli', bin: { shop: './bin/shop.js' } }),
    'src/logger.ts': `${PINO}export const logger = pino();\n`,
    'src/commands/list.ts': "console.log('3 orders found');\n",
  };
  const logger = { importFrom: './src/logger', importName: 'logger' };

  it('keeps its console output, naming the command; cliPackages: false converts it', () => {
    const root = project(files);
    const file = path.join(root, 'src/commands/list.ts');
    const code = fs.readFileSync(file, 'utf8');
    const left = runCodemod(consoleToLogger, code, file, parseSettings({ logger }), root);
    expect(left.output).toBeNull();
    expect(left.skips.map((skip) => skip.reason)).toEqual([
      "its package.json declares the command `shop` (bin): a command-line tool's console output is its interface",
    ]);
    const settings = parseSettings({ logger, cliPackages: false });
    const converted = runCodemod(consoleToLogger, code, file, settings, root);
    expect(converted.output).toContain("logger.info('orders.found');");
  });
});

describe('package boundaries', () => {
  // A monorepo: packages/db depends on packages/logger; packages/logger depends on nothing here.
  const files = {
    'packages/logger/package.json': JSON.stringify({ name: '@shop/logger' }),
    'packages/logger/src/index.ts': `${PINO}export const logger = pino();\n`,
    'packages/db/package.json': JSON.stringify({
      name: '@shop/db',
      dependencies: { '@shop/logger': 'workspace:*' },
    }),
    'packages/db/src/migrate.ts': "console.log('Migrations applied');\n",
    'packages/email/package.json': JSON.stringify({ name: '@shop/email' }),
    'packages/email/src/send.ts': "console.log('Mail queued');\n",
    'packages/auth/package.json': JSON.stringify({ name: '@shop/auth' }),
    'packages/auth/src/index.ts': "console.log('Session created');\n",
  };
  const logger = { importFrom: './packages/logger/src/index', importName: 'logger' };
  const runIn = (root: string, name: string) =>
    run(root, name, fs.readFileSync(path.join(root, name), 'utf8'), logger);

  it('imports a logger from a package the file declares as a dependency', () => {
    const root = project(files);
    const outcome = runIn(root, 'packages/db/src/migrate.ts');
    expect(outcome.skips).toEqual([]);
    expect(outcome.output).toContain("logger.info('migrations.applied');");
  });

  it('leaves a file whose package does not declare the logger package, saying so', () => {
    const root = project(files);
    const outcome = runIn(root, 'packages/email/src/send.ts');
    expect(outcome.output).toBeNull();
    expect(outcome.skips.map((skip) => skip.reason)).toEqual([
      'the logger module is in the package @shop/logger, and @shop/email does not declare it as a dependency: importing it would add an undeclared dependency; point importFrom at a logger this package owns (settings per folder), or declare the dependency',
    ]);
  });

  it('names the cycle when the logger package depends on the file package', () => {
    const root = project({
      ...files,
      'packages/logger/package.json': JSON.stringify({
        name: '@shop/logger',
        dependencies: { '@shop/auth': 'workspace:*' },
      }),
    });
    const outcome = runIn(root, 'packages/auth/src/index.ts');
    expect(outcome.skips.map((skip) => skip.reason)).toEqual([
      expect.stringContaining(
        '@shop/logger, which depends on @shop/auth, and @shop/auth does not declare it as a dependency: importing it would add an undeclared dependency and a cycle',
      ),
    ]);
  });
});
