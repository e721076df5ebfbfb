import rule from '../../rules/event-schema';
import { runRule, settings } from '../rule-tester';

const PINO = "import pino from 'pino';\nconst logger = pino();\n";
const CATALOG = 'fixtures/catalog/rules-catalog.json';
const withCatalog = settings({ catalog: CATALOG });

runRule('event-schema', rule, {
  valid: [
    // Without settings.catalog the rule has nothing to compare with: silent.
    `${PINO}logger.info({ anything }, 'not.in.any.catalog');`,
    { code: `${PINO}logger.info({ orderId, userId }, 'order.created');`, settings: withCatalog },
    {
      code: `${PINO}logger.info({ orderId, userId, total }, 'order.created');`,
      settings: withCatalog,
    },
    {
      code: `${PINO}logger.warn({ err, paymentId, uid }, 'payment.failed');`,
      settings: withCatalog,
    },
    // Dynamic messages and sentences are other rules' business.
    { code: `${PINO}logger.info(\`Order \${id} created\`);`, settings: withCatalog },
    { code: `${PINO}logger.info('Order created');`, settings: withCatalog },
    // A spread may hold the fields the catalog lists: no missing field is claimed.
    {
      code: `${PINO}logger.info({ orderId, ...context }, 'order.created');`,
      settings: withCatalog,
    },
  ],
  invalid: [
    {
      code: `${PINO}logger.info({ orderId, userId }, 'order.craeted');`,
      settings: withCatalog,
      errors: [
        {
          messageId: 'unknownEvent',
          data: { name: 'order.craeted', catalog: CATALOG, hint: " Did you mean 'order.created'?" },
          suggestions: [
            {
              messageId: 'useEvent',
              data: { name: 'order.created' },
              output: `${PINO}logger.info({ orderId, userId }, 'order.created');`,
            },
          ],
        },
      ],
    },
    {
      code: `${PINO}logger.info('cart.abandoned');`,
      settings: withCatalog,
      errors: [
        {
          messageId: 'unknownEvent',
          data: { name: 'cart.abandoned', catalog: CATALOG, hint: '' },
          suggestions: [],
        },
      ],
    },
    {
      code: `${PINO}logger.info({ orderId, user_id: user.id }, 'order.created');`,
      settings: withCatalog,
      errors: [
        {
          messageId: 'missingField',
          data: { key: 'userId', name: 'order.created', catalog: CATALOG },
          line: 3,
          column: 1,
        },
        {
          messageId: 'unexpectedField',
          data: {
            key: 'user_id',
            name: 'order.created',
            catalog: CATALOG,
            expected: 'orderId, total, userId',
          },
          column: 24,
        },
      ],
    },
    {
      // pino's error-first call logs the error under `err`, which the catalog lists.
      code: `${PINO}logger.warn(err, 'payment.failed');`,
      settings: withCatalog,
      errors: [
        {
          messageId: 'missingField',
          data: { key: 'paymentId', name: 'payment.failed', catalog: CATALOG },
        },
        {
          messageId: 'missingField',
          data: { key: 'uid', name: 'payment.failed', catalog: CATALOG },
        },
      ],
    },
    {
      code: `${PINO}logger.info({ a }, 'one.event');\nlogger.info({ b }, 'another.event');`,
      settings: settings({ catalog: 'fixtures/catalog/invalid-catalog.json' }),
      errors: [
        {
          messageId: 'catalogProblem',
          data: { problem: 'fixtures/catalog/invalid-catalog.json: "events" is not an array' },
        },
      ],
    },
  ],
});
