/**
 * The plugin object: `{ meta, rules, configs }` for flat config. Configs are derived from each
 * rule's `meta.docs.recommended`, never listed by hand.
 */
import type { Linter, Rule } from 'eslint';
import errorField from './error-field';
import eventNameFormat from './event-name-format';
import fieldsPosition from './fields-position';
import noConsole from './no-console';
import noDynamicMessage from './no-dynamic-message';
import noSensitiveData from './no-sensitive-data';
import noUnboundedMetricLabels from './no-unbounded-metric-labels';

import { ownPackage } from '../core/model/package-info';

const { name, version } = ownPackage();

const rules = {
  'error-field': errorField,
  'event-name-format': eventNameFormat,
  'fields-position': fieldsPosition,
  'no-console': noConsole,
  'no-dynamic-message': noDynamicMessage,
  'no-sensitive-data': noSensitiveData,
  'no-unbounded-metric-labels': noUnboundedMetricLabels,
};

type Level = 'recommended' | 'strict';
const LEVELS: readonly Level[] = ['recommended', 'strict'];
const NAMESPACE = 'structured-logging';

function rulesUpTo(level: Level): Linter.RulesRecord {
  const allowed = LEVELS.slice(0, LEVELS.indexOf(level) + 1);
  return Object.fromEntries(
    Object.entries(rules)
      .filter(([, rule]) => rule.meta.docs?.recommended !== undefined && allowed.includes(rule.meta.docs.recommended))
      .map(([ruleName]) => [`${NAMESPACE}/${ruleName}`, 'error']),
  );
}

/**
 * The plugin in ESLint's own types, as eslint-plugin-unicorn's declarations have it, so that
 * `defineConfig(structuredLogging.configs.recommended)`, `satisfies Linter.Config[]` and
 * `const plugin: ESLint.Plugin = structuredLogging` type-check against the ESLint the user has (9 or
 * 10): the declarations name these types, never copy them. typescript-eslint's config types are not
 * ESLint's (its LanguageOptions has no index signature), so nothing exported is typed with them
 * alone; each rule is also ESLint's Rule.RuleModule, and keeps its typescript-eslint type (options,
 * message ids, docs.recommended).
 */
type StructuredLoggingPlugin = {
  meta: { name: string; version: string; namespace: string };
  rules: { [Name in keyof typeof rules]: (typeof rules)[Name] & Rule.RuleModule };
  configs: Record<Level, Linter.Config[]>;
};

const meta = { name, version, namespace: NAMESPACE };
const configs = {} as StructuredLoggingPlugin['configs'];
// typescript-eslint types a rule's context more narrowly than ESLint's RuleDefinition does
// (parserOptions, getAncestors...); at run time these are ordinary ESLint rules.
const plugin: StructuredLoggingPlugin = { meta, rules: rules as StructuredLoggingPlugin['rules'], configs };

// Each config is an array of one object: it can be spread (`...configs.recommended`), used in
// `extends`, or placed as is in a config array.
for (const level of LEVELS) {
  configs[level] = [{ name: `${NAMESPACE}/${level}`, plugins: { [NAMESPACE]: plugin }, rules: rulesUpTo(level) }];
}

export = plugin;

// Never runs: Node's CommonJS lexer reads export names from this statement (esbuild writes the same
// annotation), so that ESM can also `import { configs } from 'eslint-plugin-structured-logging'`.
0 && (module.exports = { meta, rules, configs });
