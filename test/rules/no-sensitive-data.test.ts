import rule from '../../rules/no-sensitive-data';
import { runRule, settings } from '../rule-tester';

const PINO = "import pino from 'pino';\nconst logger = pino();\n";

runRule('no-sensitive-data', rule, {
  valid: [
    `${PINO}logger.info({ userId, orderId }, 'order.created');`,
    `${PINO}logger.info({ password: '[REDACTED]' }, 'user.created');`,
    `${PINO}logger.info({ password: redact(password) }, 'user.created');`,
    `${PINO}logger.info({ hasPassword: !!password, passwordLength: password.length }, 'user.created');`,
    // Names only, not values: which fields a token response carried.
    `${PINO}logger.info({ fields: Object.keys(response.authToken ?? {}) }, 'token.received');`,
    // A short fixed prefix tells keys apart without revealing them.
    `${PINO}logger.info({ keyPrefix: apiKey.slice(0, 6) }, 'key.used');`,
    `${PINO}logger.info({ tokenLimit, maxTokens, promptTokens, isTokenExpired, cursorToken }, 'llm.call');`,
    `${PINO}logger.info({ authorName, keynote }, 'talk.scheduled');`,
    `${PINO}logger.info({ env: process.env.NODE_ENV }, 'boot');`,
    `${PINO}logger.info({ ip: req.ip, ipAddress }, 'request');`,
    `${PINO}logger.info({ count: getTokenCount(), timeout: session.getSessionTimeout() }, 'quota');`,
    // A constant written in the source reveals nothing, whatever its name (read from Unleash's token cache).
    { code: `${PINO}const TOKEN_CACHE_NAME = 'api-token-v1' as const;\nlogger.warn(\`Failed to refresh cache \${TOKEN_CACHE_NAME}\`);`, tsOnly: true },
    `${PINO}const noAccessTokenMessage = 'No access token provided.';\nlogger.warn(noAccessTokenMessage);`,
    // Already masked: every value it can take is a constant or nothing (read from Outline's proxy logging).
    `${PINO}logger.info({ password: url.password ? '******' : undefined, secret: secret && '[set]' }, 'proxy.configured');`,
    // not a log call
    'db.users.insert({ email, password });',
    { code: `${PINO}logger.info({ email }, 'user.invited');`, settings: settings({ sensitive: { categories: ['secret', 'financial'] } }) },
    { code: `${PINO}logger.info({ password }, 'test.fixture');`, settings: settings({ sensitive: { allow: ['password'] } }) },
    { code: `${PINO}logger.info({ token: scrub(token) }, 'x');`, settings: settings({ sensitive: { redactors: ['scrub'] } }) },
    // a dotted allow entry exempts one object's field (a Vendure channel token is a public identifier)
    { code: `${PINO}logger.info(\`Metrics for channel \${ctx.channel.token}\`);`, settings: settings({ sensitive: { allow: ['channel.token'] } }) },
    `${PINO}logger.error({ err, speech_credential_sid }, 'credential.update.failed');`,
  ],
  invalid: [
    {
      // Values are values, whatever reads them; a long slice is most of the secret. The redaction
      // replaces the whole formatting call, never leaving Object.values('[REDACTED]').
      code: `${PINO}logger.info({ values: Object.values(credentials), tail: apiKey.slice(0, 40) }, 'x');`,
      errors: [
        { messageId: 'sensitiveValue', suggestions: [{ messageId: 'redact', output: `${PINO}logger.info({ values: '[REDACTED]', tail: apiKey.slice(0, 40) }, 'x');` }] },
        { messageId: 'sensitiveValue', suggestions: [{ messageId: 'redact', output: `${PINO}logger.info({ values: Object.values(credentials), tail: '[REDACTED]' }, 'x');` }] },
      ],
    },
    {
      // Only a constant text is exempt: a variable, or a constant computed at run time, may hold the secret.
      code: `${PINO}let token = 'none';\nconst secret = load();\nlogger.info(\`\${token} \${secret}\`);`,
      errors: [
        { messageId: 'sensitiveValue', data: { what: 'token', category: 'secret' }, suggestions: [{ messageId: 'redact', output: `${PINO}let token = 'none';\nconst secret = load();\nlogger.info(\`[REDACTED] \${secret}\`);` }] },
        { messageId: 'sensitiveValue', data: { what: 'secret', category: 'secret' }, suggestions: [{ messageId: 'redact', output: `${PINO}let token = 'none';\nconst secret = load();\nlogger.info(\`\${token} [REDACTED]\`);` }] },
      ],
    },
    {
      code: `${PINO}logger.info(\`Sign in: \${user.getSigninToken(ctx)}\`);`,
      errors: [{ messageId: 'sensitiveValue', data: { what: 'user.getSigninToken()', category: 'secret' }, suggestions: [{ messageId: 'redact', output: `${PINO}logger.info(\`Sign in: [REDACTED]\`);` }] }],
    },
    {
      // Only a value that can be the secret is reported: the masked branch and `undefined` cannot.
      code: `${PINO}logger.info({ password: debug ? password : undefined, token: token || 'none' }, 'proxy');`,
      errors: [
        { messageId: 'sensitiveKey', data: { what: 'password', category: 'secret' }, suggestions: [{ messageId: 'redact', output: `${PINO}logger.info({ password: '[REDACTED]', token: token || 'none' }, 'proxy');` }] },
        { messageId: 'sensitiveKey', data: { what: 'token', category: 'secret' }, suggestions: [{ messageId: 'redact', output: `${PINO}logger.info({ password: debug ? password : undefined, token: '[REDACTED]' }, 'proxy');` }] },
      ],
    },
    {
      code: `${PINO}logger.info({ userId, password }, 'user.created');`,
      errors: [{ messageId: 'sensitiveKey', data: { what: 'password', category: 'secret' }, suggestions: [{ messageId: 'redact', output: `${PINO}logger.info({ userId, password: '[REDACTED]' }, 'user.created');` }] }],
    },
    {
      code: `${PINO}logger.info({ user: { profile: { email: user.email } } }, 'user.updated');`,
      errors: [{ messageId: 'sensitiveKey', data: { what: 'email', category: 'personal' }, suggestions: [{ messageId: 'redact', output: `${PINO}logger.info({ user: { profile: { email: '[REDACTED]' } } }, 'user.updated');` }] }],
    },
    {
      code: `${PINO}logger.info({ 'api-key': key, ['client_secret']: cs }, 'client');`,
      errors: [
        { messageId: 'sensitiveKey', data: { what: 'api-key', category: 'secret' }, suggestions: [{ messageId: 'redact', output: `${PINO}logger.info({ 'api-key': '[REDACTED]', ['client_secret']: cs }, 'client');` }] },
        { messageId: 'sensitiveKey', data: { what: 'client_secret', category: 'secret' }, suggestions: [{ messageId: 'redact', output: `${PINO}logger.info({ 'api-key': key, ['client_secret']: '[REDACTED]' }, 'client');` }] },
      ],
    },
    {
      code: `${PINO}logger.info(\`Login for \${user.email} with \${req.body.password}\`);`,
      errors: [
        { messageId: 'sensitiveValue', data: { what: 'user.email', category: 'personal' }, suggestions: [{ messageId: 'redact', output: `${PINO}logger.info(\`Login for [REDACTED] with \${req.body.password}\`);` }] },
        { messageId: 'sensitiveValue', data: { what: 'req.body.password', category: 'secret' }, suggestions: [{ messageId: 'redact', output: `${PINO}logger.info(\`Login for \${user.email} with [REDACTED]\`);` }] },
      ],
    },
    {
      code: `${PINO}logger.debug({ ...user.credentials }, 'auth');`,
      errors: [{ messageId: 'sensitiveSpread', suggestions: [] }],
    },
    {
      code: `${PINO}logger.debug({ headers: req.headers, env: process.env }, 'request');`,
      errors: [
        { messageId: 'riskyObject', data: { what: 'req.headers' }, suggestions: [] },
        { messageId: 'riskyObject', data: { what: 'process.env' }, suggestions: [] },
      ],
    },
    {
      code: "console.log('calling with', 'Bearer abcdefghijklmnopqrstuvwxyz012345');",
      errors: [{ messageId: 'secretLiteral', data: { what: 'bearer token' }, suggestions: [{ messageId: 'redact', output: "console.log('calling with', '[REDACTED]');" }] }],
    },
    {
      code: "console.log('card', '4111 1111 1111 1111', cardNumber);",
      errors: [
        { messageId: 'secretLiteral', data: { what: 'card number' }, suggestions: [{ messageId: 'redact', output: "console.log('card', '[REDACTED]', cardNumber);" }] },
        { messageId: 'sensitiveValue', data: { what: 'cardNumber', category: 'financial' }, suggestions: [{ messageId: 'redact', output: "console.log('card', '4111 1111 1111 1111', '[REDACTED]');" }] },
      ],
    },
    {
      code: `${PINO}logger.info({ passwordHash: user.passwordHash, sessionId }, 'session.created');`,
      errors: [{ messageId: 'sensitiveKey', data: { what: 'passwordHash', category: 'secret' } , suggestions: [{ messageId: 'redact', output: `${PINO}logger.info({ passwordHash: '[REDACTED]', sessionId }, 'session.created');` }] }, { messageId: 'sensitiveKey', data: { what: 'sessionId', category: 'secret' }, suggestions: [{ messageId: 'redact', output: `${PINO}logger.info({ passwordHash: user.passwordHash, sessionId: '[REDACTED]' }, 'session.created');` }] }],
    },
    {
      code: `${PINO}logger.info({ tenantKey }, 'tenant');`,
      settings: settings({ sensitive: { names: ['tenantKey'] } }),
      errors: [{ messageId: 'sensitiveKey', suggestions: [{ messageId: 'redact', output: `${PINO}logger.info({ tenantKey: '[REDACTED]' }, 'tenant');` }] }],
    },
    {
      code: `${PINO}logger.warn(JSON.stringify(token));`,
      errors: [{ messageId: 'sensitiveValue', suggestions: [{ messageId: 'redact', output: `${PINO}logger.warn('[REDACTED]');` }] }],
    },
  ],
});
