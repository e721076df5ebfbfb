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
