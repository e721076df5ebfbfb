/**
 * The logger contract of a call site (core/loggers/contract.ts), asked directly: what it learns from
 * a logger's creation options, its declaration in another file, and how it says where it learned it.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { contractOf, errorKeyOf, type ContractAnswer } from '../../core/loggers/contract';
import { analyzeLogCall } from '../../core/loggers/log-calls';
import { parseFile } from '../../core/model/parse';
import { parseSettings } from '../../core/model/settings';

const DEFAULTS = parseSettings(undefined);

/** The contract of the first log call of `entry`, in a project made of `files`. */
function contractIn(files: Record<string, string>, entry = 'app.ts'): ContractAnswer {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-contract-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  const filename = path.join(root, entry);
  const file = parseFile(files[entry], filename);
  for (const node of file.nodesOfType('CallExpression')) {
    const call = analyzeLogCall(node as TSESTree.CallExpression, file, DEFAULTS);
    if (call) return contractOf(call, file, DEFAULTS);
  }
  throw new Error('no log call');
}

function contract(answer: ContractAnswer) {
  if (!answer.ok) throw new Error(answer.reason);
  return answer.contract;
}

describe('contracts from a logger creation', () => {
  it("pino's errorKey option and a serializer given stdSerializers.err decide the error key", () => {
    expect(
      contract(
        contractIn({
          'app.ts':
            "import pino from 'pino';\nconst log = pino({ errorKey: 'error' });\nlog.info('x');\n",
        }),
      ).error,
    ).toEqual({ kind: 'key', key: 'error' });
    const serialized = contract(
      contractIn({
        'app.ts':
          "import pino from 'pino';\nconst log = pino({ serializers: { failure: pino.stdSerializers.err } });\nlog.info('x');\n",
      }),
    );
    expect(errorKeyOf(serialized, DEFAULTS)).toBe('failure');
    expect(serialized.source).toMatchObject({ how: 'creation', what: 'pino()' });
    expect(serialized.source.where).toMatch(/app\.ts:2$/);
  });

  it('bunyan keeps an error under err only with its serializer', () => {
    expect(
      contract(
        contractIn({
          'app.ts':
            "import bunyan from 'bunyan';\nconst log = bunyan.createLogger({ name: 'a' });\nlog.info('x');\n",
        }),
      ).error,
    ).toEqual({ kind: 'fields-argument' });
    expect(
      contract(
        contractIn({
          'app.ts':
            "import bunyan from 'bunyan';\nconst log = bunyan.createLogger({ name: 'a', serializers: bunyan.stdSerializers });\nlog.info('x');\n",
        }),
      ).error,
    ).toEqual({ kind: 'key', key: 'err' });
  });

  it("winston: a transport's printf that reads only named properties refuses, one that keeps the rest does not", () => {
    const dropping = contract(
      contractIn({
        'app.ts':
          "import winston from 'winston';\nconst log = winston.createLogger({\n  transports: [new winston.transports.Console({ format: winston.format.printf(({ level, message }) => `${level} ${message}`) })],\n});\nlog.info('x');\n",
      }),
    );
    expect(dropping.refusal).toMatch(/app\.ts:3: this winston format prints only the message/);
    const keeping = contract(
      contractIn({
        'app.ts':
          "import winston from 'winston';\nconst log = winston.createLogger({ format: winston.format.printf(({ level, message, ...meta }) => `${level} ${message} ${JSON.stringify(meta)}`) });\nlog.info('x');\n",
      }),
    );
    expect(keeping.refusal).toBeUndefined();
  });
});

describe('contracts from declarations in other files', () => {
  it("a class extending Nest's ConsoleLogger without its own method is Nest's", () => {
    const answer = contract(
      contractIn({
        'logger.ts':
          "import { ConsoleLogger } from '@nestjs/common';\nexport class AppLogger extends ConsoleLogger {}\n",
        'app.ts':
          "import { AppLogger } from './logger';\nconst log = new AppLogger();\nlog.log(`x ${a}`);\n",
      }),
    );
    expect(answer).toMatchObject({
      family: 'nestjs',
      source: { how: 'declaration', what: 'class AppLogger extends ConsoleLogger' },
    });
  });

  it('an interface inherits the method from the interface it extends', () => {
    const answer = contract(
      contractIn({
        'types.ts':
          'export interface Base { warn(message: string, meta?: { err?: Error }): void }\nexport interface JobLogger extends Base { flush(): void }\n',
        'app.ts':
          "import type { JobLogger } from './types';\nexport function f(log: JobLogger) { log.warn('x'); }\n",
      }),
    );
    expect(answer).toMatchObject({
      family: undefined,
      fieldsArg: 1,
      error: { kind: 'key', key: 'err' },
      source: { how: 'declaration', what: 'Base.warn(message: string, meta?: { err?: Error })' },
    });
  });

  it('an object of methods, exported by module.exports and required', () => {
    const answer = contract(
      contractIn(
        {
          'log.js':
            'module.exports = {\n  info(message, meta) { process.stdout.write(message + JSON.stringify(meta)); },\n};\n',
          'app.js': "const logger = require('./log');\nlogger.info('x');\n",
        },
        'app.js',
      ),
    );
    expect(answer).toMatchObject({
      fieldsArg: 1,
      source: { how: 'declaration', what: 'info(message, meta)' },
    });
  });

  it('follows a chain of re-exports to the creation', () => {
    const answer = contract(
      contractIn({
        'lib/create.ts': "import pino from 'pino';\nexport const base = pino();\n",
        'lib/index.ts': "export { base as logger } from './create';\n",
        'app.ts': "import { logger } from './lib';\nlogger.info('x');\n",
      }),
    );
    expect(answer).toMatchObject({ family: 'pino', source: { how: 'creation', what: 'pino()' } });
    expect(answer.source.where).toMatch(/lib[/\\]create\.ts:2$/);
  });

  it('says what it could not follow', () => {
    const answer = contractIn({
      'app.ts': "import { logger } from './nowhere';\nlogger.info('x');\n",
    });
    expect(answer).toMatchObject({ ok: false });
    expect(!answer.ok && answer.reason).toContain(
      "`logger` is imported from './nowhere', which could not be read",
    );
  });
});
