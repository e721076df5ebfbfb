import * as path from 'node:path';
import rule from '../../rules/no-dynamic-message';
import { runRule, settings } from '../rule-tester';

const PINO = "import pino from 'pino';\nconst logger = pino();\n";
const WINSTON = "import winston from 'winston';\nconst logger = winston.createLogger();\n";
/** A file of a project whose package.json has nestjs-pino, the logger Nest's Logger then writes to. */
const NESTJS_PINO_FILE = path.join(
  process.cwd(),
  'fixtures/projects/nestjs-pino/src/orders.service.ts',
);
const NEST = "import { Logger } from '@nestjs/common';\n";

runRule('no-dynamic-message', rule, {
  valid: [
    `${PINO}logger.info('order.created');`,
    `${PINO}logger.info({ orderId }, 'order.created');`,
    `${PINO}logger.info('a' + 'b');`,
    `${PINO}logger.info(\`no expressions\`);`,
    `${PINO}const EVENT = 'order.created';\nlogger.info(EVENT);`,
    `${PINO}const PREFIX = 'orders';\nlogger.info(\`\${PREFIX} started\`);`,
    `${PINO}logger.info(message);`,
    `${PINO}logger.info(buildMessage());`,
    `${PINO}logger.info('100%s done');`,
    // console is no-console's business, not this rule's
    'console.log(`user ${id}`);',
    // not loggers
    'history.push(`page ${n}`);',
    'Math.log(`${x}`);',
    'map.set(`key ${x}`, 1);',
    "const total = a + b;\nlogger.info({ total }, 'sum');",
    `${PINO}logger.info({ msg: 'migration.done', name });`,
    // with a message argument, pino prints that and keeps `msg` as a field
    `${PINO}logger.info({ msg: \`step \${n}\` }, 'migration.step');`,
    // terminal UI printers are for humans at a prompt, not logs
    "import { log } from '@clack/prompts';\nlog.error(`Could not add ${name}`);",
  ],
  invalid: [
    {
      // Text a condition picks: a short phrase becomes the flag it stands for, a plural ending goes.
      code: "import pino from 'pino';\nconst logger = pino();\nlogger.info(`Backfilled ${count} rows${dryRun ? ' (dry run)' : ''}, ${n} batch${n === 1 ? '' : 'es'}`);",
      errors: [
        {
          messageId: 'dynamicMessage',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output:
                "import pino from 'pino';\nconst logger = pino();\nlogger.info({ count, dryRun, n }, 'rows.backfilled');",
            },
          ],
        },
      ],
    },
    {
      // A hint that appears unless a flag is set: the flag, under its own name, not the sentence.
      code: "import pino from 'pino';\nconst logger = pino();\nlogger.warn(`Skipping ${id}${force ? '' : ' (use --force to override)'}`);",
      errors: [
        {
          messageId: 'dynamicMessage',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output:
                "import pino from 'pino';\nconst logger = pino();\nlogger.warn({ id, force }, 'skipped');",
            },
          ],
        },
      ],
    },
    {
      // nestjs-pino: a Logger instance adds its context last and reaches pino, which reads fields first
      // (and drops an object after the message).
      code: `${NEST}class Orders {\n  logger = new Logger(Orders.name);\n  create(id) { this.logger.log(\`Created order \${id}\`); }\n}`,
      filename: NESTJS_PINO_FILE,
      errors: [
        {
          messageId: 'dynamicMessage',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${NEST}class Orders {\n  logger = new Logger(Orders.name);\n  create(id) { this.logger.log({ orderId: id }, 'order.created'); }\n}`,
            },
          ],
        },
      ],
    },
    {
      // A constant string last is NestJS's context (read from Novu's `Logger.verbose(..., LOG_CONTEXT)`).
      code: `${NEST}const LOG_CONTEXT = 'Idempotency';\nLogger.verbose(\`cached response for key \${key}\`, LOG_CONTEXT);`,
      errors: [
        {
          messageId: 'dynamicMessage',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${NEST}const LOG_CONTEXT = 'Idempotency';\nLogger.verbose('response.cached', { key }, LOG_CONTEXT);`,
            },
          ],
        },
      ],
    },
    {
      // nestjs-pino takes a static call's last argument as the context and hands the rest to pino: fields first.
      code: `${NEST}const LOG_CONTEXT = 'Idempotency';\nLogger.verbose(\`cached response for key \${key}\`, LOG_CONTEXT);`,
      filename: NESTJS_PINO_FILE,
      errors: [
        {
          messageId: 'dynamicMessage',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${NEST}const LOG_CONTEXT = 'Idempotency';\nLogger.verbose({ key }, 'response.cached', LOG_CONTEXT);`,
            },
          ],
        },
      ],
    },
    {
      // A static call has no context to add: nestjs-pino reads its last argument as the context, so the
      // fields stay after the message, where they are kept (under that key).
      code: `${NEST}Logger.log(\`Created order \${id}\`);`,
      filename: NESTJS_PINO_FILE,
      errors: [
        {
          messageId: 'dynamicMessage',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${NEST}Logger.log('order.created', { orderId: id });`,
            },
          ],
        },
      ],
    },
    {
      // A capital alone before a capitalised word is part of it (OAuth, IPv6); contractions keep their "not".
      code: `${WINSTON}logger.warn(\`OAuth error for \${provider}\`);\nlogger.warn(\`Couldn't delete \${path}: the user's lock won't expire\`);`,
      errors: [
        {
          messageId: 'dynamicMessage',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${WINSTON}logger.warn('oauth.error', { provider });\nlogger.warn(\`Couldn't delete \${path}: the user's lock won't expire\`);`,
            },
          ],
        },
        {
          messageId: 'dynamicMessage',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${WINSTON}logger.warn(\`OAuth error for \${provider}\`);\nlogger.warn('delete.failed', { path });`,
            },
          ],
        },
      ],
    },
    {
      // Read from Ghostfolio: a date formatter's value is named after the date it formats, as String(x)
      // is; a format string first (Node's util-style format('%s', x)) names nothing.
      code: `${WINSTON}logger.error(\`No data for \${symbol} from \${format(from, DATE_FORMAT)} to \${formatDate(range.to)}, \${format('%d', n)}\`);`,
      errors: [
        {
          messageId: 'dynamicMessage',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${WINSTON}logger.error('no_data', { symbol, from: format(from, DATE_FORMAT), rangeTo: formatDate(range.to), format: format('%d', n) });`,
            },
          ],
        },
      ],
    },
    {
      // Read from Flowise: a migration's class name carries its timestamp. Six digits or more glued to a
      // word are an id or a time, not part of the event; short ones (oauth2, sha256) are the word's own.
      code: `${WINSTON}logger.error(\`AddPermission1765360298674 sha256 mismatch for role \${id}\`);`,
      errors: [
        {
          messageId: 'dynamicMessage',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${WINSTON}logger.error('add.permission.sha256.mismatch', { roleId: id });`,
            },
          ],
        },
      ],
    },
    {
      // pino reads the message from the object's `msg` when no message argument follows (read from Payload).
      code: `${PINO}logger.error({ err, msg: \`Error running migration \${migration.name}\` });`,
      errors: [
        {
          messageId: 'dynamicMessage',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${PINO}logger.error({ err, msg: 'migration.run.failed', migrationName: migration.name });`,
            },
          ],
        },
      ],
    },
    {
      // A constant's name starts a derived key in camelCase (read from Hoppscotch's schema generator).
      code: `${PINO}logger.info(\`Generating schema against \${RESOLVERS.length} resolvers\`);`,
      errors: [
        {
          messageId: 'dynamicMessage',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${PINO}logger.info({ resolversCount: RESOLVERS.length }, 'schema.generating');`,
            },
          ],
        },
      ],
    },
    {
      // An Error made by a converter is the error, not fields to spread (a spread drops its message and stack).
      code: `${WINSTON}logger.error(\`Error sending email to \${to}\`, toError(err));`,
      // winston keeps an Error's message and stack only as the whole meta argument (nested under a
      // key it prints {}): the other values go to a child logger.
      errors: [
        {
          messageId: 'dynamicMessage',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${WINSTON}logger.child({ to }).error('email.send.failed', toError(err));`,
            },
          ],
        },
      ],
    },
    {
      // A URL in the text is an address, not words of the event name.
      code: `${PINO}logger.info(\`fetching https://api.example.com/v2/items for \${source}\`);`,
      errors: [
        {
          messageId: 'dynamicMessage',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${PINO}logger.info({ source }, 'fetching');`,
            },
          ],
        },
      ],
    },
    {
      code: `${PINO}logger.info(\`Charging order \${order.id} (attempt \${attempt})\`);`,
      errors: [
        {
          messageId: 'dynamicMessage',
          data: { how: 'a template literal' },
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${PINO}logger.info({ orderId: order.id, attempt }, 'order.charging');`,
            },
          ],
        },
      ],
    },
    {
      code: `${WINSTON}logger.info(\`Charging order \${order.id} (attempt \${attempt})\`);`,
      errors: [
        {
          messageId: 'dynamicMessage',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${WINSTON}logger.info('order.charging', { orderId: order.id, attempt });`,
            },
          ],
        },
      ],
    },
    {
      code: `${PINO}logger.info({ userId }, 'Processing ' + items.length + ' items');`,
      errors: [
        {
          messageId: 'dynamicMessage',
          data: { how: 'string concatenation' },
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${PINO}logger.info({ userId, itemsCount: items.length }, 'items.processing');`,
            },
          ],
        },
      ],
    },
    {
      code: `${PINO}logger.warn('Job %s took %d ms', job.id, elapsed);`,
      errors: [
        {
          messageId: 'dynamicMessage',
          data: { how: 'printf-style placeholders' },
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${PINO}logger.warn({ jobId: job.id, durationMs: elapsed }, 'job.took');`,
            },
          ],
        },
      ],
    },
    {
      code: `import { format } from 'node:util';\n${PINO}logger.info(format('user %s', user.name));`,
      errors: [
        {
          messageId: 'dynamicMessage',
          data: { how: 'util.format()' },
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `import { format } from 'node:util';\n${PINO}logger.info({ userName: user.name }, 'user');`,
            },
          ],
        },
      ],
    },
    {
      code: `${WINSTON}logger.info(['Synced', count, 'rows'].join(' '));`,
      errors: [
        {
          messageId: 'dynamicMessage',
          data: { how: 'Array#join()' },
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${WINSTON}logger.info('rows.synced', { count });`,
            },
          ],
        },
      ],
    },
    {
      code: `${WINSTON}logger.info('Loaded '.concat(name));`,
      errors: [
        {
          messageId: 'dynamicMessage',
          data: { how: 'String#concat()' },
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${WINSTON}logger.info('loaded', { name });`,
            },
          ],
        },
      ],
    },
    {
      // Without any clue to the logger's style the message is still reported, but no rewrite is guessed.
      code: 'import { logger } from "./logger";\nlogger.info(`Started ${id}`);',
      errors: [{ messageId: 'dynamicMessage', suggestions: [] }],
    },
    {
      code: 'import { logger } from "./logger";\nlogger.info(`Started ${id}`);',
      settings: settings({ style: 'bunyan' }),
      errors: [
        {
          messageId: 'dynamicMessage',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: 'import { logger } from "./logger";\nlogger.info({ id }, "started");',
            },
          ],
        },
      ],
    },
    {
      // An error interpolated keeps its object under the error key.
      // The error turned into text is named in the one report the call gets (error-field leaves it here).
      code: `${PINO}try { run(); } catch (e) { logger.error(\`Payment failed: \${e.message}\`); }`,
      errors: [
        {
          messageId: 'dynamicMessageWithError',
          data: { how: 'a template literal', error: 'e.message', key: 'err' },
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${PINO}try { run(); } catch (e) { logger.error({ err: e }, 'payment.failed'); }`,
            },
          ],
        },
      ],
    },
    {
      // pino: an error passed first merges into the fields object
      code: `${PINO}logger.error(err, \`Charge \${orderId} failed\`);`,
      errors: [
        {
          messageId: 'dynamicMessage',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${PINO}logger.error({ err, orderId }, 'charge.failed');`,
            },
          ],
        },
      ],
    },
    {
      // winston: existing meta that is not a literal is spread
      code: `${WINSTON}logger.warn(\`Retry \${attempt}\`, meta);`,
      errors: [
        {
          messageId: 'dynamicMessage',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${WINSTON}logger.warn('retry', { ...meta, attempt });`,
            },
          ],
        },
      ],
    },
    {
      // winston log(level, message, meta)
      code: `${WINSTON}logger.log('info', \`User \${user.id} signed in\`, { ip });`,
      errors: [
        {
          messageId: 'dynamicMessage',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${WINSTON}logger.log('info', 'user.signed_in', { ip, userId: user.id });`,
            },
          ],
        },
      ],
    },
    {
      // winston info object
      code: `${WINSTON}logger.log({ level: 'info', message: \`Cache miss \${key}\` });`,
      errors: [
        {
          messageId: 'dynamicMessage',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${WINSTON}logger.log({ level: 'info', message: 'cache.miss', key });`,
            },
          ],
        },
      ],
    },
    {
      // NestJS: the trailing context stays last
      code: "import { Logger } from '@nestjs/common';\nconst logger = new Logger('Orders');\nlogger.log(`Created order ${order.id}`, 'OrdersService');",
      errors: [
        {
          messageId: 'dynamicMessage',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output:
                "import { Logger } from '@nestjs/common';\nconst logger = new Logger('Orders');\nlogger.log('order.created', { orderId: order.id }, 'OrdersService');",
            },
          ],
        },
      ],
    },
    {
      // pino writes `name` itself (a named logger's): a field there would clash with it.
      code: `${PINO}logger.debug(\`Flush skipped for \${name}\`);`,
      errors: [
        {
          messageId: 'dynamicMessage',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${PINO}logger.debug({ name2: name }, 'flush.skipped');`,
            },
          ],
        },
      ],
    },
    {
      // child loggers and req.log (pino-http) are pino
      code: 'app.get("/", (req) => { req.log.info(`Hit ${req.path}`); });',
      errors: [
        {
          messageId: 'dynamicMessage',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: 'app.get("/", (req) => { req.log.info({ path: req.path }, "hit"); });',
            },
          ],
        },
      ],
    },
    {
      code: `${PINO}logger.child({ module: 'billing' }).info(\`Invoice \${invoice.number} sent\`);`,
      errors: [
        {
          messageId: 'dynamicMessage',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${PINO}logger.child({ module: 'billing' }).info({ invoiceNumber: invoice.number }, 'invoice.sent');`,
            },
          ],
        },
      ],
    },
    {
      // custom logger shapes from settings
      code: 'audit.record(`Exported ${rows} rows`, { by });',
      settings: settings({
        loggers: [{ match: 'audit', messageArg: 0, fieldsArg: 1, methods: ['record'] }],
      }),
      errors: [
        {
          messageId: 'dynamicMessage',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: "audit.record('rows.exported', { by, rows });",
            },
          ],
        },
      ],
    },
    {
      // snake event names and field keys
      code: `${PINO}logger.info(\`Order \${order.id} shipped\`);`,
      settings: settings({ eventName: { case: 'snake' }, fieldCase: 'snake' }),
      errors: [
        {
          messageId: 'dynamicMessage',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${PINO}logger.info({ order_id: order.id }, 'order_shipped');`,
            },
          ],
        },
      ],
    },
    {
      // no static words: reported, no rewrite offered
      code: `${PINO}logger.info(\`\${a}: \${b}\`);`,
      errors: [{ messageId: 'dynamicMessage', suggestions: [] }],
    },
    {
      // a repeated expression becomes one field; duplicate keys get a suffix
      code: `${PINO}logger.info(\`\${user.id} -> \${user.id} (\${other.user.id} user \${id})\`);`,
      errors: [
        {
          messageId: 'dynamicMessage',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${PINO}logger.info({ userId: user.id, otherUserId: other.user.id, id }, 'user');`,
            },
          ],
        },
      ],
    },
    {
      tsOnly: true,
      code: `${PINO}logger.info(\`Loaded \${(config as Config).name} via \${<string>source}\`);`,
      errors: [
        {
          messageId: 'dynamicMessage',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${PINO}logger.info({ configName: (config as Config).name, source: <string>source }, 'config.loaded');`,
            },
          ],
        },
      ],
    },
  ],
});

// Issue 21: log calls recognised by their receiver's words and shape, and loggers that are console.
runRule('no-dynamic-message (issue 21)', rule, {
  valid: [
    // Words that end in "log" are not loggers.
    'blog.info(`Post ${id}`); catalog.error(`Missing ${sku}`); dialog.warn(`Closed ${name}`); changelog.info(`Entry ${n}`); backlog.debug(`Item ${n}`);',
    // A logger that may be console writes to a terminal: no-console's presets decide about scripts.
    'export async function migrate(opts) { const logger = opts.logger ?? console; logger.info(`Migrated ${count} rows`); }',
    'export async function migrate(logger) { logger ??= console; logger.info(`Migrated ${count} rows`); }',
    'export async function migrate(logger = console) { logger.info(`Migrated ${count} rows`); }',
  ],
  invalid: [
    {
      code: 'class Users { create(id) { this.loggerService.info(`User ${id} created`); } }',
      errors: [{ messageId: 'dynamicMessage', suggestions: [] }],
    },
    {
      code: 'logger_.info(`User ${id} created`); AUDIT_LOG.warn(`Denied ${id}`);',
      errors: [
        { messageId: 'dynamicMessage', suggestions: [] },
        { messageId: 'dynamicMessage', suggestions: [] },
      ],
    },
    {
      // winston's log(level, message) with the level written in backticks.
      code: `${WINSTON}logger.log(\`info\`, \`User \${userId} created\`);`,
      errors: [
        {
          messageId: 'dynamicMessage',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${WINSTON}logger.log(\`info\`, 'user.created', { userId });`,
            },
          ],
        },
      ],
    },
    {
      // A child of a logger made by a project's own factory.
      code: "import { createLogger } from './logging';\nconst base = createLogger();\nexport function handle(job) { const child = base.child({ jobId: job.id }); child.warn(`Retry ${job.attempt}`); }",
      errors: [{ messageId: 'dynamicMessage', suggestions: [] }],
    },
    {
      // A fields object from a helper, after the message of a logger of unknown family.
      code: 'function handle(logger) { logger.info(`Order ${id} paid`, getMeta()); }',
      errors: [{ messageId: 'dynamicMessage', suggestions: [] }],
    },
  ],
});

// A command-line tool (its package.json declares bin) logs for the person at the terminal.
const CLI_TOOL_FILE = path.join(process.cwd(), 'fixtures/projects/cli-tool/src/commands/list.ts');

// A server that ships a command to start it (its package.json has bin and depends on express).
const SERVER_WITH_COMMAND_FILE = path.join(
  process.cwd(),
  'fixtures/projects/server-with-command/src/routes.ts',
);

runRule('no-dynamic-message (command-line packages)', rule, {
  valid: [
    {
      code: "import pino from 'pino';\nconst logger = pino();\nlogger.info(`Found ${count} orders`);",
      filename: CLI_TOOL_FILE,
    },
  ],
  invalid: [
    {
      code: "import pino from 'pino';\nconst logger = pino();\nlogger.info(`Found ${count} orders`);",
      filename: SERVER_WITH_COMMAND_FILE,
      errors: [
        {
          messageId: 'dynamicMessage',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output:
                "import pino from 'pino';\nconst logger = pino();\nlogger.info({ count }, 'orders.found');",
            },
          ],
        },
      ],
    },
    {
      code: "import pino from 'pino';\nconst logger = pino();\nlogger.info(`Found ${count} orders`);",
      filename: CLI_TOOL_FILE,
      settings: settings({ cliPackages: false }),
      errors: [
        {
          messageId: 'dynamicMessage',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output:
                "import pino from 'pino';\nconst logger = pino();\nlogger.info({ count }, 'orders.found');",
            },
          ],
        },
      ],
    },
  ],
});

// A single-page app's own logger prints to devtools: its messages are no server's log lines.
const BROWSER_STORE = path.join(
  process.cwd(),
  'fixtures/projects/browser-app/src/stores/unfurls.ts',
);

runRule('no-dynamic-message (browser loggers)', rule, {
  valid: [
    {
      code: "import Logger from '../utils/Logger';\nLogger.info(`Unfurl of ${url} failed`);",
      filename: BROWSER_STORE,
    },
  ],
  invalid: [
    {
      code: "import logger from '../utils/serverLogger';\nlogger.info(`Unfurl of ${url} failed`);",
      filename: BROWSER_STORE,
      errors: [
        {
          messageId: 'dynamicMessage',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output:
                "import logger from '../utils/serverLogger';\nlogger.info({ url }, 'unfurl.failed');",
            },
          ],
        },
      ],
    },
  ],
});
