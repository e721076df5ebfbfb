/**
 * With typed linting, a logger the syntax cannot follow (returned by a factory, its type inferred)
 * gets its contract from the checker: the declaration of the method called.
 */
import * as path from 'node:path';
import * as fs from 'node:fs';
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from 'eslint';
import rule from '../../rules/no-dynamic-message';
import { FIXTURES } from '../fixtures';

const directory = path.join(FIXTURES, 'typed');
const filename = path.join(directory, 'service.ts');
const code = fs.readFileSync(filename, 'utf8');

const typed = new RuleTester({
  languageOptions: {
    parser: tsParser,
    parserOptions: { project: './tsconfig.json', tsconfigRootDir: directory },
  },
});
const untyped = new RuleTester({ languageOptions: { parser: tsParser } });

typed.run('no-dynamic-message (typed linting)', rule as never, {
  valid: [],
  invalid: [
    {
      code,
      filename,
      errors: [
        {
          messageId: 'dynamicMessage',
          line: 6,
          suggestions: [
            {
              messageId: 'useStructuredCall',
              output: code.replace(
                'log.info(`Installing ${name} at ${version}`)',
                "log.info('installing', { name, version })",
              ),
            },
          ],
        },
        // PluginLogger.warn(message: string) takes no fields: reported, no rewrite.
        { messageId: 'dynamicMessage', line: 7, suggestions: [] },
      ],
    },
  ],
});

untyped.run('no-dynamic-message (no type information)', rule as never, {
  valid: [],
  invalid: [
    {
      code,
      filename,
      errors: [
        { messageId: 'dynamicMessage', line: 6, suggestions: [] },
        { messageId: 'dynamicMessage', line: 7, suggestions: [] },
      ],
    },
  ],
});
