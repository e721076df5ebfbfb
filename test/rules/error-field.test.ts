import { parse } from '@typescript-eslint/typescript-estree';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/error-field';
import { applySuggestionsOneByOne, lint } from '../lint';
import { runRule, settings } from '../rule-tester';

const PINO = "import pino from 'pino';\nconst logger = pino();\n";
const WINSTON = "import winston from 'winston';\nconst logger = winston.createLogger();\n";

runRule('error-field', rule, {
  valid: [
    // A serializer for `error` in the creation the rule read, and libraries that print any key.
    "import pino from 'pino';\nconst logger = pino({ serializers: { error: pino.stdSerializers.err } });\ntry { run(); } catch (error) { logger.error({ error }, 'job.failed'); }",
    "import log4js from 'log4js';\nconst logger = log4js.getLogger();\ntry { run(); } catch (error) { logger.error('job.failed', { error }); }",
    // An injected logger whose creation is elsewhere (its serializers unknown) is not second-guessed.
    "function handle(logger) { try { run(); } catch (error) { logger.error({ error }, 'job.failed'); } }",
    `${PINO}logger.error({ err }, 'payment.failed');`,
    `${PINO}logger.error(err, 'payment.failed');`,
    `${WINSTON}logger.error('payment.failed', { error });`,
    // not errors
    `${PINO}logger.info({ message: response.message }, 'reply');`,
    `${PINO}logger.info(\`Got \${reply.message}\`);`,
    `${PINO}logger.info({ errors: count }, 'batch.done');`,
    'console.error(err.message);',
    // The error object is logged too, as the meta argument or a field: nothing is lost, and the text
    // message is no-dynamic-message's business.
    `${WINSTON}logger.error(error.message, error.parent ?? error);`,
    `${WINSTON}logger.error(\`Failed: \${err.message}\`, { err, attempt });`,
    `${PINO}logger.error({ err, reason: err.message }, 'payment.failed');`,
    // Read from Amplication: a project's own logger, family unknown, that takes (message, error,
    // params). The error object is passed, so nothing says its stack is lost.
    'this.logger.error(error.message, error);',
    'this.logger.error(error.message, error, { entity: entity.name });',
    'logger.error(`Failed to get buildable parents: ${error}`, error);',
    // A name destructured from the caught error is one of its properties, not the error.
    `${PINO}try { x(); } catch ({ code }) { logger.warn({ detail: String(code) }, 'x.failed'); }`,
    // A message helper whose argument is not an error, and a helper whose name says nothing of text.
    `${PINO}logger.warn({ detail: getErrorMessage(response) }, 'x.failed');`,
    `${PINO}try { x(); } catch (err) { logger.warn({ code: errorCode(err) }, 'x.failed'); }`,
  ],
  invalid: [
    {
      // pino serialises an Error under `err` only: under `error` it prints {}.
      code: `${PINO}try { run(); } catch (error) { logger.error({ error, jobId }, 'job.failed'); }`,
      errors: [
        {
          messageId: 'errorUnderOtherKey',
          suggestions: [
            {
              messageId: 'useErrorObject',
              output: `${PINO}try { run(); } catch (error) { logger.error({ err: error, jobId }, 'job.failed'); }`,
            },
          ],
        },
      ],
    },
    // Read from Flowise: the getErrorMessage(error: unknown) helper returns the message and drops the stack.
    {
      code: `${WINSTON}try { x(); } catch (err) { logger.warn(\`Failed to bind listeners: \${getErrorMessage(err)}\`); }`,
      errors: [
        {
          messageId: 'stringifiedError',
          data: { how: 'getErrorMessage(err)', key: 'error' },
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${WINSTON}try { x(); } catch (err) { logger.warn('listeners.bind.failed', err); }`,
            },
          ],
        },
      ],
    },
    {
      code: `${PINO}try { x(); } catch (e) { logger.error({ reason: errors.toErrorMessage(e) }, 'x.failed'); }`,
      errors: [
        {
          messageId: 'stringifiedError',
          data: { how: 'errors.toErrorMessage(e)', key: 'err' },
          suggestions: [
            {
              messageId: 'useErrorObject',
              output: `${PINO}try { x(); } catch (e) { logger.error({ err: e }, 'x.failed'); }`,
            },
          ],
        },
      ],
    },
    {
      code: `${PINO}logger.error({ msg: \`Migration failed: \${err.message}\` });`,
      errors: [
        {
          messageId: 'stringifiedError',
          data: { how: 'err.message', key: 'err' },
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${PINO}logger.error({ msg: 'migration.failed', err });`,
            },
          ],
        },
      ],
    },
    {
      // pino prints nothing of an argument after the message that no placeholder uses: the stack is lost.
      code: `${PINO}logger.error(\`Failed: \${err.message}\`, err);`,
      errors: [
        {
          messageId: 'stringifiedError',
          data: { how: 'err.message', key: 'err' },
          suggestions: [
            { messageId: 'useStructuredCall', output: `${PINO}logger.error({ err }, 'failed');` },
          ],
        },
      ],
    },
    {
      code: `${PINO}logger.error({ error: err.message }, 'payment.failed');`,
      errors: [
        {
          messageId: 'stringifiedError',
          data: { how: 'err.message', key: 'err' },
          suggestions: [
            {
              messageId: 'useErrorObject',
              output: `${PINO}logger.error({ err }, 'payment.failed');`,
            },
          ],
        },
      ],
    },
    {
      code: `${WINSTON}logger.error('payment.failed', { reason: String(err), error: other });`,
      // winston prints an Error nested in meta as {}: no key keeps it, so no suggestion moves it there.
      errors: [
        { messageId: 'stringifiedErrorNoKey', data: { how: 'String(err)' }, suggestions: [] },
      ],
    },
    {
      code: `${PINO}try { x(); } catch (failure) { logger.error({ detail: JSON.stringify(failure) }, 'x.failed'); }`,
      errors: [
        {
          messageId: 'stringifiedError',
          data: { how: 'JSON.stringify(failure)', key: 'err' },
          suggestions: [
            {
              messageId: 'useErrorObject',
              output: `${PINO}try { x(); } catch (failure) { logger.error({ err: failure }, 'x.failed'); }`,
            },
          ],
        },
      ],
    },
    {
      code: `${PINO}logger.error({ ctx: { cause: error.message } }, 'x.failed');`,
      errors: [
        {
          messageId: 'stringifiedError',
          suggestions: [
            {
              messageId: 'useErrorObject',
              output: `${PINO}logger.error({ ctx: { err: error } }, 'x.failed');`,
            },
          ],
        },
      ],
    },
    {
      code: `${PINO}logger.error(\`Payment failed: \${err}\`);`,
      errors: [
        {
          messageId: 'stringifiedError',
          data: { how: 'Interpolating an error', key: 'err' },
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${PINO}logger.error({ err }, 'payment.failed');`,
            },
          ],
        },
      ],
    },
    {
      code: `${WINSTON}logger.error('Payment failed: ' + err.toString());`,
      errors: [
        {
          messageId: 'stringifiedError',
          data: { how: 'err.toString()', key: 'error' },
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${WINSTON}logger.error('payment.failed', err);`,
            },
          ],
        },
      ],
    },
    {
      code: `${PINO}logger.error(err.message);`,
      errors: [
        {
          messageId: 'stringifiedError',
          suggestions: [{ messageId: 'useErrorObject', output: `${PINO}logger.error(err);` }],
        },
      ],
    },
    {
      code: `${WINSTON}logger.error(err.message);`,
      errors: [{ messageId: 'stringifiedError', suggestions: [] }],
    },
    {
      // The setting cannot make a logger created without a format serialise nested errors: under
      // winston's default json() `{ exception: err }` prints {}, so the logger's creation decides.
      code: `${WINSTON}logger.error('payment.failed', { problem: err.message });`,
      settings: settings({ errorKey: 'exception' }),
      errors: [
        { messageId: 'stringifiedErrorNoKey', data: { how: 'err.message' }, suggestions: [] },
      ],
    },
    {
      // Where only settings describe the logger, the setting decides where errors go.
      code: `audit.error('payment.failed', { problem: err.message });`,
      settings: settings({
        errorKey: 'exception',
        loggers: [{ match: 'audit', messageArg: 0, fieldsArg: 1 }],
      }),
      errors: [
        {
          messageId: 'stringifiedError',
          data: { how: 'err.message', key: 'exception' },
          suggestions: [
            {
              messageId: 'useErrorObject',
              output: `audit.error('payment.failed', { exception: err });`,
            },
          ],
        },
      ],
    },
  ],
});

// Issue 21: the error logged as text in the shapes real code writes it, and what keeps it.
const NEST_IMPORT = "import { Logger } from '@nestjs/common';\n";
runRule('error-field (issue 21)', rule, {
  valid: [
    // The stack is kept beside the message: an explicit serialisation, and NestJS's (message, stack).
    `${PINO}try { x(); } catch (e) { logger.error({ name: e.name, message: e.message, stack: e.stack }, 'x.failed'); }`,
    "class Jobs { run() { try { x(); } catch (err) { this.logger.error(err.message, err.stack, 'Jobs'); } } }",
    `${NEST_IMPORT}class Jobs { logger = new Logger('Jobs'); run() { try { x(); } catch (err) { this.logger.error(err.message, err.stack); } } }`,
    // A control-flow error carrying the reason is not a log call.
    'try { x(); } catch (e) { throw new SkipRetryError(e.message); }',
    'try { x(); } catch (err) { throw new HttpException(err.message, 500); }',
    // Not loggers: words that merely end in "log".
    'try { x(); } catch (err) { blog.error(`Failed: ${err.message}`); catalog.error(err.message); dialog.warn(String(err)); }',
    // A logger that may be console prints to a terminal.
    'export function migrate(opts) { const logger = opts.logger ?? console; try { x(); } catch (err) { logger.error(`Failed: ${err.message}`); } }',
    // The rejection reason logged as the object, under pino's key.
    `${PINO}run().catch((e) => logger.error({ err: e }, 'run.failed'));`,
    // The non-Error branch of `instanceof` is the value itself: logged as such, nothing to report when the object is logged too.
    `${PINO}try { x(); } catch (err) { logger.error({ err, reason: err instanceof Error ? err.message : String(err) }, 'x.failed'); }`,
  ],
  invalid: [
    {
      code: `${PINO}try { x(); } catch (err) { logger.error({ reason: err instanceof Error ? err.message : String(err) }, 'x.failed'); }`,
      errors: [
        {
          messageId: 'stringifiedError',
          data: { how: 'err instanceof Error ? err.message : String(err)', key: 'err' },
          suggestions: [
            {
              messageId: 'useErrorObject',
              output: `${PINO}try { x(); } catch (err) { logger.error({ err }, 'x.failed'); }`,
            },
          ],
        },
      ],
    },
    {
      code: `${PINO}try { x(); } catch (error) { logger.warn({ detail: error instanceof Error ? error.message : error }, 'x.failed'); }`,
      errors: [
        {
          messageId: 'stringifiedError',
          suggestions: [
            {
              messageId: 'useErrorObject',
              output: `${PINO}try { x(); } catch (error) { logger.warn({ err: error }, 'x.failed'); }`,
            },
          ],
        },
      ],
    },
    {
      code: `${PINO}try { x(); } catch (e) { logger.warn({ reason: \`\${e}\`, cause: e?.message ?? 'unknown' }, 'x.failed'); }`,
      // One report for the call: both values are the same error's text.
      errors: [
        {
          messageId: 'stringifiedError',
          data: { how: '`${e}`', key: 'err' },
          suggestions: [
            {
              messageId: 'useErrorObject',
              output: `${PINO}try { x(); } catch (e) { logger.warn({ err: e, cause: e?.message ?? 'unknown' }, 'x.failed'); }`,
            },
          ],
        },
      ],
    },
    {
      code: `${PINO}try { x(); } catch (e) { logger.error({ reason: (e as Error).message }, 'x.failed'); }`,
      tsOnly: true,
      errors: [
        {
          messageId: 'stringifiedError',
          suggestions: [
            {
              messageId: 'useErrorObject',
              output: `${PINO}try { x(); } catch (e) { logger.error({ err: e }, 'x.failed'); }`,
            },
          ],
        },
      ],
    },
    {
      // winston merges an Error argument whole: pass the error, not its message.
      code: `${WINSTON}try { x(); } catch (error) { logger.error('Upload failed:', error.message); }`,
      errors: [
        {
          messageId: 'stringifiedError',
          data: { how: 'error.message', key: 'err' },
          suggestions: [
            {
              messageId: 'useErrorObject',
              output: `${WINSTON}try { x(); } catch (error) { logger.error('Upload failed:', error); }`,
            },
          ],
        },
      ],
    },
    {
      // pino drops an argument no placeholder takes: the error goes in the fields, before the message.
      code: `${PINO}try { x(); } catch (error) { logger.error('Upload failed:', error.message); }`,
      errors: [
        {
          messageId: 'stringifiedError',
          data: { how: 'error.message', key: 'err' },
          suggestions: [
            {
              messageId: 'useErrorObject',
              output: `${PINO}try { x(); } catch (error) { logger.error({ err: error }, 'Upload failed:'); }`,
            },
          ],
        },
      ],
    },
    {
      // NestJS prints error()'s second argument as the stack.
      code: `${NEST_IMPORT}class Jobs { logger = new Logger('Jobs'); run() { try { x(); } catch (err) { this.logger.error('Job failed', err.message); } } }`,
      errors: [
        {
          messageId: 'stringifiedError',
          suggestions: [
            {
              messageId: 'useErrorObject',
              output: `${NEST_IMPORT}class Jobs { logger = new Logger('Jobs'); run() { try { x(); } catch (err) { this.logger.error('Job failed', err.stack); } } }`,
            },
          ],
        },
      ],
    },
    {
      // Receivers named like loggers by their words: a service, a trailing underscore.
      code: 'class Jobs { run() { try { x(); } catch (err) { this.loggerService.error(err.message); logger_.warn(String(err)); } } }',
      errors: [
        {
          messageId: 'stringifiedError',
          data: { how: 'err.message', key: 'err' },
          suggestions: [],
        },
        {
          messageId: 'stringifiedError',
          data: { how: 'String(err)', key: 'err' },
          suggestions: [],
        },
      ],
    },
    {
      // Several parts of one message holding the same error: one report.
      code: `${PINO}try { x(); } catch (err) { logger.error(\`Failed: \${err.message} (\${err})\`); }`,
      errors: [
        {
          messageId: 'stringifiedError',
          data: { how: 'err.message', key: 'err' },
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${PINO}try { x(); } catch (err) { logger.error({ err }, 'failed'); }`,
            },
          ],
        },
      ],
    },
    {
      // The message and a field hold the same error: one report, whose rewrite logs the error object.
      code: `${PINO}try { x(); } catch (err) { logger.error({ reason: err.message }, \`Sync failed: \${err.message}\`); }`,
      errors: [
        {
          messageId: 'stringifiedError',
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: `${PINO}try { x(); } catch (err) { logger.error({ reason: err.message, err }, 'sync.failed'); }`,
            },
          ],
        },
      ],
    },
    {
      // A `.catch()` callback's parameter is the rejection reason, an error.
      code: `${PINO}run().catch((reason) => logger.error({ detail: String(reason) }, 'run.failed'));`,
      errors: [
        {
          messageId: 'stringifiedError',
          suggestions: [
            {
              messageId: 'useErrorObject',
              output: `${PINO}run().catch((reason) => logger.error({ err: reason }, 'run.failed'));`,
            },
          ],
        },
      ],
    },
  ],
});

/**
 * Issue 21, one call, one report: with no-dynamic-message on, a message that loses an error is its
 * report alone (naming the error); every suggestion, applied one by one as a user would, gives code
 * that parses and never holds the error key twice.
 */
describe('error-field with no-dynamic-message: one report per problem, suggestions compose', () => {
  const BOTH = { 'error-field': 'error', 'no-dynamic-message': 'error' } as const;
  const cases = [
    `${PINO}try { charge(); } catch (err) { logger.error(\`Charge \${orderId} failed: \${err.message}\`); }`,
    `${PINO}try { sync(); } catch (err) { logger.error({ reason: err.message }, \`Sync failed: \${err.message}\`); }`,
    `${PINO}try { sync(); } catch (err) { logger.error({ a: err.message, b: String(err) }, 'sync.failed'); }`,
    `${PINO}try { sync(); } catch (err) { logger.error(\`Failed: \${err.message} (\${err})\`); }`,
    `${PINO}try { sync(); } catch (err) { logger.error({ detail: err instanceof Error ? err.message : String(err) }, \`Sync \${id} failed: \${err}\`); }`,
    `${PINO}try { upload(); } catch (error) { logger.error('Upload failed:', error.message); }`,
    `${WINSTON}try { upload(); } catch (err) { logger.error(\`Upload \${id} failed: \${err.message}\`, { reason: err.message }); }`,
  ];

  function objectKeys(code: string): string[][] {
    const keys: string[][] = [];
    const visit = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach(visit);
      const record = node as Record<string, unknown> & { type?: string };
      if (record.type === 'ObjectExpression') {
        const properties = record.properties as Array<{
          type: string;
          key?: { name?: string; value?: string };
        }>;
        keys.push(
          properties
            .filter((p) => p.type === 'Property')
            .map((p) => String(p.key?.name ?? p.key?.value)),
        );
      }
      for (const [key, value] of Object.entries(record)) if (key !== 'parent') visit(value);
    };
    visit(parse(code, { range: true }));
    return keys;
  }

  for (const code of cases) {
    it(code.split('\n').pop() ?? code, () => {
      for (const rules of [BOTH, { 'error-field': 'error' } as const]) {
        const reports = lint(code, 'src/jobs.ts', rules);
        // One report per call: the file holds one log call.
        expect(reports).toHaveLength(1);
        const fixed = applySuggestionsOneByOne(code, 'src/jobs.ts', rules);
        expect(fixed).not.toBe(code);
        for (const keys of objectKeys(fixed)) expect(new Set(keys).size).toBe(keys.length);
        // The error is logged whole, except where the logger cannot keep one nested in fields
        // (winston), which the remaining report says.
        const left = lint(fixed, 'src/jobs.ts', { 'error-field': 'error' });
        expect(left.map((report) => report.messageId)).toEqual(
          code.includes('winston') ? ['stringifiedErrorNoKey'] : [],
        );
      }
    });
  }
});

/**
 * False positives judged on real repositories (NodeBB, platformatic, outline), and the recall kept
 * around each fix.
 */
const pinoField = (name: string, binding: string, value: string) => ({
  code: `${PINO}${binding.replace('$', `logger.warn({ detail: ${value} }, 'x.failed');`)}`,
  errors: [
    {
      messageId: 'stringifiedError',
      data: { how: value, key: 'err' },
      suggestions: [
        {
          messageId: 'useErrorObject',
          output: `${PINO}${binding.replace('$', `logger.warn({ ${name === 'err' ? name : `err: ${name}`} }, 'x.failed');`)}`,
        },
      ],
    },
  ],
});
const CATCH = (name: string) => `try { x(); } catch (${name}) { $ }`;
runRule('error-field (judged false positives)', rule, {
  valid: [
    // 1. The stack string holds the message and the trace: logged alone, in a template or as a field,
    // nothing the rule is about is lost.
    `${WINSTON}try { boot(); } catch (err) { logger.error(err.stack); }`,
    "import winston from 'winston';\nexport function start(app) { app.listen().catch((err) => { winston.error(err.stack); }); }",
    `${WINSTON}try { boot(); } catch (err) { logger.error(\`boot failed\\n\${err.stack}\`); }`,
    `${WINSTON}try { boot(); } catch (err) { logger.error('boot failed: ' + err.stack); }`,
    `${PINO}try { boot(); } catch (err) { logger.error({ stack: err.stack }, 'boot.failed'); }`,
    `${PINO}try { boot(); } catch (err) { logger.error({ reason: err.message, trace: err.stack }, 'boot.failed'); }`,
    `${PINO}try { boot(); } catch (err) { logger.error(\`Failed: \${err.message}\\n\${err.stack}\`); }`,
    `${WINSTON}logger.warn(new Error(JSON.stringify(payload)).stack);`,
    // 2. Names that end in "Error" without being one: flags, handlers, counts.
    `${PINO}logger.info(\`Restarting in \${restartOnError} ms\`);`,
    `${PINO}logger.info({ detail: String(retryOnError) }, 'config.loaded');`,
    `${PINO}logger.info(\`exit: \${exitOnError}, ignore: \${ignoreError}, suppress: \${suppressErrors}\`);`,
    `${PINO}logger.info(\`\${errorCount} errors, rate \${errorRate}, \${hasError} \${isError}\`);`,
    `${PINO}logger.info({ error: onError }, 'handler.set');`,
    `${PINO}logger.info({ detail: String(shouldThrowError) }, 'config.loaded');`,
    // 3. The error rethrown from the catch body (or the rejection callback): its stack surfaces where it
    // is caught next.
    `${PINO}try { x(); } catch (error) { logger.warn(\`Retries exhausted: \${error.message}\`); throw error; }`,
    `${PINO}try { x(); } catch (error) { logger.warn({ reason: error.message }, 'x.retry'); if (attempts > 3) { throw error; } }`,
    `${PINO}try { x(); } catch (error) { logger.warn(\`Sync: \${String(error)}\`); throw new SyncError('sync failed', { cause: error }); }`,
    `${PINO}run().catch((e) => { logger.warn({ reason: e.message }, 'run.failed'); throw e; });`,
    // 4. Wrappers that make an error a plain object with its message and stack.
    `${PINO}try { x(); } catch (error) { logger.error({ error: ensureLoggableError(error) }, 'x.failed'); }`,
    `${PINO}try { x(); } catch (err) { logger.error({ error: serializeError(err) }, 'x.failed'); }`,
    `${PINO}try { x(); } catch (err) { logger.error({ detail: JSON.stringify(serializeError(err)) }, 'x.failed'); }`,
    `${PINO}try { x(); } catch (error) { logger.error({ err: ensureLoggableError(error) }, \`Failed: \${error.message}\`); }`,
    `${PINO}try { x(); } catch (err) { logger.error({ error: normalizeError(err), cause: errorToObject(err.cause) }, 'x.failed'); }`,
    // 5. A branch narrowed to an expected error, whose message is what is logged.
    `${PINO}try { x(); } catch (err) { if (err instanceof ValidationError) logger.warn({ reason: err.message }, 'x.invalid'); else logger.error({ err }, 'x.failed'); }`,
    `${PINO}try { x(); } catch (err) { if (err instanceof TokenError || err instanceof AuthorizationError) { logger.warn(\`Auth: \${err.message}\`); } }`,
    `${PINO}try { x(); } catch (error) { if (error.message.includes('max payload')) { logger.warn({ reason: error.message }, 'x.too_big'); } else { logger.error({ err: error }, 'x.failed'); } }`,
    `${PINO}try { x(); } catch (err) { if (err.code === 'ENOENT') logger.warn(\`Missing: \${err.message}\`); }`,
    `${PINO}try { x(); } catch (error) { if (cloud && isExpectedNetworkError(error)) { logger.warn({ reason: error.message }, 'x.network'); } }`,
    `${PINO}try { x(); } catch (err) { if (!(err instanceof ExecutionError)) { logger.error({ err }, 'x.failed'); } else { logger.warn(err.message); } }`,
    `${PINO}try { x(); } catch (err) { if (/timeout/i.test(err.message)) logger.warn({ reason: String(err) }, 'x.timeout'); }`,
  ],
  invalid: [
    // 1. The text without the stack is still reported, and a stack pino drops (an argument no
    // placeholder takes) is lost.
    pinoField('err', CATCH('err'), 'err.message'),
    pinoField('err', CATCH('err'), 'String(err)'),
    pinoField('err', CATCH('err'), '`${err}`'),
    {
      code: `${PINO}try { x(); } catch (err) { logger.error('Upload failed:', err.stack); }`,
      errors: [
        {
          messageId: 'stringifiedError',
          data: { how: 'err.stack', key: 'err' },
          suggestions: [
            {
              messageId: 'useErrorObject',
              output: `${PINO}try { x(); } catch (err) { logger.error({ err }, 'Upload failed:'); }`,
            },
          ],
        },
      ],
    },
    // 2. Names that are errors.
    pinoField('error', '$', 'error.message'),
    pinoField('lastError', '$', 'lastError.message'),
    pinoField('dbError', '$', 'String(dbError)'),
    pinoField('fetchError', '$', 'fetchError.message'),
    pinoField('validationError', '$', 'validationError.message'),
    pinoField('originalError', '$', 'originalError.toString()'),
    pinoField('db_error', '$', 'db_error.message'),
    pinoField('e', CATCH('e'), 'e.message'),
    pinoField('cause', CATCH('cause'), 'cause.message'),
    pinoField('e', 'run().catch((e) => { $ });', 'String(e)'),
    // 3. Not a rethrow: another value, the text only, or a throw inside a later callback.
    pinoField('error', CATCH('error').replace('$ }', '$ throw other; }'), 'error.message'),
    pinoField(
      'error',
      CATCH('error').replace('$ }', '$ throw new SyncError(error.message); }'),
      'error.message',
    ),
    pinoField(
      'error',
      CATCH('error').replace('$ }', '$ setTimeout(() => { throw error; }); }'),
      'error.message',
    ),
    // 4. A wrapper's text is text, and a maker returns an Error, which pino prints as {} under `error`.
    pinoField('normalizeError(err)', CATCH('err'), 'normalizeError(err).message'),
    {
      code: `${PINO}try { x(); } catch (e) { logger.error({ error: toError(e) }, 'x.failed'); }`,
      errors: [
        {
          messageId: 'errorUnderOtherKey',
          suggestions: [
            {
              messageId: 'useErrorObject',
              output: `${PINO}try { x(); } catch (e) { logger.error({ err: toError(e) }, 'x.failed'); }`,
            },
          ],
        },
      ],
    },
    // 5. Guards that do not narrow to an expected case: any Error, a negative check, the other branch,
    // a generic predicate.
    pinoField('err', CATCH('err').replace('$', 'if (err instanceof Error) $'), 'err.message'),
    pinoField('err', CATCH('err').replace('$', "if (err.code !== 'ENOENT') $"), 'err.message'),
    pinoField(
      'err',
      CATCH('err').replace('$', 'if (err instanceof ValidationError) { retry(); } else $'),
      'err.message',
    ),
    pinoField('err', CATCH('err').replace('$', 'if (isError(err)) $'), 'err.message'),
  ],
});
