/**
 * pino's `redact` option (core/loggers/redact.ts): the edits that extend it, which paths cover which,
 * and that the paths the codemod writes are ones real pino accepts and censors.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../core/model/edits';
import { parseFile } from '../../core/model/parse';
import { redactCovers, redactEdit, redactPathsFor } from '../../core/loggers/redact';

/** The creating call of `source` with `paths` added, or why it cannot take them. */
function extend(source: string, paths: string[]): string {
  const file = parseFile(source, '/project/logger.ts');
  const call = file
    .nodesOfType('CallExpression')
    .find((node) => file.getText(node.callee) === 'pino')!;
  const result = redactEdit(file, call, paths);
  return 'reason' in result ? `refused: ${result.reason}` : applyEdits(source, result.edits);
}

describe('redactEdit', () => {
  it('adds the option to a call without options, or with an empty object', () => {
    expect(extend('pino();', ['password'])).toBe("pino({ redact: ['password'] });");
    expect(extend('pino({});', ['password'])).toBe("pino({ redact: ['password'] });");
  });

  it('adds the property after the last one, on its own line when the object spans lines', () => {
    expect(extend("pino({ level: 'info' });", ['email'])).toBe(
      "pino({ level: 'info', redact: ['email'] });",
    );
    expect(extend("const l = pino({\n  level: 'info',\n});", ['email'])).toBe(
      "const l = pino({\n  level: 'info',\n  redact: ['email'],\n});",
    );
  });

  it('extends a literal list, in either form, with the missing paths only', () => {
    expect(extend("pino({ redact: ['password'] });", ['password', 'email'])).toBe(
      "pino({ redact: ['password', 'email'] });",
    );
    expect(extend("pino({ redact: { paths: ['a.*'], censor: 'x' } });", ['a.b', 'c'])).toBe(
      "pino({ redact: { paths: ['a.*', 'c'], censor: 'x' } });",
    );
    expect(extend("pino({ redact: ['password'] });", ['password'])).toBe(
      "pino({ redact: ['password'] });",
    );
  });

  it('refuses options it cannot see whole', () => {
    expect(extend('pino(options);', ['password'])).toBe(
      'refused: its options are `options`, not an object written in the call',
    );
    expect(extend('pino({ ...base });', ['password'])).toBe(
      'refused: its options spread another object',
    );
    expect(extend('pino({ redact: PATHS });', ['password'])).toBe(
      'refused: its `redact` is `PATHS`, not a list of strings',
    );
  });
});

describe('redactCovers', () => {
  it('matches a path itself or through a wildcard segment, never a prefix', () => {
    expect(redactCovers(['user.*'], 'user.apiKey')).toBe(true);
    expect(redactCovers(['password'], 'password')).toBe(true);
    expect(redactCovers(['user'], 'user.apiKey')).toBe(false);
    expect(redactCovers(['user.*'], 'user.profile.phone')).toBe(false);
  });
});

describe('the paths the codemod writes, through real pino', () => {
  it('are accepted by pino and censor the values they name', () => {
    const paths = [
      ...redactPathsFor({ kind: 'key', fieldPath: 'user.apiKey' }, true)!,
      ...redactPathsFor({ kind: 'risky', fieldPath: 'req.headers' }, true)!,
    ];
    let printed = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        printed += String(chunk);
        done();
      },
    });
    const logger = pino({ redact: paths }, sink);
    logger.info(
      {
        user: { id: 'u1', apiKey: 'sk_live_secret' },
        req: {
          headers: {
            authorization: 'Bearer abc.def',
            cookie: 'sid=s3cr3t',
            'set-cookie': 'sid=n3w',
            'x-api-key': 'key-123',
            accept: 'text/html',
          },
        },
      },
      'request.audited',
    );
    for (const secret of ['sk_live_secret', 'Bearer abc.def', 'sid=s3cr3t', 'sid=n3w', 'key-123'])
      expect(printed).not.toContain(secret);
    // What is not secret is still printed.
    expect(printed).toContain('"id":"u1"');
    expect(printed).toContain('text/html');
  });
});
