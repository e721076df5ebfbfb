import rule from '../../rules/no-sensitive-data';
import { runRule, settings } from '../rule-tester';

const PINO = "import pino from 'pino';\nconst logger = pino();\n";

/** The one suggestion of a report: the code with one field's text replaced. */
const redacts = (code: string, from: string, to: string) => [
  { messageId: 'redact' as const, output: code.replace(from, to) },
];

const SESSION_PARTS = `${PINO}logger.info({ session, sessionCookie: req.cookies.sid, sessionSecret, sessionKey, hashedPassword: hash(password) }, 'login');`;
const OAUTH_CALLBACK = `${PINO}logger.debug({ state, authCode: query.code, codeVerifier }, 'oauth.callback');`;
const SID_COOKIE = `${PINO}logger.debug(\`Cookie for \${req.cookies['connect.sid']}, message \${message.sid}\`);`;
const OTHER_CALLS = `${PINO}logger.info({ apiKey: encode(apiKey), lastToken }, 'x');`;

runRule('no-sensitive-data', rule, {
  valid: [
    // Limited to secrets (the presets' choice in scripts): a customer's email is that script's output.
    {
      code: `${PINO}logger.info({ email: customer.email }, 'customer.updated');`,
      options: [{ categories: ['secret'] }],
    },
    `${PINO}logger.info({ userId, orderId }, 'order.created');`,
    // Printed for the developer at their machine, never in production: a sign-in link for local login.
    `${PINO}if (env.isDevelopment) {\n  logger.info({ token: signInToken }, 'dev.signin.link');\n}`,
    `${PINO}if (process.env.NODE_ENV === 'production') {\n  notify();\n} else {\n  logger.info({ password }, 'dev.seeded');\n}`,
    `${PINO}process.env.NODE_ENV !== 'production' && logger.debug({ apiKey }, 'dev.key');`,
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
    {
      code: `${PINO}const TOKEN_CACHE_NAME = 'api-token-v1' as const;\nlogger.warn(\`Failed to refresh cache \${TOKEN_CACHE_NAME}\`);`,
      tsOnly: true,
    },
    `${PINO}const noAccessTokenMessage = 'No access token provided.';\nlogger.warn(noAccessTokenMessage);`,
    // Already masked: every value it can take is a constant or nothing (read from Outline's proxy logging).
    `${PINO}logger.info({ password: url.password ? '******' : undefined, secret: secret && '[set]' }, 'proxy.configured');`,
    // not a log call
    'db.users.insert({ email, password });',
    {
      code: `${PINO}logger.info({ email }, 'user.invited');`,
      settings: settings({ sensitive: { categories: ['secret', 'financial'] } }),
    },
    {
      code: `${PINO}logger.info({ password }, 'test.fixture');`,
      settings: settings({ sensitive: { allow: ['password'] } }),
    },
    {
      code: `${PINO}logger.info({ token: scrub(token) }, 'x');`,
      settings: settings({ sensitive: { redactors: ['scrub'] } }),
    },
    // a dotted allow entry exempts one object's field (a Vendure channel token is a public identifier)
    {
      code: `${PINO}logger.info(\`Metrics for channel \${ctx.channel.token}\`);`,
      settings: settings({ sensitive: { allow: ['channel.token'] } }),
    },
    `${PINO}logger.error({ err, speech_credential_sid }, 'credential.update.failed');`,
    // Times and measures of a secret are not the secret: when a login session ends, until when a token is good.
    `${PINO}logger.info({ nextSessionEnd: user.nextSessionEnd, tokenValidUntil: grant.validUntil, refreshTokenAgeMs }, 'session.extended');`,
    `${PINO}logger.debug(\`API key rotated at \${apiKeyCreatedDate}, \${secretCount} secrets, next in \${keyRotationSeconds}s\`);`,
    // The name or the location of a secret is not its value: a key file's path, a secret's name in a vault.
    `${PINO}logger.info(\`Reading the API key from \${apikeyFilename}\`);`,
    `${PINO}logger.warn({ secretName: entry.name, keyName, tokenName, secretId, privateKeyPath, credentialsFile }, 'vault.secret.missing');`,
    // Yes/no questions about a secret, whatever words sit between.
    `${PINO}logger.info({ hasRefreshToken: grant.hasRefreshToken, hasStoredRefreshToken, isUserApiKey, shouldRotateClientSecret }, 'oauth.exchanged');`,
    // Values derived one way from a random key: its hash, fingerprint, masked form, last digits.
    `${PINO}logger.warn({ rejectedApiKeyHash: apiKey ? hash(apiKey) : null, tokenFingerprint, maskedApiKey, cardLast4 }, 'key.rejected');`,
    `${PINO}logger.info({ oldEmail: hash(previousEmail), apiKey: sha256(apiKey), key: fingerprint(publicKey) }, 'account.merged');`,
    `${PINO}logger.info({ token: crypto.createHash('sha256').update(token).digest('hex') }, 'token.seen');`,
    // A session's record id (a sandbox, an analytics visit, an MCP transport, a checkout) or one of its
    // fields is not the login cookie.
    `${PINO}logger.info({ sessionId: sandbox.sessionId, requestedSessionId: req.sessionId, visitSessionId: visit.id }, 'sandbox.resumed');`,
    `${PINO}logger.warn(\`Checkout session \${session.id} not found for trace session \${trace.session_id}\`);`,
    `${PINO}logger.info({ sessionAuthor: session.author, sessionPadId: session.padId }, 'pad.left');`,
    // An OAuth \`state\` is a public anti-forgery nonce, and a layout cookie holds no credential.
    `${PINO}logger.debug({ state, oauthStateToken, stateCookie: req.cookies.state, sidebarCookie }, 'oauth.callback');`,
  ],
  invalid: [
    // Production, a negated development test, and a callback defined in a development branch: reported.
    ...[
      `${PINO}if (env.isProduction) logger.info({ apiKey }, 'key.used');`,
      `${PINO}if (!isDev) logger.info({ apiKey }, 'key.used');`,
      `${PINO}if (isDev) queue.on('job', () => logger.info({ apiKey }, 'key.used'));`,
    ].map((code) => ({
      code,
      errors: [
        {
          messageId: 'sensitiveKey' as const,
          suggestions: redacts(code, 'apiKey }', "apiKey: '[REDACTED]' }"),
        },
      ],
    })),
    {
      code: `${PINO}logger.info({ email: customer.email, apiKey }, 'customer.updated');`,
      options: [{ categories: ['secret'] }],
      errors: [
        {
          messageId: 'sensitiveKey',
          data: { what: 'apiKey', category: 'secret' },
          suggestions: redacts(
            `${PINO}logger.info({ email: customer.email, apiKey }, 'customer.updated');`,
            'apiKey }',
            "apiKey: '[REDACTED]' }",
          ),
        },
      ],
    },
    {
      // Values are values, whatever reads them; a long slice is most of the secret. The redaction
      // replaces the whole formatting call, never leaving Object.values('[REDACTED]').
      code: `${PINO}logger.info({ values: Object.values(credentials), tail: apiKey.slice(0, 40) }, 'x');`,
      errors: [
        {
          messageId: 'sensitiveValue',
          suggestions: [
            {
              messageId: 'redact',
              output: `${PINO}logger.info({ values: '[REDACTED]', tail: apiKey.slice(0, 40) }, 'x');`,
            },
          ],
        },
        {
          messageId: 'sensitiveValue',
          suggestions: [
            {
              messageId: 'redact',
              output: `${PINO}logger.info({ values: Object.values(credentials), tail: '[REDACTED]' }, 'x');`,
            },
          ],
        },
      ],
    },
    {
      // Only a constant text is exempt: a variable, or a constant computed at run time, may hold the secret.
      code: `${PINO}let token = 'none';\nconst secret = load();\nlogger.info(\`\${token} \${secret}\`);`,
      errors: [
        {
          messageId: 'sensitiveValue',
          data: { what: 'token', category: 'secret' },
          suggestions: [
            {
              messageId: 'redact',
              output: `${PINO}let token = 'none';\nconst secret = load();\nlogger.info(\`[REDACTED] \${secret}\`);`,
            },
          ],
        },
        {
          messageId: 'sensitiveValue',
          data: { what: 'secret', category: 'secret' },
          suggestions: [
            {
              messageId: 'redact',
              output: `${PINO}let token = 'none';\nconst secret = load();\nlogger.info(\`\${token} [REDACTED]\`);`,
            },
          ],
        },
      ],
    },
    {
      code: `${PINO}logger.info(\`Sign in: \${user.getSigninToken(ctx)}\`);`,
      errors: [
        {
          messageId: 'sensitiveValue',
          data: { what: 'user.getSigninToken()', category: 'secret' },
          suggestions: [
            { messageId: 'redact', output: `${PINO}logger.info(\`Sign in: [REDACTED]\`);` },
          ],
        },
      ],
    },
    {
      // Only a value that can be the secret is reported: the masked branch and `undefined` cannot.
      code: `${PINO}logger.info({ password: debug ? password : undefined, token: token || 'none' }, 'proxy');`,
      errors: [
        {
          messageId: 'sensitiveKey',
          data: { what: 'password', category: 'secret' },
          suggestions: [
            {
              messageId: 'redact',
              output: `${PINO}logger.info({ password: '[REDACTED]', token: token || 'none' }, 'proxy');`,
            },
          ],
        },
        {
          messageId: 'sensitiveKey',
          data: { what: 'token', category: 'secret' },
          suggestions: [
            {
              messageId: 'redact',
              output: `${PINO}logger.info({ password: debug ? password : undefined, token: '[REDACTED]' }, 'proxy');`,
            },
          ],
        },
      ],
    },
    {
      code: `${PINO}logger.info({ userId, password }, 'user.created');`,
      errors: [
        {
          messageId: 'sensitiveKey',
          data: { what: 'password', category: 'secret' },
          suggestions: [
            {
              messageId: 'redact',
              output: `${PINO}logger.info({ userId, password: '[REDACTED]' }, 'user.created');`,
            },
          ],
        },
      ],
    },
    {
      code: `${PINO}logger.info({ user: { profile: { email: user.email } } }, 'user.updated');`,
      errors: [
        {
          messageId: 'sensitiveKey',
          data: { what: 'email', category: 'personal' },
          suggestions: [
            {
              messageId: 'redact',
              output: `${PINO}logger.info({ user: { profile: { email: '[REDACTED]' } } }, 'user.updated');`,
            },
          ],
        },
      ],
    },
    {
      code: `${PINO}logger.info({ 'api-key': key, ['client_secret']: cs }, 'client');`,
      errors: [
        {
          messageId: 'sensitiveKey',
          data: { what: 'api-key', category: 'secret' },
          suggestions: [
            {
              messageId: 'redact',
              output: `${PINO}logger.info({ 'api-key': '[REDACTED]', ['client_secret']: cs }, 'client');`,
            },
          ],
        },
        {
          messageId: 'sensitiveKey',
          data: { what: 'client_secret', category: 'secret' },
          suggestions: [
            {
              messageId: 'redact',
              output: `${PINO}logger.info({ 'api-key': key, ['client_secret']: '[REDACTED]' }, 'client');`,
            },
          ],
        },
      ],
    },
    {
      code: `${PINO}logger.info(\`Login for \${user.email} with \${req.body.password}\`);`,
      errors: [
        {
          messageId: 'sensitiveValue',
          data: { what: 'user.email', category: 'personal' },
          suggestions: [
            {
              messageId: 'redact',
              output: `${PINO}logger.info(\`Login for [REDACTED] with \${req.body.password}\`);`,
            },
          ],
        },
        {
          messageId: 'sensitiveValue',
          data: { what: 'req.body.password', category: 'secret' },
          suggestions: [
            {
              messageId: 'redact',
              output: `${PINO}logger.info(\`Login for \${user.email} with [REDACTED]\`);`,
            },
          ],
        },
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
      errors: [
        {
          messageId: 'secretLiteral',
          data: { what: 'bearer token' },
          suggestions: [
            { messageId: 'redact', output: "console.log('calling with', '[REDACTED]');" },
          ],
        },
      ],
    },
    {
      code: "console.log('card', '4111 1111 1111 1111', cardNumber);",
      errors: [
        {
          messageId: 'secretLiteral',
          data: { what: 'card number' },
          suggestions: [
            { messageId: 'redact', output: "console.log('card', '[REDACTED]', cardNumber);" },
          ],
        },
        {
          messageId: 'sensitiveValue',
          data: { what: 'cardNumber', category: 'financial' },
          suggestions: [
            {
              messageId: 'redact',
              output: "console.log('card', '4111 1111 1111 1111', '[REDACTED]');",
            },
          ],
        },
      ],
    },
    {
      // A password is guessable: its hash is brute-forced offline, so it is still the secret. The session's
      // token (the cookie value) is the session; its record id is not (see the valid cases).
      code: `${PINO}logger.info({ passwordHash: user.passwordHash, sessionToken }, 'session.created');`,
      errors: [
        {
          messageId: 'sensitiveKey',
          data: { what: 'passwordHash', category: 'secret' },
          suggestions: [
            {
              messageId: 'redact',
              output: `${PINO}logger.info({ passwordHash: '[REDACTED]', sessionToken }, 'session.created');`,
            },
          ],
        },
        {
          messageId: 'sensitiveKey',
          data: { what: 'sessionToken', category: 'secret' },
          suggestions: [
            {
              messageId: 'redact',
              output: `${PINO}logger.info({ passwordHash: user.passwordHash, sessionToken: '[REDACTED]' }, 'session.created');`,
            },
          ],
        },
      ],
    },
    {
      // The session itself, its cookie, key and secret, still report; so does a hashed password.
      code: SESSION_PARTS,
      errors: [
        {
          messageId: 'sensitiveKey',
          data: { what: 'session', category: 'secret' },
          suggestions: redacts(SESSION_PARTS, '{ session,', "{ session: '[REDACTED]',"),
        },
        {
          messageId: 'sensitiveKey',
          data: { what: 'sessionCookie', category: 'secret' },
          suggestions: redacts(SESSION_PARTS, 'req.cookies.sid', "'[REDACTED]'"),
        },
        {
          messageId: 'sensitiveKey',
          data: { what: 'sessionSecret', category: 'secret' },
          suggestions: redacts(SESSION_PARTS, 'sessionSecret,', "sessionSecret: '[REDACTED]',"),
        },
        {
          messageId: 'sensitiveKey',
          data: { what: 'sessionKey', category: 'secret' },
          suggestions: redacts(SESSION_PARTS, 'sessionKey,', "sessionKey: '[REDACTED]',"),
        },
        {
          messageId: 'sensitiveKey',
          data: { what: 'hashedPassword', category: 'secret' },
          suggestions: redacts(SESSION_PARTS, 'hash(password)', "'[REDACTED]'"),
        },
      ],
    },
    {
      // express-session's cookie value is the login session; a Twilio message's sid is a record id.
      code: SID_COOKIE,
      errors: [
        {
          messageId: 'sensitiveValue',
          data: { what: 'req.cookies.connect.sid', category: 'secret' },
          suggestions: redacts(SID_COOKIE, "${req.cookies['connect.sid']}", '[REDACTED]'),
        },
      ],
    },
    {
      // Where the session id is the bearer cookie (a PHP-style session), a team names it.
      code: `${PINO}logger.info({ sessionId }, 'login');`,
      settings: settings({ sensitive: { names: ['sessionId'] } }),
      errors: [
        {
          messageId: 'sensitiveKey',
          data: { what: 'sessionId', category: 'secret' },
          suggestions: redacts(
            `${PINO}logger.info({ sessionId }, 'login');`,
            'sessionId',
            "sessionId: '[REDACTED]'",
          ),
        },
      ],
    },
    {
      // A boolean name's value is checked as a value; a time word does not hide a token put under it.
      code: `${PINO}logger.info({ hasToken: token, tokenExpiresAt: session.expiresAt }, 'x');`,
      errors: [
        {
          messageId: 'sensitiveValue',
          data: { what: 'token', category: 'secret' },
          suggestions: redacts(
            `${PINO}logger.info({ hasToken: token, tokenExpiresAt: session.expiresAt }, 'x');`,
            'hasToken: token',
            "hasToken: '[REDACTED]'",
          ),
        },
      ],
    },
    {
      // An OAuth callback's code is exchanged for tokens; a PKCE verifier proves the client.
      code: OAUTH_CALLBACK,
      errors: [
        {
          messageId: 'sensitiveKey',
          data: { what: 'authCode', category: 'secret' },
          suggestions: redacts(OAUTH_CALLBACK, 'query.code', "'[REDACTED]'"),
        },
        {
          messageId: 'sensitiveKey',
          data: { what: 'codeVerifier', category: 'secret' },
          suggestions: redacts(OAUTH_CALLBACK, 'codeVerifier }', "codeVerifier: '[REDACTED]' }"),
        },
      ],
    },
    {
      // Any other call on the secret is formatting: the digest calls are the exception, not every call.
      code: OTHER_CALLS,
      errors: [
        {
          messageId: 'sensitiveKey',
          data: { what: 'apiKey', category: 'secret' },
          suggestions: redacts(OTHER_CALLS, 'encode(apiKey)', "'[REDACTED]'"),
        },
        {
          messageId: 'sensitiveKey',
          data: { what: 'lastToken', category: 'secret' },
          suggestions: redacts(OTHER_CALLS, 'lastToken }', "lastToken: '[REDACTED]' }"),
        },
      ],
    },
    {
      code: `${PINO}logger.info({ tenantKey }, 'tenant');`,
      settings: settings({ sensitive: { names: ['tenantKey'] } }),
      errors: [
        {
          messageId: 'sensitiveKey',
          suggestions: [
            {
              messageId: 'redact',
              output: `${PINO}logger.info({ tenantKey: '[REDACTED]' }, 'tenant');`,
            },
          ],
        },
      ],
    },
    {
      code: `${PINO}logger.warn(JSON.stringify(token));`,
      errors: [
        {
          messageId: 'sensitiveValue',
          suggestions: [{ messageId: 'redact', output: `${PINO}logger.warn('[REDACTED]');` }],
        },
      ],
    },
  ],
});

// Issue 21: lists of personal data, OAuth objects that carry the id_token, whole header objects.
const STRATEGY = `${PINO}passport.use(new Auth0Strategy(options, (accessToken, refreshToken, extraParams, profile, done) => {\n`;
runRule('no-sensitive-data (issue 21)', rule, {
  valid: [
    // What sending an email returned, and how many failed: no address in either.
    `${PINO}logger.info({ emailRes, emailResponse: res, emailsFailed }, 'digest.sent');`,
    // A count of deleted rows, whatever they held.
    `${PINO}logger.info({ emailVerificationTokens: deleted.count }, 'tokens.expired');`,
    // Names only.
    `${PINO}logger.debug({ headers: Object.keys(headers) }, 'request.headers');`,
    `${PINO}logger.debug({ headerNames: [...req.headers.keys()] }, 'request.headers');`,
    // A profile that is not an OAuth callback's.
    `${PINO}export function render(profile) { logger.info({ profile }, 'profile.rendered'); }`,
    // Counts and descriptions of the lists.
    `${PINO}logger.info({ emailsSent: sent.length, emailsCount }, 'digest.sent');`,
    // Plural tokens are model tokens as often as credentials.
    `${PINO}logger.info({ tokens: usage.total_tokens }, 'completion.done');`,
  ],
  invalid: [
    {
      code: `${PINO}logger.info({ emails, phoneNumbers }, 'invites.sent');`,
      errors: [
        {
          messageId: 'sensitiveKey',
          data: { what: 'emails', category: 'personal' },
          suggestions: redacts(
            `${PINO}logger.info({ emails, phoneNumbers }, 'invites.sent');`,
            '{ emails',
            "{ emails: '[REDACTED]'",
          ),
        },
        {
          messageId: 'sensitiveKey',
          data: { what: 'phoneNumbers', category: 'personal' },
          suggestions: redacts(
            `${PINO}logger.info({ emails, phoneNumbers }, 'invites.sent');`,
            'phoneNumbers }',
            "phoneNumbers: '[REDACTED]' }",
          ),
        },
      ],
    },
    {
      code: `${PINO}logger.debug({ passwords: attempts.map((a) => a.password) }, 'login.attempts');`,
      errors: [
        {
          messageId: 'sensitiveKey',
          data: { what: 'passwords', category: 'secret' },
          suggestions: redacts(
            `${PINO}logger.debug({ passwords: attempts.map((a) => a.password) }, 'login.attempts');`,
            'attempts.map((a) => a.password)',
            "'[REDACTED]'",
          ),
        },
      ],
    },
    {
      code: `${STRATEGY}  logger.info({ profile }, 'oauth.profile');\n  logger.debug(extraParams, 'oauth.params');\n}));`,
      errors: [
        { messageId: 'riskyObject', data: { what: 'profile' }, suggestions: [] },
        { messageId: 'riskyObject', data: { what: 'extraParams' }, suggestions: [] },
      ],
    },
    {
      // NextAuth's callback: the account holds the provider's tokens.
      code: `${PINO}export const callbacks = { async signIn({ user, account, profile }) { logger.info({ account, userId: user.id }, 'auth.signin'); return true; } };`,
      errors: [{ messageId: 'riskyObject', data: { what: 'account' }, suggestions: [] }],
    },
    {
      code: `${PINO}const tokenSet = await client.callback(url, params);\nlogger.debug({ tokenSet }, 'oidc.callback');`,
      errors: [
        {
          messageId: 'sensitiveKey',
          data: { what: 'tokenSet', category: 'secret' },
          suggestions: redacts(
            `${PINO}const tokenSet = await client.callback(url, params);\nlogger.debug({ tokenSet }, 'oidc.callback');`,
            '{ tokenSet }',
            "{ tokenSet: '[REDACTED]' }",
          ),
        },
      ],
    },
    {
      code: `${PINO}logger.info({ headers: Object.fromEntries(request.headers) }, 'auth.request');`,
      errors: [{ messageId: 'riskyObject', data: { what: 'request.headers' }, suggestions: [] }],
    },
    {
      code: `${PINO}logger.info({ headers: Object.fromEntries(headers.entries()) }, 'auth.request');`,
      errors: [{ messageId: 'riskyObject', data: { what: 'headers' }, suggestions: [] }],
    },
  ],
});
