/**
 * Rule options as ESLint hands them over, across the files of one run: createRule resolves each
 * distinct options value once, and a file must never see another file's options.
 */
import { Linter as Linter10 } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../rules/index';

const { Linter: Linter9 } = require('eslint-v9') as { Linter: typeof Linter10 };

const CODE = "console.log('served');\nconsole.warn('slow');\n";

describe.each([
  ['ESLint 10', Linter10],
  ['ESLint 9', Linter9],
])('no-console options in one run, %s', (_name, Linter) => {
  // Files matched by no config entry with options get the rule's meta.defaultOptions from ESLint
  // itself (since 9.15), as a new array holding the very default objects on every file: the case
  // createRule settles by element identity.
  const linter = new Linter({ configType: 'flat' });
  const config = [
    {
      files: ['**/*.js'],
      plugins: { 'structured-logging': plugin as never },
      rules: { 'structured-logging/no-console': 'error' as const },
    },
    {
      files: ['allow-log/**'],
      rules: {
        'structured-logging/no-console': ['error', { allow: ['log'] }] as ['error', unknown],
      },
    },
    {
      files: ['allow-warn/**'],
      rules: {
        'structured-logging/no-console': ['error', { allow: ['warn'] }] as ['error', unknown],
      },
    },
  ];
  const reported = (filename: string) =>
    linter.verify(CODE, config, filename).map((message) => `${message.line}:${message.messageId}`);

  it('gives each file its own options, in any order', () => {
    for (let round = 0; round < 2; round++) {
      expect(reported('default/a.js')).toEqual(['1:consoleCall', '2:consoleCall']);
      expect(reported('allow-log/b.js')).toEqual(['2:consoleCall']);
      expect(reported('default/c.js')).toEqual(['1:consoleCall', '2:consoleCall']);
      expect(reported('allow-warn/d.js')).toEqual(['1:consoleCall']);
    }
  });

  it('reads an explicit empty options object as the defaults', () => {
    const explicit = [
      config[0],
      {
        files: ['explicit/**'],
        rules: { 'structured-logging/no-console': ['error', {}] as ['error', unknown] },
      },
    ];
    expect(linter.verify(CODE, explicit, 'explicit/e.js').map((message) => message.line)).toEqual([
      1, 2,
    ]);
  });
});
