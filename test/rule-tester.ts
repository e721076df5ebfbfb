/**
 * Runs every rule case under the parsers users have: typescript-eslint's, and ESLint's default
 * espree for cases that are plain JavaScript.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from 'eslint';
import type { TSESLint } from '@typescript-eslint/utils';

export type Valid = string | (RuleTester.ValidTestCase & { tsOnly?: boolean });
export type Invalid = RuleTester.InvalidTestCase & { tsOnly?: boolean };

const typescriptTester = new RuleTester({
  languageOptions: { parser: tsParser, sourceType: 'module' },
});
const espreeTester = new RuleTester({
  languageOptions: { sourceType: 'module', ecmaVersion: 'latest' },
});

function strip<T extends { tsOnly?: boolean }>(test: T): Omit<T, 'tsOnly'> {
  const { tsOnly: _ignored, ...rest } = test;
  return rest;
}

export function runRule(
  name: string,
  rule: TSESLint.RuleModule<string, readonly unknown[]>,
  tests: { valid: Valid[]; invalid: Invalid[] },
): void {
  const asEslintRule = rule as unknown as Parameters<RuleTester['run']>[1];
  const withFilename = <T extends object>(test: T, filename: string) => ({ filename, ...test });
  typescriptTester.run(`${name} (typescript-eslint parser)`, asEslintRule, {
    valid: tests.valid.map((test) =>
      withFilename(typeof test === 'string' ? { code: test } : strip(test), 'file.ts'),
    ),
    invalid: tests.invalid.map((test) => withFilename(strip(test), 'file.ts')),
  });
  espreeTester.run(`${name} (espree)`, asEslintRule, {
    valid: tests.valid
      .filter((test) => typeof test === 'string' || !test.tsOnly)
      .map((test) =>
        withFilename(typeof test === 'string' ? { code: test } : strip(test), 'file.js'),
      ),
    invalid: tests.invalid
      .filter((test) => !test.tsOnly)
      .map((test) => withFilename(strip(test), 'file.js')),
  });
}

export const settings = (value: Record<string, unknown>) => ({ 'structured-logging': value });
