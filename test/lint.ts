/** Lints a snippet with one or more of the plugin's rules, the way a user's ESLint would. */
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import plugin from '../rules/index';

export function lint(
  code: string,
  filename: string,
  rules: Record<string, 'error' | 'off'>,
  settings?: Record<string, unknown>,
): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
        languageOptions: {
          parser: tsParser,
          parserOptions: { ecmaFeatures: { jsx: /\.[jt]sx$|\.js$/.test(filename) } },
        },
        plugins: { 'structured-logging': plugin as never },
        rules: Object.fromEntries(
          Object.entries(rules).map(([name, level]) => [`structured-logging/${name}`, level]),
        ),
        settings: settings ? { 'structured-logging': settings } : {},
      },
    ],
    filename,
  );
  // A parse error or an unmatched config would make every "no reports" assertion pass vacuously.
  const fatal = messages.find((message) => message.ruleId === null);
  if (fatal) throw new Error(`${filename}: ${fatal.message}`);
  return messages;
}

/**
 * Applies suggestions one at a time, re-linting after each, as a user clicking every lightbulb in
 * turn would (a later suggestion sees the import an earlier one added).
 */
export function applySuggestionsOneByOne(
  code: string,
  filename: string,
  rules: Record<string, 'error' | 'off'>,
  settings?: Record<string, unknown>,
  order: 'first' | 'last' = 'first',
): string {
  let result = code;
  for (let round = 0; round < 100; round++) {
    const offered = lint(result, filename, rules, settings).filter(
      (message) => message.suggestions?.length,
    );
    const next = order === 'first' ? offered[0] : offered[offered.length - 1];
    if (!next) return result;
    const fix = next.suggestions![0].fix;
    result = result.slice(0, fix.range[0]) + fix.text + result.slice(fix.range[1]);
  }
  throw new Error('suggestions did not converge');
}
