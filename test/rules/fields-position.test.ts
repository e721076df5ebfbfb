import * as path from 'node:path';
import rule from '../../rules/fields-position';
import { runRule } from '../rule-tester';

/** A file of a project whose package.json has nestjs-pino, the logger Nest's Logger then writes to. */
const NESTJS_PINO_FILE = path.join(process.cwd(), 'fixtures/projects/nestjs-pino/src/jobs.ts');

const PINO = "import pino from 'pino';\nconst logger = pino();\n";
const WINSTON = "import winston from 'winston';\nconst logger = winston.createLogger();\n";
const NEST = "import { Logger } from '@nestjs/common';\nconst logger = new Logger('Jobs');\n";

runRule('fields-position', rule, {
  valid: [
    // A static call has no context for nestjs-pino to add, so it takes the last argument as one: message first.
    { code: `${NEST}Logger.log('job.done', { jobId });`, filename: NESTJS_PINO_FILE },
    `${PINO}logger.info({ orderId }, 'order.created');`,
    `${PINO}logger.info('order %o', { orderId });`,
    `${PINO}logger.info('order.created');`,
    `${PINO}logger.error(err, 'payment.failed');`,
    `${WINSTON}logger.info('order.created', { orderId });`,
    `${NEST}logger.log('job.done', 'JobsService');`,
    // unknown logger style: no guess
    "import { logger } from './logger';\nlogger.info('a', { b });",
    // winston log(level, message)
    `${WINSTON}logger.log('info', 'started');`,
  ],
  invalid: [
    {
      // The configured style says pino, the file's own logger is winston's: no fix into pino's order.
      code: `${WINSTON}logger.info('order.created', { orderId });`,
      settings: { 'structured-logging': { style: 'pino' } },
      output: null,
      errors: [{ messageId: 'styleContradicted' }],
    },
    {
      // Each argument takes its comment with it.
      code: `${PINO}logger.info(/* event */ 'order.created', /* fields */ { orderId });`,
      output: `${PINO}logger.info(/* fields */ { orderId }, /* event */ 'order.created');`,
      errors: [{ messageId: 'fieldsAfterMessage', data: { style: 'Pino' } }],
    },
    {
      // With nestjs-pino, a Logger instance adds its context last and pino drops an object after the message.
      code: `${NEST}logger.log('job.done', { jobId });`,
      filename: NESTJS_PINO_FILE,
      output: `${NEST}logger.log({ jobId }, 'job.done');`,
      errors: [{ messageId: 'fieldsAfterMessage', data: { style: 'Pino' } }],
    },
    {
      code: `${PINO}logger.info('order.created', { orderId });`,
      output: `${PINO}logger.info({ orderId }, 'order.created');`,
      errors: [{ messageId: 'fieldsAfterMessage', data: { style: 'Pino' } }],
    },
    {
      code: `${PINO}try { pay(); } catch (error) { logger.error('payment.failed', error); }`,
      output: `${PINO}try { pay(); } catch (error) { logger.error(error, 'payment.failed'); }`,
      errors: [{ messageId: 'fieldsAfterMessage' }],
    },
    {
      code: "import bunyan from 'bunyan';\nconst log = bunyan.createLogger({ name: 'x' });\nlog.warn('slow.query', { ms });",
      output:
        "import bunyan from 'bunyan';\nconst log = bunyan.createLogger({ name: 'x' });\nlog.warn({ ms }, 'slow.query');",
      errors: [{ messageId: 'fieldsAfterMessage', data: { style: 'Bunyan' } }],
    },
    {
      // a side effect in either argument: a suggestion, not an autofix
      code: `${PINO}logger.info('order.created', { id: nextId() });`,
      output: null,
      errors: [
        {
          messageId: 'fieldsAfterMessage',
          suggestions: [
            {
              messageId: 'swapArguments',
              output: `${PINO}logger.info({ id: nextId() }, 'order.created');`,
            },
          ],
        },
      ],
    },
    {
      code: `${WINSTON}logger.info({ orderId }, 'order.created');`,
      output: `${WINSTON}logger.info('order.created', { orderId });`,
      errors: [{ messageId: 'fieldsBeforeMessage', data: { style: 'Winston' } }],
    },
    {
      code: `${NEST}logger.log({ jobId }, 'job.done');`,
      output: `${NEST}logger.log('job.done', { jobId });`,
      errors: [{ messageId: 'fieldsBeforeMessage', data: { style: 'NestJS' } }],
    },
  ],
});
