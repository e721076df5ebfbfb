/**
 * The labelled naming set (data/naming/messages.json): real-world-shaped log messages with the event
 * name and field keys a careful engineer would write. Each message goes through the real codemod
 * (structured-messages, or console-to-logger for console calls) under its logger; the name and keys
 * of the rewritten call are compared with the labels. Prints the score; asserts the thresholds.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { runCodemod } from '../../codemods/engine';
import { CODEMODS } from '../../codemods/registry';
import { eventNameFromText } from '../../core/messages/naming';
import { parseFile } from '../../core/model/parse';
import { parseSettings } from '../../core/model/settings';

interface Labelled {
  logger: 'pino' | 'bunyan' | 'winston' | 'nest' | 'console';
  domain: string;
  message: string;
  name: string;
  acceptableNames: string[];
  keys: string[];
  acceptableKeys: string[][];
}

const SET = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../data/naming/messages.json'), 'utf8'),
) as { messages: Labelled[] };

/**
 * "Cut mid-phrase": the name's last word cannot end an English phrase. It is a preposition, an
 * article, an auxiliary or modal verb, a negation, an intensifier, a conjunction, a determiner or a
 * pronoun. A particle joined to its verb by `_` (`logged_in`, `timed_out`) closes a phrasal verb and
 * does not count.
 */
const CANNOT_END_A_PHRASE = new Set(
  (
    'of to from with for in on at by into onto about via per than without within through between ' +
    'after before during until like as against among toward towards upon over under ' +
    'a an the ' +
    'is are was were be been being am has have had do does did can could will would shall should may might must ' +
    'not no never nor ' +
    'very too so more less most quite rather really much many ' +
    'and or but if because while when whether since though although unless then ' +
    'some any each every this that these those their its our your my his her ' +
    'it we they i you he she'
  ).split(' '),
);
const PARTICLES = new Set(['in', 'out', 'up', 'down', 'off', 'back', 'over', 'on']);

export function isCutMidPhrase(name: string): boolean {
  const segments = name.split(/[.\-]/);
  const last = segments[segments.length - 1].split('_');
  const word = last[last.length - 1];
  if (last.length > 1 && PARTICLES.has(word)) return false;
  return CANNOT_END_A_PHRASE.has(word);
}

const HEADERS: Record<Labelled['logger'], (message: string) => string> = {
  pino: (m) => `import pino from 'pino';\nconst logger = pino();\nlogger.info(${m});\n`,
  bunyan: (m) =>
    `import bunyan from 'bunyan';\nconst logger = bunyan.createLogger({ name: 'app' });\nlogger.info(${m});\n`,
  winston: (m) =>
    `import winston from 'winston';\nconst logger = winston.createLogger({ transports: [new winston.transports.Console()] });\nlogger.info(${m});\n`,
  nest: (m) =>
    `import { Logger } from '@nestjs/common';\nconst logger = new Logger('App');\nlogger.log(${m});\n`,
  console: (m) => `console.log(${m});\n`,
};

const STRUCTURED = CODEMODS.find((codemod) => codemod.name === 'structured-messages')!;
const CONSOLE = CODEMODS.find((codemod) => codemod.name === 'console-to-logger')!;
const DEFAULT_SETTINGS = parseSettings({});
const CONSOLE_SETTINGS = parseSettings({
  style: 'pino',
  logger: { importFrom: './logger', importName: 'logger' },
});

/** The event name and field keys of the rewritten call (the last statement), or nulls if none. */
export function nameAndKeys(entry: Labelled): { name: string | null; keys: string[] } {
  // A constant message is event-name-format's business: the name it suggests.
  if (!entry.message.includes('${'))
    return { name: eventNameFromText(entry.message.slice(1, -1), 'dot'), keys: [] };
  const source = HEADERS[entry.logger](entry.message);
  const filename = path.resolve(__dirname, '../../fixtures/naming-set.ts');
  const console = entry.logger === 'console';
  const outcome = runCodemod(
    console ? CONSOLE : STRUCTURED,
    source,
    filename,
    console ? CONSOLE_SETTINGS : DEFAULT_SETTINGS,
  );
  if (outcome.output === null) return { name: null, keys: [] };
  const program = parseFile(outcome.output, filename).ast as TSESTree.Program;
  const last = program.body[program.body.length - 1];
  let name: string | null = null;
  const keys: string[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (node.type === 'CallExpression') {
      visit(node.callee);
      for (const argument of node.arguments) {
        if (argument.type === 'Literal' && typeof argument.value === 'string')
          name ??= argument.value;
        else if (argument.type === 'ObjectExpression') {
          for (const property of argument.properties) {
            if (property.type !== 'Property') continue;
            if (property.key.type === 'Identifier') keys.push(property.key.name);
            else if (property.key.type === 'Literal') keys.push(String(property.key.value));
          }
        } else if (argument.type === 'Identifier' || argument.type === 'MemberExpression')
          keys.push('error');
      }
    } else if (node.type === 'MemberExpression') visit(node.object);
    else if (node.type === 'ExpressionStatement') visit(node.expression);
  };
  visit(last);
  return { name, keys };
}

/** The error key is a setting of the logger, not a naming choice: `err` and `error` are one key. */
function normalisedKeys(keys: readonly string[]): string {
  return keys
    .map((key) => (key === 'err' ? 'error' : key))
    .sort()
    .join(',');
}

describe('labelled naming set', () => {
  const results = SET.messages.map((entry) => {
    const found = nameAndKeys(entry);
    const keys = normalisedKeys(found.keys);
    const nameExact = found.name === entry.name;
    const nameAcceptable = nameExact || entry.acceptableNames.includes(found.name ?? '');
    const keysExact = keys === normalisedKeys(entry.keys);
    const keysAcceptable =
      keysExact || entry.acceptableKeys.some((option) => keys === normalisedKeys(option));
    return {
      entry,
      found,
      exact: nameExact && keysExact,
      acceptable: nameAcceptable && keysAcceptable,
      cut: found.name !== null && isCutMidPhrase(found.name),
    };
  });
  const total = results.length;
  const exact = results.filter((result) => result.exact).length;
  const acceptable = results.filter((result) => result.acceptable).length;
  const cut = results.filter((result) => result.cut);

  it('is scored', () => {
    const percent = (count: number) => ((100 * count) / total).toFixed(1);
    const misses = results
      .filter((result) => !result.acceptable)
      .map(
        (result) =>
          `  ${result.entry.message}\n    got ${result.found.name} {${result.found.keys.join(', ')}}; want ${result.entry.name} {${result.entry.keys.join(', ')}}`,
      );
    console.log(
      `naming set: N=${total}, exact ${exact} (${percent(exact)}%), acceptable ${acceptable} (${percent(acceptable)}%), cut mid-phrase ${cut.length}\n` +
        (process.env.NAMING_SET_MISSES ? misses.join('\n') : ''),
    );
    expect(total).toBeGreaterThanOrEqual(200);
  });

  it('has at least 90% acceptable names and keys', () => {
    expect(acceptable / total).toBeGreaterThanOrEqual(0.9);
  });

  it('cuts no name in the middle of a phrase', () => {
    expect(cut.map((result) => result.found.name)).toEqual([]);
  });

  it('detects a cut name', () => {
    expect(isCutMidPhrase('workflow.enricher.duck.go.results.not')).toBe(true);
    expect(isCutMidPhrase('looks.like.db.not.provided.very')).toBe(true);
    expect(isCutMidPhrase('user.logged_in')).toBe(false);
    expect(isCutMidPhrase('order.not_found')).toBe(false);
  });
});
