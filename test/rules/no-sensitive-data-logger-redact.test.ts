import rule from '../../rules/no-sensitive-data';
import { runRule } from '../rule-tester';

// A pino logger created in the file with `redact` paths censors those fields itself (pino replaces
// them before the line is written), so a call logging them is not a leak.
const REDACTING = `import pino from 'pino';
const logger = pino({ redact: { paths: ['password', 'user.*', 'headers.authorization', 'headers.cookie', 'headers["set-cookie"]', 'headers["x-api-key"]'] } });
`;

runRule('no-sensitive-data (pino redact option)', rule, {
  valid: [
    `${REDACTING}logger.info({ password }, 'password.checked');`,
    `${REDACTING}logger.info({ user: { apiKey, email } }, 'user.audited');`,
    `${REDACTING}logger.warn({ headers: req.headers }, 'request.audited');`,
    `${REDACTING}logger.child({ requestId }).info({ password }, 'password.checked');`,
  ],
  invalid: [
    {
      // Not a redacted path: reported as before.
      code: `${REDACTING}logger.info({ apiToken }, 'token.used');`,
      errors: [
        {
          messageId: 'sensitiveKey',
          suggestions: [
            {
              messageId: 'redact',
              output: `${REDACTING}logger.info({ apiToken: '[REDACTED]' }, 'token.used');`,
            },
          ],
        },
      ],
    },
    {
      // Text in the message is not a field the option can reach.
      code: `${REDACTING}logger.info(\`password \${password}\`);`,
      errors: [
        {
          messageId: 'sensitiveValue',
          suggestions: [
            { messageId: 'redact', output: `${REDACTING}logger.info(\`password [REDACTED]\`);` },
          ],
        },
      ],
    },
  ],
});
