import rule from '../../rules/error-field';
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
              output: `${WINSTON}try { x(); } catch (err) { logger.warn('failed.bind.listeners', err); }`,
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
      code: `${PINO}logger.error({ ctx: { cause: error.stack } }, 'x.failed');`,
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
