/**
 * What is sensitive in a log call: names matched by words against a lexicon of categories (so
 * `authorName` and `tokenize` are not), descriptors that make a name describe a secret rather than
 * carry it (`tokenLimit`, `isTokenExpired`), risky whole objects, and literal values shaped like secrets.
 */
import { splitWords } from '../messages/naming';

export type SensitiveCategory = 'secret' | 'financial' | 'personal';
export const SENSITIVE_CATEGORIES: readonly SensitiveCategory[] = [
  'secret',
  'financial',
  'personal',
];

interface LexiconEntry {
  words: readonly string[];
  category: SensitiveCategory;
  /** Descriptor words that do NOT exempt this entry (`sessionId` is the session). */
  keepWith?: readonly string[];
  /** Preceding words that exempt it (`ipAddress` is not a home address). */
  notAfter?: readonly string[];
  /**
   * The word names the secret only at the end of a name or before one of these words; before any
   * other word it names a part or a record of it (`sessionId`, `sessionAuthor` are not the session's cookie).
   */
  onlyBefore?: readonly string[];
  /** Guessable by brute force, so a hash, prefix or mask of it still leaks it (`passwordHash`). */
  guessable?: boolean;
}

const GUESSABLE = { guessable: true } as const;

/** The words after `session` that still name the login session's secret (`sessionToken`); any other word names a part or a record of it (`sessionId`, `sessionAuthor`). */
const SESSION_ITSELF = ['key', 'data', 'token', 'cookie', 'secret', 'value', 'string'];

const entry = (
  phrase: string,
  category: SensitiveCategory,
  extra: Partial<LexiconEntry> = {},
): LexiconEntry => ({
  words: phrase.split(' '),
  category,
  ...extra,
});

/** The lexicon. Facts about what is sensitive, grouped so a team can turn a category off. */
export const LEXICON: readonly LexiconEntry[] = [
  // secrets
  entry('password', 'secret', GUESSABLE),
  entry('passwd', 'secret', GUESSABLE),
  entry('pwd', 'secret', GUESSABLE),
  entry('passphrase', 'secret', GUESSABLE),
  entry('secret', 'secret'),
  entry('token', 'secret', {
    notAfter: [
      'cursor',
      'page',
      'next',
      'continuation',
      'pagination',
      'sync',
      'cancellation',
      'cancel',
      'lexer',
      'parser',
      'design',
      'input',
      'output',
      'prompt',
      'completion',
      'max',
      'total',
      'state',
    ],
  }),
  entry('api key', 'secret'),
  entry('apikey', 'secret'),
  entry('access key', 'secret'),
  entry('secret key', 'secret'),
  entry('private key', 'secret'),
  entry('privatekey', 'secret'),
  entry('signing key', 'secret'),
  entry('encryption key', 'secret'),
  entry('client secret', 'secret'),
  entry('access token', 'secret'),
  entry('refresh token', 'secret'),
  entry('id token', 'secret'),
  entry('access tokens', 'secret'),
  entry('refresh tokens', 'secret'),
  entry('authorization', 'secret', { keepWith: ['header', 'value'] }),
  entry('auth header', 'secret'),
  entry('cookie', 'secret', {
    keepWith: ['header', 'value', 'string'],
    notAfter: ['state', 'layout', 'theme', 'sidebar', 'consent', 'locale'],
  }),
  entry('cookies', 'secret'),
  entry('set cookie', 'secret'),
  // express-session's cookie: its value is the login session (a bare `sid` is a Twilio or Stripe record id).
  entry('connect sid', 'secret'),
  entry('session', 'secret', {
    keepWith: SESSION_ITSELF,
    onlyBefore: SESSION_ITSELF,
    notAfter: [
      'chat',
      'browser',
      'sql',
      'db',
      'database',
      'transaction',
      'tx',
      'audio',
      'video',
      'call',
      'training',
      'game',
      'media',
      'terminal',
      'shell',
      'ws',
      'websocket',
      'debug',
      'test',
      'agent',
      'workout',
      'learning',
      'study',
      'streaming',
      'stream',
      'upload',
      'recording',
    ],
  }),
  entry('credential', 'secret'),
  entry('credentials', 'secret'),
  entry('creds', 'secret'),
  entry('jwt', 'secret'),
  entry('bearer', 'secret'),
  entry('otp', 'secret', GUESSABLE),
  entry('totp', 'secret', GUESSABLE),
  entry('mfa code', 'secret', GUESSABLE),
  // An OAuth callback's `code` is exchanged for tokens (its `state` is a public nonce, see `token` above).
  entry('authorization code', 'secret'),
  entry('auth code', 'secret'),
  entry('oauth code', 'secret'),
  entry('code verifier', 'secret'),
  entry('pin', 'secret', { notAfter: ['gpio', 'led', 'output', 'input'], guessable: true }),
  entry('connection string', 'secret'),
  entry('dsn', 'secret'),
  entry('recovery code', 'secret', GUESSABLE),
  entry('seed phrase', 'secret'),
  entry('mnemonic', 'secret'),
  // financial
  entry('card number', 'financial'),
  entry('credit card', 'financial'),
  entry('debit card', 'financial'),
  entry('cardnumber', 'financial'),
  entry('cc number', 'financial'),
  entry('cvv', 'financial'),
  entry('cvc', 'financial'),
  entry('cvv2', 'financial'),
  entry('iban', 'financial'),
  entry('account number', 'financial'),
  entry('routing number', 'financial'),
  entry('bank account', 'financial'),
  entry('sort code', 'financial'),
  entry('tax id', 'financial'),
  // personal
  entry('email', 'personal'),
  entry('e mail', 'personal'),
  entry('phone', 'personal'),
  entry('mobile number', 'personal'),
  entry('telephone', 'personal'),
  entry('ssn', 'personal'),
  entry('social security', 'personal'),
  entry('national id', 'personal'),
  entry('date of birth', 'personal'),
  entry('dob', 'personal'),
  entry('birth date', 'personal'),
  entry('birthdate', 'personal'),
  entry('birthday', 'personal'),
  // A bare `address` is as often a server's as a person's: only qualified addresses are personal.
  ...[
    'home',
    'billing',
    'shipping',
    'street',
    'postal',
    'mailing',
    'residential',
    'delivery',
    'customer',
    'user',
    'contact',
    'physical',
  ].map((qualifier) => entry(`${qualifier} address`, 'personal')),
  entry('address line', 'personal'),
  entry('street', 'personal'),
  entry('passport', 'personal'),
  entry('drivers license', 'personal'),
  entry('driver license', 'personal'),
  entry('license number', 'personal'),
];

/** Words after a sensitive word that make the name describe it instead of carrying it. */
const DESCRIPTORS = new Set([
  // What an operation on it returned or how it went: `emailRes` (a send result), `emailsFailed`.
  'res',
  'resp',
  'response',
  'responses',
  'result',
  'results',
  'failed',
  'failures',
  'limit',
  'limits',
  'count',
  'counts',
  'length',
  'len',
  'size',
  'kind',
  'type',
  'types',
  'version',
  'versions',
  'expiry',
  'expires',
  'expired',
  'expiration',
  'exp',
  'ttl',
  'at',
  'timestamp',
  'time',
  'min',
  'max',
  'policy',
  'policies',
  'required',
  'enabled',
  'disabled',
  'flag',
  'valid',
  'validity',
  'present',
  'name',
  'names',
  'field',
  'fields',
  'label',
  'placeholder',
  'regex',
  'pattern',
  'format',
  'validator',
  'schema',
  'id',
  'ids',
  'sid',
  'verified',
  'sent',
  'template',
  'subject',
  'status',
  'provider',
  'domain',
  'service',
  'queue',
  'job',
  'confirmed',
  'changed',
  'updated',
  'strength',
  'rules',
  'rule',
  'hint',
  'reset',
  'lifetime',
  'duration',
  'timeout',
  'age',
  'path',
  'options',
  'option',
  'config',
  'secure',
  'store',
  'storage',
  'manager',
  'service',
  'usage',
  'used',
  'remaining',
  'budget',
  'estimate',
  'estimator',
  'mode',
  'source',
  'location',
  'algorithm',
  'strategy',
  'rotation',
  'rotated',
  'exists',
  'missing',
  'error',
  'errors',
  'index',
  'position',
  'prefix',
  'suffix',
  'key',
  'keys',
  'ref',
  'arn',
  'url',
  'uri',
  'endpoint',
  'header',
  'headers',
  'parser',
  'handler',
  'middleware',
  'module',
  'class',
  'factory',
  'event',
  'events',
  'changed',
  'attempts',
  'retries',
  'file',
  'env',
  'var',
  'variable',
  'setting',
  'settings',
  'level',
  'sample',
  'rate',
  'family',
  'window',
  'interval',
  'scope',
  'scopes',
  'audience',
  'issuer',
  'iss',
  'aud',
  'alg',
  'kid',
  // Times and measures: `nextSessionEnd`, `tokenValidUntil`, `keyCreatedDate`, `sessionMs`.
  'end',
  'ends',
  'ended',
  'start',
  'starts',
  'started',
  'until',
  'since',
  'date',
  'dates',
  'deadline',
  'created',
  'ms',
  'millis',
  'sec',
  'secs',
  'seconds',
  'minutes',
  'mins',
  'hours',
  'days',
  // Where a secret is kept or what it is called is not the secret: `apikeyFilename`, `secretTitle`.
  'filename',
  'filenames',
  'filepath',
  'dir',
  'directory',
  'folder',
  'title',
  'identifier',
  'description',
]);

/**
 * Words that make a name a value derived from the secret that does not reveal it (`apiKeyHash`,
 * `tokenFingerprint`, `cardLast4`, `maskedApiKey`): a one-way digest of a random key, its short prefix
 * or a mask. Not for guessable secrets: a password's hash is brute-forced offline (`passwordHash`).
 */
const DERIVED = new Set([
  'hash',
  'hashed',
  'hashes',
  'fingerprint',
  'fingerprints',
  'digest',
  'masked',
  'mask',
  'last',
  'prefix',
  'redacted',
  'obfuscated',
]);

/** The same, written before the secret's name (`maskedApiKey`; not `lastToken`, which is a token). */
const DERIVED_BEFORE = new Set(['hashed', 'masked', 'redacted', 'obfuscated']);

/** First words that make the whole name a yes/no question about the secret (`hasStoredRefreshToken`, `isUserApiKey`). */
const BOOLEAN_PREFIXES = new Set([
  'is',
  'has',
  'had',
  'should',
  'can',
  'did',
  'does',
  'was',
  'were',
  'will',
  'must',
  'needs',
  'need',
]);

/** Words before a sensitive word that make the name a count or a question about it. */
const PREFIX_DESCRIPTORS = new Set([
  'is',
  'has',
  'should',
  'can',
  'needs',
  'need',
  'num',
  'number',
  'no',
  'with',
  'without',
  'require',
  'requires',
  'allow',
  'show',
  'hide',
  'toggle',
  'validate',
  'generate',
  'forgot',
  'change',
  'update',
  'verify',
  'send',
  'min',
  'max',
  'valid',
  'invalid',
  'missing',
  'expired',
]);

/** Descriptors that name the secret's container and are still the secret (a password hash is still sensitive). */
const STILL_SENSITIVE = new Set([
  'hash',
  'hashed',
  'value',
  'raw',
  'plain',
  'plaintext',
  'encrypted',
  'data',
  'string',
  'str',
  'text',
  'bytes',
  'buffer',
  'b64',
  'base64',
  'hex',
  'digits',
  'number',
  'no',
  'line',
]);

export interface SensitiveMatch {
  category: SensitiveCategory;
  /** The lexicon phrase that matched, e.g. 'api key'. */
  phrase: string;
  /** A password or a PIN: guessable, so even its digest leaks it. */
  guessable?: boolean;
}

export interface SensitiveOptions {
  /** Extra sensitive names (matched by words too) from settings.sensitive.names. */
  names: readonly string[];
  /** Exempt names, exact, from settings.sensitive.allow. */
  allow: readonly string[];
  categories: readonly SensitiveCategory[];
}

const extraEntriesCache = new WeakMap<readonly string[], LexiconEntry[]>();

function entriesFor(options: SensitiveOptions): LexiconEntry[] {
  let extra = extraEntriesCache.get(options.names);
  if (!extra) {
    extra = options.names.map((name) => ({ words: splitWords(name), category: 'secret' as const }));
    extraEntriesCache.set(options.names, extra);
  }
  return [...LEXICON.filter((item) => options.categories.includes(item.category)), ...extra];
}

/**
 * Words whose plural is as sensitive as they are (`emails`, `phoneNumbers`, `passwords`): a list of
 * them. Not `tokens` (a count of model tokens as often) or `sessions` (records).
 */
const PLURAL_TOO: ReadonlySet<string> = new Set([
  'email',
  'mail',
  'phone',
  'number',
  'password',
  'passwd',
  'passphrase',
  'secret',
  'key',
  'ssn',
  'iban',
  'cvv',
  'credential',
  'mnemonic',
  'passport',
  'birthdate',
  'birthday',
  'jwt',
  'otp',
  'code',
]);

function matchesAt(words: readonly string[], at: number, phrase: readonly string[]): boolean {
  return phrase.every((word, offset) => {
    const actual = words[at + offset];
    if (actual === word) return true;
    // The phrase's last word in the plural: `phoneNumbers`, `apiKeys`, `emails`.
    return (
      offset === phrase.length - 1 &&
      PLURAL_TOO.has(word) &&
      (actual === `${word}s` || actual === `${word}es`)
    );
  });
}

/**
 * Answers of sensitiveName by categories, then extra names, then name. Settings are parsed once per
 * configuration, so their arrays are stable keys.
 */
const nameCache = new WeakMap<
  readonly string[],
  WeakMap<readonly string[], Map<string, SensitiveMatch | null>>
>();

/**
 * Whether a name (identifier, key, dotted path segment) carries sensitive data. Matching is by whole
 * words: `authorName` has no `auth`, `tokenize` no `token`.
 */
export function sensitiveName(name: string, options: SensitiveOptions): SensitiveMatch | null {
  if (options.allow.includes(name)) return null;
  // Most names share no stem with the lexicon: one regex test settles them without splitting words.
  if (!mayMentionSensitive(name, options.names)) return null;
  // Names repeat across a file and a repository: remember each answer per configuration.
  let byNames = nameCache.get(options.categories);
  if (!byNames) nameCache.set(options.categories, (byNames = new WeakMap()));
  let cache = byNames.get(options.names);
  if (!cache) byNames.set(options.names, (cache = new Map()));
  let match = cache.get(name);
  if (match === undefined) cache.set(name, (match = matchName(name, options)));
  return match;
}

function matchName(name: string, options: SensitiveOptions): SensitiveMatch | null {
  // `addressLine1`, `password2`: a trailing number does not change what the word is.
  const words = splitWords(name).map((word) => word.replace(/(\D)\d+$/, '$1'));
  if (words.length === 0) return null;
  // A question about the secret, whatever sits between: `hasStoredRefreshToken` is a boolean.
  if (words.length > 1 && BOOLEAN_PREFIXES.has(words[0])) return null;
  let best: SensitiveMatch | null = null;
  for (const item of entriesFor(options)) {
    for (let at = 0; at + item.words.length <= words.length; at++) {
      if (!matchesAt(words, at, item.words)) continue;
      const before = words[at - 1];
      const after = words.slice(at + item.words.length);
      if (before !== undefined && item.notAfter?.includes(before)) continue;
      if (
        before !== undefined &&
        PREFIX_DESCRIPTORS.has(before) &&
        at === 1 &&
        !STILL_SENSITIVE.has(after[0] ?? '')
      )
        continue;
      const next = after[0];
      if (next !== undefined && item.onlyBefore && !item.onlyBefore.includes(next)) continue;
      if (
        !item.guessable &&
        ((before !== undefined && at === 1 && DERIVED_BEFORE.has(before)) ||
          after.some((word) => DERIVED.has(word)))
      )
        continue;
      if (
        next !== undefined &&
        !STILL_SENSITIVE.has(next) &&
        DESCRIPTORS.has(next) &&
        !item.keepWith?.includes(next)
      )
        continue;
      // The name ends in a descriptor, whatever sits between: `TOKEN_CACHE_NAME`, `sameEmailUsersCount`.
      const last = after[after.length - 1];
      if (
        after.length > 1 &&
        DESCRIPTORS.has(last) &&
        !STILL_SENSITIVE.has(last) &&
        !item.keepWith?.includes(last)
      )
        continue;
      // A longer phrase (`api key`) is a better explanation than a shorter one.
      if (!best || item.words.length > best.phrase.split(' ').length)
        best = {
          category: item.category,
          phrase: item.words.join(' '),
          ...(item.guessable ? { guessable: true } : {}),
        };
    }
  }
  return best;
}

/** Objects that carry credentials wholesale: request headers, cookies, the environment. */
export function riskyObjectPath(path: readonly string[]): string | null {
  const joined = path.join('.');
  if (joined === 'process.env') return 'process.env';
  const last = path[path.length - 1];
  if (last === 'headers' || last === 'cookies' || last === 'rawHeaders' || last === 'signedCookies')
    return joined;
  // What an OAuth provider returns besides the tokens: auth0's `extraParams` and openid-client's
  // `tokenSet` carry the `id_token` (a `profile` does only beside them: see sensitive-calls).
  if (last === 'extraParams' || last === 'tokenSet' || last === 'tokenResponse') return joined;
  return null;
}

export type SecretShape =
  | 'JWT'
  | 'AWS access key'
  | 'bearer token'
  | 'PEM private key'
  | 'card number'
  | 'GitHub token'
  | 'Slack token'
  | 'Stripe secret key'
  | 'Google API key';

const SHAPES: ReadonlyArray<[SecretShape, RegExp]> = [
  ['PEM private key', /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----/],
  ['JWT', /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/],
  ['AWS access key', /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/],
  ['bearer token', /\bBearer\s+[A-Za-z0-9\-._~+/]{16,}=*/i],
  ['GitHub token', /\bgh[pousr]_[A-Za-z0-9]{36,}\b/],
  ['Slack token', /\bxox[abprs]-[A-Za-z0-9-]{10,}/],
  ['Stripe secret key', /\b[sr]k_live_[A-Za-z0-9]{16,}/],
  ['Google API key', /\bAIza[0-9A-Za-z_-]{35}\b/],
];

/** The Luhn checksum that every payment card number satisfies. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

const CARD = /\b\d(?:[ -]?\d){12,18}\b/g;

/** Every shape needs one of these; log messages without them are settled by one test. */
const SHAPE_HINT =
  /eyJ|AKIA|ASIA|bearer|-----BEGIN|gh[pousr]_|xox[abprs]-|[sr]k_live_|AIza|\d[ -]?\d{3}[ -]?\d{3}/i;

/** The kind of secret a literal string holds, or null. */
export function secretShape(value: string): SecretShape | null {
  if (value.length < 13 || !SHAPE_HINT.test(value)) return null;
  for (const [shape, pattern] of SHAPES) if (pattern.test(value)) return shape;
  for (const match of value.matchAll(CARD)) {
    const digits = match[0].replace(/[ -]/g, '');
    // Card numbers are 13 to 19 digits with a known issuer prefix and a valid Luhn checksum.
    if (
      digits.length >= 13 &&
      digits.length <= 19 &&
      /^(4|5[1-5]|2[2-7]|3[47]|6|3[068])/.test(digits) &&
      passesLuhn(digits)
    )
      return 'card number';
  }
  return null;
}

/**
 * A cheap text test: can this file mention anything the lexicon or the secret shapes would match?
 * Case-insensitive stems, so it over-approximates; used to skip parsing files that cannot match.
 */
export const SENSITIVE_TEXT =
  /pass|pwd|mfa|secret|token|key|auth|cookie|session|credential|creds|jwt|bearer|otp|pin|verifier|connect|dsn|recovery|seed|mnemonic|card|cc_?num|cvv|cvc|iban|account|routing|bank|sort.?code|tax|mail|phone|mobile|ssn|social|national|birth|dob|address|street|passport|licen|headers|env|eyJ|AKIA|ASIA|BEGIN|gh[pousr]_|xox|sk_live|AIza|\d{13}|\d{4}[ -]\d{4}/i;

/**
 * Whether a name or a whole file can match at all: configured extra names may be anything, so they
 * always pass; otherwise SENSITIVE_TEXT decides.
 */
export function mayMentionSensitive(text: string, extraNames: readonly string[]): boolean {
  return extraNames.length > 0 || SENSITIVE_TEXT.test(text);
}
