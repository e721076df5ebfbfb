import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatLoggers, inventoryLoggers } from '../codemods/loggers';
import { parseSettings } from '../core/model/settings';
import { FIXTURES } from './fixtures';

const cases = (...names: string[]) =>
  names.map((name) => path.join(FIXTURES, 'structured-messages', name));

describe('structured-logging loggers: the inventory', () => {
  const report = inventoryLoggers(
    cases(
      'imported-pino-module.input.ts',
      'no-change-nest-logger-service.input.ts',
      'no-change-winston-printf.input.ts',
      'no-change-unknown-style.input.ts',
    ),
    process.cwd(),
    () => parseSettings(undefined),
  );

  it('groups call sites by the definition followed across files, with how it was learned', () => {
    const pino = report.loggers.find((entry) => entry.family === 'pino');
    expect(pino).toMatchObject({
      definedAt: 'fixtures/structured-messages/loggers/pino-logger.ts:4',
      definition: 'pino()',
      learnedFrom: 'creation',
      fields: 'first argument, before the message',
      errors: 'under `err`',
      rewrite: 'yes',
      callSites: 2,
      dynamicMessages: 2,
    });
    expect(pino?.example).toContain("logger.info({ orderId, attempt }, 'order.charging')");
  });

  it('names the definition and the change that unlocks a logger it cannot rewrite through', () => {
    const wrapper = report.loggers.find((entry) => entry.definition.startsWith('AppLogger.log'));
    expect(wrapper?.family).toBe('own logger');
    expect(wrapper?.rewrite).toMatch(
      /^fixtures\/structured-messages\/loggers\/app-logger\.ts:6: .* takes no fields: add a fields parameter/,
    );
    const winston = report.loggers.find((entry) => entry.family === 'winston');
    expect(winston?.rewrite).toMatch(
      /winston-printf\.ts:6: this winston format prints only the message/,
    );
  });

  it('lists a logger it could not find, with the reason', () => {
    const unknown = report.loggers.find((entry) => entry.family === 'unknown');
    expect(unknown?.rewrite).toContain(
      "`logger` is imported from './logger', which could not be read",
    );
    expect(formatLoggers(report)).toContain('4 loggers behind the log calls of 4 files');
  });
});
