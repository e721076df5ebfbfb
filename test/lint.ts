/** Lints a snippet with one or more of the plugin's rules, the way a user's ESLint would. */
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import plugin from '../rules/index';

export function lint(code: string, filename: string, rules: Record<string, 'error' | 'off'>, settings?: Record<string, unknown>): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: /\.[jt]sx$|\.js$/.test(filename) } } },
        plugins: { 'structured-logging': plugin as never },
        rules: Object.fromEntries(Object.entries(rules).map(([name, level]) => [`structured-logging/${name}`, level])),
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

/** Applies the first suggestion of every report, as a user clicking each lightbulb would. */
export function applyAllSuggestions(code: string, messages: readonly Linter.LintMessage[]): string {
  const fixes = messages.flatMap((message) => (message.suggestions?.[0] ? [message.suggestions[0].fix] : []));
  fixes.sort((a, b) => b.range[0] - a.range[0]);
  let result = code;
  for (const fix of fixes) result = result.slice(0, fix.range[0]) + fix.text + result.slice(fix.range[1]);
  return result;
}
