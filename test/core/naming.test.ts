import { describe, expect, it } from 'vitest';
import {
  distinguishingWords,
  eventNameFromText,
  isValidEventName,
  VALUE_MARK,
} from '../../core/messages/naming';
import { runCodemod } from '../../codemods/engine';
import { CODEMODS } from '../../codemods/registry';
import { parseSettings, SettingsError } from '../../core/model/settings';

const V = VALUE_MARK;

describe('event names', () => {
  it.each([
    ['PostHog client ready', 'posthog.client.ready'],
    ['ClickHouse insert done', 'clickhouse.insert.done'],
    ['BullMQ worker started', 'bullmq.worker.started'],
    ['2FA enabled', '2fa.enabled'],
    ['OAuth2 token refreshed', 'oauth2.token.refreshed'],
    ['Übersetzung für Straße fehlt', 'ubersetzung.fur.strasse.fehlt'],
    ['Пользователь вошёл', 'polzovatel.voshel'],
    [`Failed to send run-failed notification for run ${V}`, 'run_failed.notification.send.failed'],
    ['Looks like the DB is not provided, very likely a misconfiguration', 'db.not_provided'],
    [`User ${V} logged in`, 'user.logged_in'],
    [`Charge failed for order ${V}`, 'charge.failed'],
    [`Job ${V} failed after ${V} attempts`, 'job.failed'],
    // "No X found": the subject first, not `no_sql.seed.files.found`.
    ['No SQL seed files found, skipping seed', 'sql.seed.files.not_found'],
    ['No migration needed', 'migration.not_needed'],
    ['No keys to process.', 'keys.none'],
    // A key written before `=` names a field; a static value after it may name the event.
    [`[ABORT] resultId=${V} phase=found`, 'abort.found'],
    [`Sync done status=completed count=${V}`, 'sync.done'],
  ])('%s -> %s', (text, name) => {
    expect(eventNameFromText(text, 'dot')).toBe(name);
  });

  it.each([
    [
      `Failed to send notification permanently for run ${V}`,
      ['failed', 'send', 'notification', 'permanently'],
    ],
    // Labels of values (`run ${id}`, `resultId=`) are fields, not words that tell events apart.
    [`[ABORT] resultId=${V} phase=not_found elapsed=${V}ms`, ['abort', 'not_found']],
    [`Index ${V} already exists`, ['exists']],
  ])('words that tell %s from other messages', (text, words) => {
    expect(distinguishingWords(text)).toEqual(words);
  });

  it('keeps letters of other scripts as a valid name', () => {
    const name = eventNameFromText('用户登录失败', 'dot');
    expect(name).toBe('用户登录失败');
    expect(isValidEventName(name, { case: 'dot' })).toBe(true);
  });

  it('never ends on a word that cannot end a phrase', () => {
    expect(
      eventNameFromText(
        'Workflow enricher: DuckDuckGo results not available, falling back to cache',
        'dot',
      ),
    ).toBe('workflow.enricher.duckduckgo.results.not_available');
  });

  it('keeps product names from settings whole', () => {
    expect(eventNameFromText('AcmeCloud sync done', 'dot')).toBe('acme.cloud.sync.done');
    expect(eventNameFromText('AcmeCloud sync done', 'dot', { words: ['AcmeCloud'] })).toBe(
      'acmecloud.sync.done',
    );
  });

  it('names a one-word action after its subject', () => {
    expect(eventNameFromText(`Updated ${V}`, 'dot', { subject: 'userId' })).toBe('user.updated');
  });
});

describe('naming settings', () => {
  it('validates naming.words and naming.unwrapSerialized', () => {
    expect(() => parseSettings({ naming: { words: ['Post Hog'] } })).toThrow(SettingsError);
    expect(() => parseSettings({ naming: { words: ['Post Hog'] } })).toThrow(/naming\.words/);
    expect(() => parseSettings({ naming: { unwrapSerialized: 'no' } })).toThrow(
      /naming\.unwrapSerialized/,
    );
    expect(() => parseSettings({ naming: { other: 1 } })).toThrow(/naming\.other/);
    expect(parseSettings({}).naming).toEqual({ words: [], unwrapSerialized: true });
  });
});

describe('field keys and unwrapping', () => {
  const codemod = CODEMODS.find((entry) => entry.name === 'structured-messages')!;
  const rewrite = (call: string, settings: Record<string, unknown> = {}) =>
    runCodemod(
      codemod,
      `import pino from 'pino';\nconst logger = pino();\n${call}\n`,
      '/tmp/naming.ts',
      parseSettings(settings),
    ).output?.split('\n')[2];

  it('names keys from the text around the value', () => {
    expect(rewrite('logger.info(`Attempt ${n} of ${max} took ${ms}ms`);')).toBe(
      "logger.info({ attempt: n, maxAttempts: max, durationMs: ms }, 'attempt.took');",
    );
    expect(rewrite('logger.info(`Progress ${step + 1} saved`);')).toBe(
      "logger.info({ step: step + 1 }, 'progress.saved');",
    );
  });

  it('unwraps JSON.stringify and String unless told not to', () => {
    expect(rewrite('logger.info(`Channels ${JSON.stringify(channels)} set`);')).toBe(
      "logger.info({ channels }, 'channels.set');",
    );
    expect(
      rewrite('logger.info(`Channels ${JSON.stringify(channels)} set`);', {
        naming: { unwrapSerialized: false },
      }),
    ).toBe("logger.info({ channels: JSON.stringify(channels) }, 'channels.set');");
  });

  it('follows the file snake_case keys', () => {
    const output = runCodemod(
      codemod,
      "import pino from 'pino';\nconst logger = pino();\nlogger.info({ order_id: 1, tenant_id: 2 }, 'a');\nlogger.info(`Charged ${order.id}`);\n",
      '/tmp/naming.ts',
      parseSettings({}),
    ).output;
    expect(output).toContain("logger.info({ order_id: order.id }, 'order.charged')");
  });
});
