/**
 * Event names from the code around a call (core/messages/context-name.ts), for console output whose
 * text names nothing: `console.error(err)` in `seedDatabase` is `seed.database.failed`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  contextEventName,
  contextWords,
  isGenericText,
  moduleWords,
} from '../../core/messages/context-name';
import { parseFile } from '../../core/model/parse';

/** The first call of `console.<method>` in the code, with its parents set. */
function consoleCall(code: string, filename = '/repo/src/service.ts'): TSESTree.CallExpression {
  const file = parseFile(code, filename);
  for (const node of file.nodesOfType('CallExpression')) {
    const callee = node.callee;
    if (
      callee.type === 'MemberExpression' &&
      callee.object.type === 'Identifier' &&
      callee.object.name === 'console'
    )
      return node;
  }
  throw new Error('no console call');
}

const nameIn = (code: string, level = 'error', filename = '/repo/src/service.ts') =>
  contextEventName(consoleCall(code, filename), filename, level, 'dot');

describe('contextEventName', () => {
  it('names the enclosing function and the outcome of the level', () => {
    const code =
      'async function seedDatabase() {\n  try { await seed(); } catch (err) { console.error(err); }\n}';
    expect(nameIn(code)).toBe('seed.database.failed');
    expect(nameIn(code, 'warn')).toBe('seed.database.warning');
    // Levels with no outcome word are not named from the context.
    expect(nameIn(code, 'info')).toBe('');
  });

  it('passes anonymous callbacks to the function around them', () => {
    expect(nameIn('function syncUsers() { api.get().catch((e) => console.error(e)); }')).toBe(
      'sync.users.failed',
    );
  });

  it('names functions by the variable, property, class field or export they are bound to', () => {
    expect(nameIn('const loadConfig = async () => { console.error(err); };')).toBe(
      'load.config.failed',
    );
    expect(nameIn('exports.sendInvoice = function () { console.error(err); };')).toBe(
      'send.invoice.failed',
    );
    expect(nameIn('const job = function refreshCache() { console.error(err); };')).toBe(
      'refresh.cache.failed',
    );
    expect(nameIn('class Queue { drainAll = () => { console.error(err); }; }')).toBe(
      'drain.all.failed',
    );
  });

  it("puts a one-word method's class or object in front", () => {
    expect(nameIn('class InvoiceService { async send() { console.error(err); } }')).toBe(
      'invoice.service.send.failed',
    );
    expect(nameIn('class InvoiceService { async retryPayment() { console.error(err); } }')).toBe(
      'retry.payment.failed',
    );
    expect(nameIn('const handlers = { refund() { console.error(err); } };')).toBe(
      'handlers.refund.failed',
    );
    expect(nameIn('class Mailer { constructor() { console.error(err); } }')).toBe('mailer.failed');
  });

  it('uses the module file name at the top level and in entry points', () => {
    const file = '/repo/scripts/migrate.ts';
    expect(nameIn('run().catch((err) => console.error(err));', 'error', file)).toBe(
      'migrate.failed',
    );
    expect(
      nameIn('async function main() { try {} catch (e) { console.error(e); } }', 'error', file),
    ).toBe('migrate.failed');
    expect(nameIn('console.warn(e);', 'warn', '/repo/src/jobs/index.ts')).toBe('jobs.warning');
  });

  it('adds no second outcome word, joins words in the configured case, and drops joining words', () => {
    expect(nameIn('function handleError(err) { console.error(err); }')).toBe('handle.error');
    expect(nameIn('function getUserById(id) { console.error(err); }')).toBe('get.user.id.failed');
    const call = consoleCall('function seedDatabase() { console.error(err); }');
    expect(contextEventName(call, '/repo/a.ts', 'error', 'snake')).toBe('seed_database_failed');
    expect(contextEventName(call, '/repo/a.ts', 'error', 'kebab')).toBe('seed-database-failed');
  });

  it('gives nothing when neither the context nor the file name has a word', () => {
    expect(nameIn('console.error(err);', 'error', '/index.ts')).toBe('');
  });
});

describe('contextWords and moduleWords', () => {
  it('is empty at the top level', () => {
    expect(contextWords(consoleCall('console.error(err);'))).toEqual([]);
  });

  it('reads file names without their role suffixes, and folders for index files', () => {
    expect(moduleWords('/repo/scripts/migrate.ts')).toEqual(['migrate']);
    expect(moduleWords('/repo/src/user.service.ts')).toEqual(['user', 'service']);
    expect(moduleWords('/repo/app/session.server.ts')).toEqual(['session']);
    expect(moduleWords('/repo/src/seed-db/index.js')).toEqual(['seed', 'db']);
  });
});

describe('isGenericText', () => {
  it('holds for text that only says something went wrong', () => {
    for (const text of [
      '',
      'Error:',
      'error',
      'Something went wrong:',
      'An error occurred',
      'WARNING',
    ])
      expect(isGenericText(text), text).toBe(true);
    for (const text of ['Error creating mock server:', 'Seed failed', 'Queue error'])
      expect(isGenericText(text), text).toBe(false);
  });
});
