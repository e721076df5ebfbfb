import rule from '../../rules/consistent-field-names';
import { runRule, settings } from '../rule-tester';

const PINO = "import pino from 'pino';\nconst logger = pino();\n";
/** Paths are relative to the working directory, the repository root under the tests. */
const CATALOG = 'fixtures/catalog/rules-catalog.json';

runRule('consistent-field-names', rule, {
  valid: [
    // One key per value within the file.
    `${PINO}logger.info({ userId: user.id }, 'a');\nlogger.info({ userId: user.id }, 'b');`,
    `${PINO}logger.info({ uid: user.id }, 'a');`,
    // A tie names no preferred key: nothing to suggest.
    `${PINO}logger.info({ userId: user.id }, 'a');\nlogger.info({ user_id: user.id }, 'b');`,
    // Different values under different keys.
    `${PINO}logger.info({ userId: user.id, orderId: order.id }, 'a');`,
    // The catalog logs user.id as userId most (3 call sites against 1).
    {
      code: `${PINO}logger.info({ userId: user.id, paymentId: payment.id }, 'a');`,
      settings: settings({ catalog: CATALOG }),
    },
    // camelCase with an acronym is camelCase: how a team capitalises ELU or CIDR is its own business.
    `${PINO}logger.info({ heapUsed: h, rssBytes: r }, 'a');\nlogger.warn({ maxELU: limits.maxELU, ipOrCIDR }, 'b');`,
    // Not a log call.
    `track({ uid: user.id });\ntrack({ userId: user.id });\ntrack({ userId: user.id });`,
  ],
  invalid: [
    {
      code: `${PINO}logger.info({ userId: user.id }, 'a');\nlogger.info({ userId: user.id }, 'b');\nlogger.warn({ uid: user.id }, 'c');`,
      errors: [
        {
          messageId: 'sameValue',
          data: { key: 'uid', preferred: 'userId', value: 'user.id', uses: '2' },
          line: 5,
          suggestions: [
            {
              messageId: 'renameKey',
              output: `${PINO}logger.info({ userId: user.id }, 'a');\nlogger.info({ userId: user.id }, 'b');\nlogger.warn({ userId: user.id }, 'c');`,
            },
          ],
        },
      ],
    },
    {
      // The catalog decides, not the file: uid is the catalog's minority key for user.id.
      code: `${PINO}logger.warn({ uid: user.id, err }, 'payment.failed');`,
      settings: settings({ catalog: CATALOG }),
      errors: [
        {
          messageId: 'sameValue',
          data: { key: 'uid', preferred: 'userId', value: 'user.id', uses: '3' },
          suggestions: [
            {
              messageId: 'renameKey',
              output: `${PINO}logger.warn({ userId: user.id, err }, 'payment.failed');`,
            },
          ],
        },
      ],
    },
    {
      // One field spelled two ways; a shorthand property keeps its value.
      code: `${PINO}const user_id = current();\nlogger.info({ user_id }, 'a');`,
      settings: settings({ catalog: CATALOG }),
      errors: [
        {
          messageId: 'sameSpelling',
          data: { key: 'user_id', preferred: 'userId', uses: '3' },
          suggestions: [
            {
              messageId: 'renameKey',
              output: `${PINO}const user_id = current();\nlogger.info({ userId: user_id }, 'a');`,
            },
          ],
        },
      ],
    },
    {
      code: `${PINO}logger.info({ orderId: order.id }, 'a');`,
      settings: settings({ fieldCase: 'snake' }),
      errors: [
        {
          messageId: 'fieldCase',
          data: { key: 'orderId', preferred: 'order_id', fieldCase: 'snake' },
          suggestions: [
            { messageId: 'renameKey', output: `${PINO}logger.info({ order_id: order.id }, 'a');` },
          ],
        },
      ],
    },
    {
      // The project's case, when the settings keep keys as written: camel case in the catalog.
      code: `${PINO}logger.info({ payment_id: payment.id }, 'a');`,
      settings: settings({ catalog: CATALOG }),
      errors: [
        {
          messageId: 'sameValue',
          data: { key: 'payment_id', preferred: 'paymentId', value: 'payment.id', uses: '1' },
          suggestions: [
            {
              messageId: 'renameKey',
              output: `${PINO}logger.info({ paymentId: payment.id }, 'a');`,
            },
          ],
        },
      ],
    },
    {
      code: `${PINO}logger.info({ retry_count: n }, 'a');`,
      settings: settings({ catalog: CATALOG }),
      errors: [
        {
          messageId: 'fieldCase',
          data: { key: 'retry_count', preferred: 'retryCount', fieldCase: 'camel' },
          suggestions: [
            { messageId: 'renameKey', output: `${PINO}logger.info({ retryCount: n }, 'a');` },
          ],
        },
      ],
    },
    {
      // The object already has the preferred key: reported, but no rename would be safe.
      code: `${PINO}logger.info({ userId: user.id }, 'a');\nlogger.info({ userId: user.id }, 'b');\nlogger.warn({ uid: user.id, userId: other }, 'c');`,
      errors: [{ messageId: 'sameValue', suggestions: [] }],
    },
    {
      code: `${PINO}logger.info({ userId: user.id }, 'a');`,
      settings: settings({ catalog: 'fixtures/catalog/missing.json' }),
      errors: [
        {
          messageId: 'catalogProblem',
          data: { problem: 'fixtures/catalog/missing.json: no such file' },
        },
      ],
    },
  ],
});
