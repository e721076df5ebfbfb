/**
 * redact-sensitive-data through the CLI, where the pino logger is created in another file: the paths
 * go to that logger's `redact` option in one edit, the calls keep their values, and a second run
 * changes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, commitAll, makeRepo, read, run } from './cli-helpers';

const LOGGER = `import pino from 'pino';

export const logger = pino({ level: 'info' });
`;
const ROUTES = `import { logger } from './logger';

export function signIn(user: { id: string; email: string }, password: string) {
  logger.info({ userId: user.id, email: user.email, password }, 'user.signed_in');
}
`;
const BILLING = `import { logger } from './logger';

export function charge(card: { number: string }, orderId: string) {
  logger.info({ orderId, cardNumber: card.number }, 'card.charged');
}
`;

beforeAll(assertBuilt);

describe('redact-sensitive-data with a pino logger created in the project', () => {
  it('adds the paths to the logger once and keeps the calls', () => {
    const dir = makeRepo({
      'src/logger.ts': LOGGER,
      'src/routes.ts': ROUTES,
      'src/billing.ts': BILLING,
    });
    const result = run(
      dir,
      'codemod',
      'redact-sensitive-data',
      'src',
      '--json',
      '--settings',
      '{}',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(read(dir, 'src/routes.ts')).toBe(ROUTES);
    expect(read(dir, 'src/billing.ts')).toBe(BILLING);
    expect(read(dir, 'src/logger.ts')).toBe(
      LOGGER.replace(
        "pino({ level: 'info' })",
        "pino({ level: 'info', redact: ['cardNumber', 'email', 'password'] })",
      ),
    );
    expect(report.loggerRedactions).toEqual([
      {
        logger: 'src/logger.ts:3',
        paths: ['cardNumber', 'email', 'password'],
        calls: ['src/billing.ts:4', 'src/routes.ts:4'],
      },
    ]);
    expect(report.summary.changedFiles).toBe(1);
    expect(report.changed).toHaveLength(1);
    expect(report.changed[0].file).toBe('src/logger.ts');

    commitAll(dir, 'redacted');
    const again = run(dir, 'codemod', 'redact-sensitive-data', 'src', '--json', '--settings', '{}');
    expect(JSON.parse(again.stdout).summary.changedFiles).toBe(0);
    expect(read(dir, 'src/logger.ts')).toContain("redact: ['cardNumber', 'email', 'password']");
  });

  it('with --dry, shows the logger edit and writes nothing; loggerRedact false redacts the calls', () => {
    const dir = makeRepo({ 'src/logger.ts': LOGGER, 'src/routes.ts': ROUTES });
    const dry = run(dir, 'codemod', 'redact-sensitive-data', 'src', '--dry', '--settings', '{}');
    expect(dry.code).toBe(0);
    // The summary is for humans, on stderr.
    expect(dry.stderr).toContain('redacted by the logger: src/logger.ts:3');
    expect(read(dir, 'src/logger.ts')).toBe(LOGGER);
    const atCalls = run(
      dir,
      'codemod',
      'redact-sensitive-data',
      'src',
      '--settings',
      '{"sensitive":{"loggerRedact":false}}',
    );
    expect(atCalls.code).toBe(0);
    expect(read(dir, 'src/logger.ts')).toBe(LOGGER);
    expect(read(dir, 'src/routes.ts')).toContain("email: '[REDACTED]', password: '[REDACTED]'");
  });
});
