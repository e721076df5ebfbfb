/**
 * The plugin object: `{ meta, rules, configs }` for flat config. Configs are derived from each
 * rule's `meta.docs.recommended`, never listed by hand.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import errorField from './error-field';
import eventNameFormat from './event-name-format';
import fieldsPosition from './fields-position';
import noConsole from './no-console';
import noDynamicMessage from './no-dynamic-message';
import noSensitiveData from './no-sensitive-data';
import noUnboundedMetricLabels from './no-unbounded-metric-labels';

import { ownPackage } from '../core/package-info';

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

function rulesUpTo(level: Level): Record<string, TSESLint.SharedConfig.RuleLevel> {
  const allowed = LEVELS.slice(0, LEVELS.indexOf(level) + 1);
  return Object.fromEntries(
    Object.entries(rules)
      .filter(([, rule]) => rule.meta.docs?.recommended !== undefined && allowed.includes(rule.meta.docs.recommended))
      .map(([ruleName]) => [`${NAMESPACE}/${ruleName}`, 'error']),
  );
}

const plugin = {
  meta: { name, version, namespace: NAMESPACE },
  rules,
  configs: {} as Record<Level, TSESLint.FlatConfig.ConfigArray>,
};

// Each config is an array of one object: it can be spread (`...configs.recommended`), used in
// `extends`, or placed as is in a config array.
for (const level of LEVELS) {
  plugin.configs[level] = [{ name: `${NAMESPACE}/${level}`, plugins: { [NAMESPACE]: plugin as unknown as TSESLint.FlatConfig.Plugin }, rules: rulesUpTo(level) }];
}

export = plugin;
