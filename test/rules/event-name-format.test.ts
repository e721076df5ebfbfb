import rule from '../../rules/event-name-format';
import { runRule, settings } from '../rule-tester';

const PINO = "import pino from 'pino';\nconst logger = pino();\n";

runRule('event-name-format', rule, {
  valid: [
    `${PINO}logger.info('payment.charge.failed');`,
    `${PINO}logger.info('startup');`,
    `${PINO}logger.info({ a }, 'cache.hit_ratio');`,
    // dynamic messages are no-dynamic-message's business
    `${PINO}logger.info(\`Order \${id}\`);`,
    `${PINO}logger.info(message);`,
    // A blank line printed for spacing names no event.
    `${PINO}logger.info('');`,
    `${PINO}logger.info('  ');`,
    {
      code: `${PINO}logger.info('payment_charge_failed');`,
      settings: settings({ eventName: { case: 'snake' } }),
    },
    {
      code: `${PINO}logger.info('billing:invoice:sent');`,
      settings: settings({ eventName: { pattern: '^[a-z]+(:[a-z]+)+$' } }),
    },
  ],
  invalid: [
    {
      code: `${PINO}logger.info('Server started');`,
      errors: [
        {
          messageId: 'invalidEventName',
          data: { message: 'Server started', convention: 'dot case' },
          suggestions: [
            {
              messageId: 'useEventName',
              data: { name: 'server.started' },
              output: `${PINO}logger.info('server.started');`,
            },
          ],
        },
      ],
    },
    {
      code: `${PINO}logger.info("Payment charge failed!");`,
      settings: settings({ eventName: { case: 'kebab' } }),
      errors: [
        {
          messageId: 'invalidEventName',
          suggestions: [
            { messageId: 'useEventName', output: `${PINO}logger.info("payment-charge-failed");` },
          ],
        },
      ],
    },
    {
      code: `${PINO}logger.info('---');`,
      errors: [{ messageId: 'invalidEventName', suggestions: [] }],
    },
    {
      code: `${PINO}logger.info('payment.charge.failed');`,
      settings: settings({ eventName: { pattern: '^[a-z]+(:[a-z]+)+$' } }),
      errors: [
        {
          messageId: 'invalidEventName',
          data: { message: 'payment.charge.failed', convention: '/^[a-z]+(:[a-z]+)+$/' },
          suggestions: [],
        },
      ],
    },
  ],
});

// Issue 21: backtick constants are messages too; NestJS's context argument is not the message.
runRule('event-name-format (issue 21)', rule, {
  valid: [
    `${PINO}logger.info(\`user.created\`);`,
    `${PINO}const DONE = 'job.finished';\nlogger.info(DONE);`,
    // A message held in a variable, then Nest's context (nestjs-pino's loggers, pino-shaped): no
    // constant message to check.
    {
      code: "import { PinoLogger } from 'nestjs-pino';\nclass App { constructor(private readonly logger: PinoLogger) {} start(message) { this.logger.info(message, 'Bootstrap'); } }",
      tsOnly: true,
    },
    "import { Logger } from 'nestjs-pino';\nclass App { constructor(logger) { this.logger = logger; } start(message) { this.logger.log(message, 'Bootstrap'); } }",
    `${PINO}export function start(message) { logger.info(message, 'Bootstrap'); }`,
    `${PINO}export function start(text) { logger.log(text, 'Bootstrap'); }`,
  ],
  invalid: [
    {
      code: `${PINO}logger.info(\`user created\`);`,
      errors: [
        {
          messageId: 'invalidEventName',
          data: { message: 'user created', convention: 'dot case' },
          suggestions: [
            {
              messageId: 'useEventName',
              data: { name: 'user.created' },
              output: `${PINO}logger.info('user.created');`,
            },
          ],
        },
      ],
    },
    {
      // A constant's text is the message: reported, with no suggestion (the constant may have other uses).
      code: `${PINO}const DONE = 'Job finished';\nlogger.info(DONE);`,
      errors: [
        {
          messageId: 'invalidEventName',
          data: { message: 'Job finished', convention: 'dot case' },
          suggestions: [],
        },
      ],
    },
    {
      code: "import winston from 'winston';\nconst logger = winston.createLogger();\nlogger.log(`warn`, `Cache miss`);",
      errors: [
        {
          messageId: 'invalidEventName',
          data: { message: 'Cache miss', convention: 'dot case' },
          suggestions: [
            {
              messageId: 'useEventName',
              output:
                "import winston from 'winston';\nconst logger = winston.createLogger();\nlogger.log(`warn`, 'cache.miss');",
            },
          ],
        },
      ],
    },
  ],
});
