import * as path from 'node:path';
import rule from '../../rules/no-console';
import { runRule, settings } from '../rule-tester';

const PINO_LOGGER = settings({
  style: 'pino',
  logger: { importFrom: './logger', importName: 'logger' },
});
const WINSTON_LOGGER = settings({
  style: 'winston',
  logger: { importFrom: '@acme/log', importName: 'log', importKind: 'default' },
});

runRule('no-console', rule, {
  valid: [
    // A logger implementation prints by design: its level methods, and console wired into it as a value.
    'class JsonLogger { info(message) { console.log(message); } error(message, err) { console.error(message, err); } }',
    'export const logger = { info: (message) => console.log(message), warn(message) { console.warn(message); } };',
    'const log = { error: console.error, warn: console.warn.bind(console) };',
    {
      tsOnly: true,
      code: "import { LoggerService } from '@nestjs/common';\nexport class AppLogger implements LoggerService { log(message) { process.stdout.write(message); } error(message) { console.error(message); } warn(message) { console.warn(message); } }",
    },
    // Saving and patching a stream to capture it writes nothing.
    'const original = process.stdout.write;\nprocess.stdout.write = (chunk) => true;\nprocess.stdout.write = original;',
    "import { Console } from 'node:console';\nconst console = new Console(process.stdout);\nconsole.log('local console');",
    'function print(console) { console.log("parameter"); }',
    {
      code: "console.warn('deprecated');\nconsole.error('boom');",
      options: [{ allow: ['warn', 'error'] }],
    },
    { code: "process.stderr.write('usage: x\\n');", options: [{ allow: ['stderr'] }] },
    "logger.info('started');",
    'const out = stream.write(chunk);',
    "const process = { stdout: { write() {} } };\nprocess.stdout.write('x');",
    // Browser code: console there prints to devtools, not to the service's logs.
    {
      code: "'use client';\nexport function save(draft) {\n  console.log('saving', draft.id);\n}",
      settings: PINO_LOGGER,
    },
    {
      code: "export function Checkout({ cart }) {\n  console.debug('rendering', cart.id);\n  return <button onClick={() => console.log('clicked')}>Pay</button>;\n}",
      filename: 'Checkout.tsx',
      tsOnly: true,
    },
    {
      code: "export function useCart() {\n  console.log('cart loaded');\n  const { log } = console;\n}",
      settings: PINO_LOGGER,
    },
    { code: "console.error('hydration failed', error);", filename: 'app/entry.client.tsx' },
    { code: "console.warn('analytics not loaded');", filename: 'src/analytics.client.ts' },
    // Served to browsers as it is (NodeBB's public/src, Express's static folder).
    { code: "console.log('chat search', term);", filename: 'public/src/client/chats/search.js' },
    // Callbacks that Playwright and Puppeteer run in the page.
    'const title = await page.evaluate(() => {\n  console.log(document.title);\n  return document.title;\n});',
    "await page.$eval('h1', (el) => console.log(el.textContent));\nawait this.page.locator('a').evaluateAll((links) => links.forEach((a) => console.log(a.href)));",
    "import puppeteer from 'puppeteer';\nawait browserTab.evaluateOnNewDocument(function () { console.info('injected'); });\nawait browserTab.exposeFunction('report', (text) => console.log(text));",
    // stdout carries the protocol: stderr is where diagnostics belong.
    "import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';\nawait server.connect(new StdioServerTransport());\nconsole.error('Weather MCP server running on stdio');",
    "import * as lsp from 'vscode-languageserver/node';\nconst connection = lsp.createConnection(lsp.ProposedFeatures.all);\nconsole.warn('starting');\nprocess.stderr.write('ready\\n');",
    // AMD / RequireJS modules are loaded by the browser: their console is devtools'.
    {
      code: "'use strict';\ndefine('forum/topic', ['hooks', 'alerts'], function (hooks, alerts) {\n  console.warn('[topic] deprecated call');\n});",
      settings: PINO_LOGGER,
    },
    'define(function (require) {\n  const $ = require("jquery");\n  console.error("widget failed");\n});',
    "define(['jquery'], ($) => ({ init() { console.log('ready'); } }));",
    // An array passed to require is AMD's asynchronous require: Node's require takes a string.
    "app.logout = function () {\n  console.warn('[deprecated] app.logout');\n  require(['logout'], function (logout) { logout(); });\n};",
    // The team already allows these with a directive for ESLint's core no-console (or oxlint's).
    "// eslint-disable-next-line no-console\nconsole.log('Listening on', port);",
    "// oxlint-disable-next-line no-console -- CLI output\nconsole.log('Done');",
    "console.error('fatal', err); /* eslint-disable-line no-console */",
    '// eslint-disable-next-line no-console, no-await-in-loop\nconsole.info(await next());',
    "/* eslint-disable no-console */\nconsole.log('usage: tool <file>');\nprocess.stdout.write('\\n');\nconst { log } = console;",
    "/* oxlint-disable no-console */\nconsole.warn('ENV is missing', name);",
    "// oxlint-disable-next-line eslint/no-console\nconsole.log('printed');",
    // Members of console that print nothing: its streams, its class, a reassignment, a type check.
    'console._stderr = console._stdout;\nconsole._stderrErrorHandler = console._stdoutErrorHandler;',
    'console.log = function noop() {};\nconsole.warn = () => {};',
    "import { Writable } from 'node:stream';\nconst quiet = new console.Console(new Writable());\nconst out = console._stdout;",
    "if (typeof console.table === 'function') delete console.table;",
  ],
  invalid: [
    // A file named public, or a folder that only starts so, is server code like any other.
    ...['src/routes/public.js', 'src/public-api/orders.js'].map((filename) => ({
      code: "console.log('listing');",
      filename,
      errors: [{ messageId: 'consoleCall' as const }],
    })),
    {
      // Not a logger: a level-named method of a class that is no logger, and console hidden in a variable.
      code: 'class Report { print(rows) { console.log(rows); } }\nconst show = console.log;',
      errors: [{ messageId: 'consoleCall' }, { messageId: 'consoleCall' }],
    },
    {
      // An MCP server's stdout carries the protocol: console.log corrupts it, and a logger writing to stdout would too.
      code: "import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';\nconsole.log('connected');",
      settings: PINO_LOGGER,
      errors: [{ messageId: 'protocolStdout', data: { what: 'console.log' }, suggestions: [] }],
    },
    {
      // A logger known to run in browsers may replace console in client code.
      tsOnly: true,
      code: "'use client';\nconsole.log('saved');",
      settings: settings({
        logger: { importFrom: 'loglevel', importName: 'log', importKind: 'default' },
      }),
      errors: [
        {
          messageId: 'consoleCall',
          suggestions: [
            {
              messageId: 'useLogger',
              output: "'use client';\nimport log from 'loglevel';\nlog.info('saved');",
            },
          ],
        },
      ],
    },
    {
      // `evaluate` on something that is not a page, in a file that drives no browser, runs here.
      code: "calculator.evaluate(() => console.log('evaluated'));",
      errors: [{ messageId: 'consoleCall' }],
    },
    {
      // A Remix `.server` module runs on the server whatever JSX it renders (an email template).
      tsOnly: true,
      code: "export function Welcome() {\n  console.log('rendering welcome mail');\n  return <p>Welcome</p>;\n}",
      filename: 'app/mail.server.tsx',
      errors: [{ messageId: 'consoleCall' }],
    },
    {
      // Node's ESM loader needs the logger's extension, and no file on disk gives it: no suggestion.
      code: "console.log('checked', count);",
      filename: path.join(process.cwd(), 'fixtures/console-to-logger/report.mjs'),
      settings: settings({
        style: 'pino',
        logger: {
          importFrom: './fixtures/console-to-logger/support/missing-logger',
          importName: 'logger',
        },
      }),
      errors: [{ messageId: 'consoleCall', suggestions: [] }],
    },
    {
      // The same with the logger on disk: the import names its extension.
      code: "console.log('checked', count);",
      filename: path.join(process.cwd(), 'fixtures/console-to-logger/report.mjs'),
      settings: settings({
        style: 'pino',
        logger: { importFrom: './fixtures/console-to-logger/support/logger', importName: 'logger' },
      }),
      errors: [
        {
          messageId: 'consoleCall',
          suggestions: [
            {
              messageId: 'useLogger',
              output:
                "import { logger } from './support/logger.js';\nlogger.info({ count }, 'checked');",
            },
          ],
        },
      ],
    },
    {
      // Output that says only that something failed is named after the function it runs in.
      code: "import { db } from './db';\nasync function seedDatabase() {\n  try {\n    await db.seed();\n  } catch (err) {\n    console.error('Error:', err);\n  }\n}",
      settings: PINO_LOGGER,
      errors: [
        {
          messageId: 'consoleCall',
          suggestions: [
            {
              messageId: 'useLogger',
              output:
                "import { db } from './db';\nimport { logger } from './logger';\nasync function seedDatabase() {\n  try {\n    await db.seed();\n  } catch (err) {\n    logger.error({ err }, 'seed.database.failed');\n  }\n}",
            },
          ],
        },
      ],
    },
    {
      // A call the core no-console's directive allows is left, directive and all; the next line is not covered.
      code: "import { db } from './db';\n// eslint-disable-next-line no-console, no-alert -- seeding\nconsole.warn('Seed skipped', db.name);\nconsole.info('Seeded');",
      settings: PINO_LOGGER,
      errors: [
        {
          messageId: 'consoleCall',
          line: 4,
          suggestions: [
            {
              messageId: 'useLogger',
              output:
                "import { db } from './db';\nimport { logger } from './logger';\n// eslint-disable-next-line no-console, no-alert -- seeding\nconsole.warn('Seed skipped', db.name);\nlogger.info('seeded');",
            },
          ],
        },
      ],
    },
    {
      // The logger's own module tells its shape: Nest's Logger takes the message first (read from Hoppscotch).
      code: "console.error('Error creating mock server:', error);",
      settings: settings({ logger: { importFrom: '@nestjs/common', importName: 'Logger' } }),
      errors: [
        {
          messageId: 'consoleCall',
          suggestions: [
            {
              messageId: 'useLogger',
              output:
                "import { Logger } from '@nestjs/common';\nLogger.error('mock.server.create.failed', { error });",
            },
          ],
        },
      ],
      // TypeScript imports with ESM syntax; a plain .js file with no imports gets require().
      tsOnly: true,
    },
    {
      // Nest's Logger has log and verbose where console has log/info and trace; winston has no trace.
      code: "console.log('Mailer module is disabled');\nconsole.trace('Mailer retry');",
      settings: settings({ logger: { importFrom: '@nestjs/common', importName: 'Logger' } }),
      errors: [
        {
          messageId: 'consoleCall',
          suggestions: [
            {
              messageId: 'useLogger',
              output:
                "import { Logger } from '@nestjs/common';\nLogger.log('mailer.module.disabled');\nconsole.trace('Mailer retry');",
            },
          ],
        },
        {
          messageId: 'consoleCall',
          suggestions: [
            {
              messageId: 'useLogger',
              output:
                "import { Logger } from '@nestjs/common';\nconsole.log('Mailer module is disabled');\nLogger.verbose('mailer.retry');",
            },
          ],
        },
      ],
      tsOnly: true,
    },
    {
      // The name joins an import of its module that is already there.
      code: "import { Global, Module } from '@nestjs/common';\nconsole.error('Mailer failed', err);",
      settings: settings({ logger: { importFrom: '@nestjs/common', importName: 'Logger' } }),
      errors: [
        {
          messageId: 'consoleCall',
          suggestions: [
            {
              messageId: 'useLogger',
              output:
                "import { Global, Module, Logger } from '@nestjs/common';\nLogger.error('mailer.failed', { error: err });",
            },
          ],
        },
      ],
    },
    {
      code: "console.trace('Mailer retry');",
      settings: settings({
        style: 'winston',
        logger: { importFrom: './logger', importName: 'logger' },
      }),
      errors: [
        {
          messageId: 'consoleCall',
          suggestions: [
            {
              messageId: 'useLogger',
              output: "import { logger } from './logger';\nlogger.debug('mailer.retry');",
            },
          ],
        },
      ],
      tsOnly: true,
    },
    {
      code: "import { db } from './db';\nconsole.log('job failed', job.id, err);",
      settings: PINO_LOGGER,
      errors: [
        {
          messageId: 'consoleCall',
          data: { method: 'log' },
          suggestions: [
            {
              messageId: 'useLogger',
              output:
                "import { db } from './db';\nimport { logger } from './logger';\nlogger.info({ jobId: job.id, err }, 'job.failed');",
            },
          ],
        },
      ],
    },
    {
      // CommonJS file, default import, message-first logger, existing require kept
      code: "const fs = require('fs');\nconsole.error(`Could not read ${file}`, error);",
      settings: WINSTON_LOGGER,
      errors: [
        {
          messageId: 'consoleCall',
          suggestions: [
            {
              messageId: 'useLogger',
              output:
                "const fs = require('fs');\nconst log = require('@acme/log');\nlog.child({ file }).error('read.failed', error);",
            },
          ],
        },
      ],
    },
    {
      // an existing import of the logger is reused
      code: "import { logger } from './logger';\nconsole.warn('Cache miss for %s', key);",
      settings: PINO_LOGGER,
      errors: [
        {
          messageId: 'consoleCall',
          suggestions: [
            {
              messageId: 'useLogger',
              output: "import { logger } from './logger';\nlogger.warn({ key }, 'cache.miss');",
            },
          ],
        },
      ],
    },
    {
      // without a configured logger: reported, no guess
      code: "console.log('hello');",
      errors: [{ messageId: 'consoleCall', suggestions: [] }],
    },
    {
      // no logger equivalent
      code: 'console.table(rows);',
      settings: PINO_LOGGER,
      errors: [{ messageId: 'consoleCall', data: { method: 'table' }, suggestions: [] }],
    },
    {
      code: "console['info']('ready');\nglobalThis.console.debug('x');\nwindow.console.log('y');",
      errors: [
        { messageId: 'consoleCall', data: { method: 'info' } },
        { messageId: 'consoleCall', data: { method: 'debug' } },
        { messageId: 'consoleCall', data: { method: 'log' } },
      ],
    },
    {
      code: 'const { log, error } = console;\nlog(1);',
      errors: [{ messageId: 'consoleDestructured' }],
    },
    {
      code: 'const print = console.log;',
      errors: [{ messageId: 'consoleCall', suggestions: [] }],
    },
    {
      // a TypeScript file imports with ESM syntax (plain .js without imports would follow package.json's type)
      tsOnly: true,
      code: "process.stdout.write('Server listening\\n');",
      settings: PINO_LOGGER,
      errors: [
        {
          messageId: 'streamWrite',
          data: { stream: 'stdout' },
          suggestions: [
            {
              messageId: 'useLogger',
              output: "import { logger } from './logger';\nlogger.info('server.listening');",
            },
          ],
        },
      ],
    },
    {
      // `logger` is taken by something else in the file: no suggestion
      code: 'const logger = makeThing();\nconsole.log(`made ${logger.id}`);',
      settings: PINO_LOGGER,
      errors: [{ messageId: 'consoleCall', suggestions: [] }],
    },
    {
      tsOnly: true,
      code: "'use strict';\nconsole.info(`Loaded ${(cfg as Config).name}`);",
      settings: PINO_LOGGER,
      errors: [
        {
          messageId: 'consoleCall',
          suggestions: [
            {
              messageId: 'useLogger',
              output:
                "'use strict';\nimport { logger } from './logger';\nlogger.info({ cfgName: (cfg as Config).name }, 'cfg.loaded');",
            },
          ],
        },
      ],
    },
    {
      // A UMD wrapper's define is guarded, not at the top level: the module runs in Node too.
      code: "(function (root, factory) {\n  if (typeof define === 'function' && define.amd) define([], factory);\n  else module.exports = factory();\n})(this, function () {\n  console.log('loaded');\n});",
      errors: [{ messageId: 'consoleCall' }],
    },
    {
      // A local `define` or `require` is not AMD's.
      code: "const define = (name, body) => body();\ndefine('job', [], function () { console.log('job started'); });\nfunction require(list, done) { done(); }\nrequire(['a'], () => console.log('b'));",
      errors: [{ messageId: 'consoleCall' }, { messageId: 'consoleCall' }],
    },
    {
      // Directives for other rules, a later line, or an eslint-enable that ends the range do not count.
      code: "// eslint-disable-next-line no-await-in-loop\nconsole.log('a');\n// eslint-disable-next-line no-console\n\nconsole.log('b');\n/* eslint-disable no-console */\nconsole.log('c');\n/* eslint-enable no-console */\nconsole.log('d');\n// eslint-disable no-console\nconsole.log('e');\nconsole.log('f'); // no-console is fine here",
      errors: [
        { messageId: 'consoleCall', line: 2 },
        { messageId: 'consoleCall', line: 5 },
        { messageId: 'consoleCall', line: 9 },
        { messageId: 'consoleCall', line: 11 },
        { messageId: 'consoleCall', line: 12 },
      ],
    },
    {
      // A print method passed as a value still prints, and a call of an unknown member may print.
      code: "items.forEach(console.log);\nemitter.on('warning', console.warn);\nconsole.success('deployed');",
      errors: [
        { messageId: 'consoleCall', data: { method: 'log' } },
        { messageId: 'consoleCall', data: { method: 'warn' } },
        { messageId: 'consoleCall', data: { method: 'success' } },
      ],
    },
    {
      // Writing to console's stream prints.
      code: "console._stdout.write('raw\\n');",
      errors: [{ messageId: 'consoleCall', data: { method: '_stdout' } }],
    },
  ],
});

// A package that declares `bin` is a command-line tool: printing is its interface.
const CLI_TOOL_FILE = path.join(process.cwd(), 'fixtures/projects/cli-tool/src/commands/list.ts');

runRule('no-console (command-line packages)', rule, {
  valid: [
    // A file that prompts the person at the terminal is a command-line interface.
    "const prompt = require('prompt');\nconsole.log('Welcome to the setup');\nprompt.get(['url']);",
    "import { confirm } from '@clack/prompts';\nconsole.log('About to reset the database');\nawait confirm({ message: 'Go on?' });",
    { code: "console.log('3 orders found');", filename: CLI_TOOL_FILE },
    { code: "process.stdout.write(table + '\\n');", filename: CLI_TOOL_FILE },
    // A progress bar redrawn in place is drawn for the person at the terminal.
    "const readline = require('readline');\nconsole.log('Running 12 upgrade scripts');\nfunction tick(done) {\n  readline.cursorTo(process.stdout, 0);\n  process.stdout.write(`[${done}/12]`);\n}",
  ],
  invalid: [
    // A cursor method of something else, or readline used to read lines, is no terminal drawing.
    {
      code: "const readline = require('readline');\nconst lines = readline.createInterface({ input });\nconsole.log('reading');\neditor.cursorTo(0);",
      errors: [{ messageId: 'consoleCall' }],
    },
    {
      // A library that also ships a command turns the heuristic off.
      code: "console.log('3 orders found');",
      filename: CLI_TOOL_FILE,
      settings: settings({ cliPackages: false }),
      errors: [{ messageId: 'consoleCall' }],
    },
  ],
});

// What a module prints only when run directly is that command's output (a schema dump, a report).
runRule('no-console (run directly)', rule, {
  valid: [
    'export const schema = { type: "object" };\nif (require.main === module) {\n  console.log(JSON.stringify(schema, null, 2));\n}',
    {
      code: 'export const schema = { type: "object" };\nif (process.argv[1] === import.meta.filename) {\n  console.log(JSON.stringify(schema));\n}',
      tsOnly: true,
    },
  ],
  invalid: [
    {
      // Outside that branch the module's console is its logging, as anywhere.
      code: 'export function load() {\n  console.log("schema loaded");\n}\nif (require.main === module) load();',
      errors: [{ messageId: 'consoleCall' }],
    },
  ],
});
