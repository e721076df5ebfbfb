/**
 * Precision and recall of the sensitive-name lexicon and the secret-shape detector on a labelled set
 * of names and literals (fixtures/sensitive-lexicon/labelled.json), both required to be at least 0.95.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LEXICON,
  passesLuhn,
  secretShape,
  SENSITIVE_CATEGORIES,
  SENSITIVE_TEXT,
  sensitiveName,
} from '../core/sensitive/sensitive';

interface Labelled {
  names: Array<{ name: string; sensitive: boolean }>;
  values: Array<{ value: string; secret: boolean }>;
}

const labelled = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../fixtures/sensitive-lexicon/labelled.json'), 'utf8'),
) as Labelled;
const options = { names: [], allow: [], categories: SENSITIVE_CATEGORIES };

function score(results: Array<{ expected: boolean; actual: boolean; label: string }>) {
  const truePositives = results.filter((r) => r.expected && r.actual).length;
  const falsePositives = results.filter((r) => !r.expected && r.actual);
  const falseNegatives = results.filter((r) => r.expected && !r.actual);
  return {
    precision: truePositives / (truePositives + falsePositives.length),
    recall: truePositives / (truePositives + falseNegatives.length),
    falsePositives: falsePositives.map((r) => r.label),
    falseNegatives: falseNegatives.map((r) => r.label),
  };
}

describe('labelled set', () => {
  const names = labelled.names.map((c) => ({
    expected: c.sensitive,
    actual: sensitiveName(c.name, options) !== null,
    label: c.name,
  }));
  const values = labelled.values.map((c) => ({
    expected: c.secret,
    actual: secretShape(c.value) !== null,
    label: c.value,
  }));
  const all = score([...names, ...values]);

  it('has at least 150 cases, both classes well represented', () => {
    expect(names.length + values.length).toBeGreaterThanOrEqual(150);
    expect(names.filter((c) => c.expected).length).toBeGreaterThan(50);
    expect(names.filter((c) => !c.expected).length).toBeGreaterThan(50);
  });

  it('precision >= 0.95', () => {
    expect(all.falsePositives).toEqual(all.precision >= 0.95 ? all.falsePositives : []);
    expect(all.precision).toBeGreaterThanOrEqual(0.95);
  });

  it('recall >= 0.95', () => {
    expect(all.falseNegatives).toEqual(all.recall >= 0.95 ? all.falseNegatives : []);
    expect(all.recall).toBeGreaterThanOrEqual(0.95);
  });
});

describe('word matching', () => {
  it('matches words, not substrings', () => {
    for (const name of ['authorName', 'keynote', 'tokenize', 'secretariat', 'passage'])
      expect(sensitiveName(name, options), name).toBeNull();
  });

  it('reads a name that ends in a descriptor as describing the secret, however many words sit between', () => {
    // Read from Unleash and Novu: constants and counters named after what they describe.
    for (const name of [
      'TOKEN_CACHE_NAME',
      'sameEmailUsersCount',
      'sameEmailUsersIds',
      'HUBSPOT_INVITE_NUDGE_EMAIL_USER_LIST_ID',
      'passwordHashVersion',
    ])
      expect(sensitiveName(name, options), name).toBeNull();
    // ...unless the words between make it the secret again, or the last word is the secret's container.
    for (const name of ['sessionTokenForUser', 'primaryEmailValue', 'passwordHashHex'])
      expect(sensitiveName(name, options), name).not.toBeNull();
  });

  it('reads times and measures, names and places, and yes/no questions as describing the secret', () => {
    // Read from etherpad-lite, inbox-zero and a session-expiry banner: none of these is the secret's value.
    for (const name of [
      'nextSessionEnd',
      'tokenValidUntil',
      'keyRotationSeconds',
      'apiKeyCreatedDate',
      'apikeyFilename',
      'privateKeyPath',
      'keyName',
      'secretId',
      'hasStoredRefreshToken',
      'isUserApiKey',
      'shouldRotateClientSecret',
    ])
      expect(sensitiveName(name, options), name).toBeNull();
  });

  it('reads a one-way derived value of a random secret as safe, but not of a guessable one', () => {
    for (const name of [
      'apiKeyHash',
      'invalidApiKeyHash',
      'tokenFingerprint',
      'maskedApiKey',
      'cardLast4',
      'emailHash',
    ])
      expect(sensitiveName(name, options), name).toBeNull();
    // A password or a PIN is brute-forced from its hash; `lastToken` is a token.
    for (const name of ['passwordHash', 'hashedPassword', 'pinHash', 'otpHash', 'lastToken'])
      expect(sensitiveName(name, options), name).not.toBeNull();
    expect(sensitiveName('passwordHash', options)?.guessable).toBe(true);
  });

  it("reads a session's id or part as a record, the session and its token, cookie, key and secret as the secret", () => {
    for (const name of [
      'sessionId',
      'session_id',
      'requestedSessionId',
      'sessionAuthor',
      'sessionPadId',
      'sessionStore',
      'sid',
      'accountSid',
    ])
      expect(sensitiveName(name, options), name).toBeNull();
    for (const name of [
      'session',
      'userSession',
      'sessionToken',
      'sessionCookie',
      'sessionKey',
      'sessionSecret',
      'sessionData',
      'connect.sid',
    ])
      expect(sensitiveName(name, options), name).not.toBeNull();
  });

  it('reads an OAuth state as a nonce and its code and verifier as credentials', () => {
    for (const name of ['oauthStateToken', 'stateCookie', 'state'])
      expect(sensitiveName(name, options), name).toBeNull();
    for (const name of ['authCode', 'oauthCode', 'authorizationCode', 'codeVerifier'])
      expect(sensitiveName(name, options), name).not.toBeNull();
  });

  it('honours added names, allowed names and disabled categories', () => {
    expect(sensitiveName('tenantKey', { ...options, names: ['tenant key'] })).not.toBeNull();
    expect(sensitiveName('password', { ...options, allow: ['password'] })).toBeNull();
    expect(sensitiveName('email', { ...options, categories: ['secret', 'financial'] })).toBeNull();
    expect(
      sensitiveName('cardNumber', { ...options, categories: ['secret', 'personal'] }),
    ).toBeNull();
  });

  it("remembers answers per configuration: one configuration's names and categories never answer for another", () => {
    const withName = { ...options, names: ['customer ref'] };
    const withoutPersonal = {
      ...options,
      categories: ['secret', 'financial'] as typeof options.categories,
    };
    for (let round = 0; round < 2; round++) {
      expect(sensitiveName('customerRef', options)).toBeNull();
      expect(sensitiveName('customerRef', withName)).not.toBeNull();
      expect(sensitiveName('email', options)).not.toBeNull();
      expect(sensitiveName('email', withoutPersonal)).toBeNull();
    }
  });

  it('checks card numbers with Luhn', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
  });
});

describe('text pre-filter', () => {
  it('lets through every lexicon phrase, so skipping a file on it can never miss a finding', () => {
    for (const item of LEXICON)
      expect(SENSITIVE_TEXT.test(item.words.join('')), item.words.join(' ')).toBe(true);
  });
});
