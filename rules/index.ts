/**
 * The plugin object: `{ meta, rules, configs }` for flat config. Configs are derived from each
 * rule's `meta.docs.recommended`, never listed by hand.
 */
import type { Linter, Rule } from 'eslint';
import consistentFieldNames from './consistent-field-names';
import errorField from './error-field';
import eventSchema from './event-schema';
import eventNameFormat from './event-name-format';
import fieldsPosition from './fields-position';
import noConsole from './no-console';
import noDynamicMessage from './no-dynamic-message';
import noSensitiveData from './no-sensitive-data';
import noUnboundedMetricLabels from './no-unbounded-metric-labels';

import { ownPackage } from '../core/model/package-info';

const { name, version } = ownPackage();

const rules = {
  'consistent-field-names': consistentFieldNames,
  'error-field': errorField,
  'event-schema': eventSchema,
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
      .filter(
        ([, rule]) =>
          rule.meta.docs?.recommended !== undefined && allowed.includes(rule.meta.docs.recommended),
      )
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

/** JavaScript and TypeScript sources: the extensions the file-name patterns below accept. */
const SOURCE = '{js,jsx,mjs,cjs,ts,tsx,mts,cts}';

/**
 * Files whose console output is their interface or is never shipped: tests, fixtures, seeds,
 * examples, stories and command-line scripts (issue 21: about 80 of no-console's reports on five
 * real repositories were there, and on six more most reports of the message rules in CLIs, installers
 * and migrations were dismissed as their user interface). In these, the presets turn off no-console
 * and the rules about the shape of a log line (its message, its error, its keys against the catalog):
 * that text is read by a person at a terminal, not grouped by a log pipeline. A secret printed by a
 * test or a script still leaks into CI logs, so no-sensitive-data stays on there for secrets; the
 * personal and financial data an operator's script prints (a customer's email while it backfills
 * accounts) is its output, read once at that operator's terminal, and is not reported there (7 of 7
 * such reports in dub's scripts were dismissed). no-unbounded-metric-labels and fields-position stay
 * on (a field the logger drops is lost anywhere). Choices:
 *
 * - Folder patterns end in `/**`, which ESLint treats as "only files something else already lints":
 *   they never add a JSON, snapshot or Markdown file to a run.
 * - File-name patterns (`*.test.*`, `seed*`, `*.stories.*`) would add every file they match, so they
 *   name JavaScript and TypeScript extensions only: `a.test.ts.snap`, `Button.stories.mdx` and
 *   `seed.sql` stay out of the lint, as typescript-eslint's own configs name `.ts` and Storybook's
 *   name their story extensions.
 * - `__tests__`, `test`, `tests`, `e2e` (Cypress and Playwright folders), `*.test.*`, `*.spec.*`:
 *   Jest, Vitest, Mocha, node:test layouts. `fixtures`, `__fixtures__`: inputs to those tests.
 * - `seed*` files (Prisma's `prisma/seed.ts`, `seedUsers.ts`), `*.seed.*`, and `seeds/` (Knex) or
 *   `seeders/` (Sequelize) folders: one-off data loaders run by hand that report progress on the
 *   terminal. `seed*` also matches a `seedRandom.ts` helper: a missed console there costs less than
 *   a false report in every seed script.
 * - `scripts/`, `bin/`, `cli/` and `*-cli/` (NodeBB's `src/cli`, a `packages/foo-cli` package):
 *   command-line tools, whose output is the console. `migrations/` and `upgrades/`: schema and data
 *   migrations (Sequelize, Knex, TypeORM, NodeBB's upgrade scripts) that report progress on the
 *   terminal. `examples/`: code meant to be
 *   read and run. `*.stories.*`, `*.story.*`: Storybook demos.
 *
 * Not included: `commands/` (NestJS CQRS keeps server-side command handlers there), `spec/` (also
 * the name of API-specification folders), `__mocks__` (a mock that prints is usually a mistake).
 */
const CONSOLE_ALLOWED_FILES: readonly string[] = [
  `**/*.{test,spec}.${SOURCE}`,
  '**/__tests__/**',
  '**/test/**',
  '**/tests/**',
  '**/e2e/**',
  '**/__fixtures__/**',
  '**/fixtures/**',
  `**/seed*.${SOURCE}`,
  `**/*.seed.${SOURCE}`,
  '**/seeds/**',
  '**/seeders/**',
  '**/scripts/**',
  '**/bin/**',
  '**/cli/**',
  '**/*-cli/**',
  '**/migrations/**',
  '**/upgrades/**',
  '**/examples/**',
  `**/*.{stories,story}.${SOURCE}`,
];

/** The rules the presets turn off in CONSOLE_ALLOWED_FILES. */
const OFF_IN_CONSOLE_ALLOWED_FILES: readonly (keyof typeof rules)[] = [
  'no-console',
  'no-dynamic-message',
  'event-name-format',
  'error-field',
  'consistent-field-names',
  'event-schema',
];

const meta = { name, version, namespace: NAMESPACE };
const configs = {} as StructuredLoggingPlugin['configs'];
// typescript-eslint types a rule's context more narrowly than ESLint's RuleDefinition does
// (parserOptions, getAncestors...); at run time these are ordinary ESLint rules.
const plugin: StructuredLoggingPlugin = {
  meta,
  rules: rules as StructuredLoggingPlugin['rules'],
  configs,
};

// Each config is an array: it can be spread (`...configs.recommended`), used in `extends`, or placed
// as is in a config array. The first object turns the level's rules on everywhere; the second, scoped
// to CONSOLE_ALLOWED_FILES, turns no-console off there. It names the plugin too, so that it stands
// alone when `extends` narrows it with a `files` of its own, and it comes second so that a user's
// later entry can turn no-console back on (docs/ci.md, "Tests, scripts and CLIs").
for (const level of LEVELS) {
  const levelRules = rulesUpTo(level);
  const off = OFF_IN_CONSOLE_ALLOWED_FILES.map((ruleName) => `${NAMESPACE}/${ruleName}`).filter(
    (rule) => rule in levelRules,
  );
  configs[level] = [
    { name: `${NAMESPACE}/${level}`, plugins: { [NAMESPACE]: plugin }, rules: levelRules },
    {
      name: `${NAMESPACE}/${level}/console-allowed`,
      files: [...CONSOLE_ALLOWED_FILES],
      plugins: { [NAMESPACE]: plugin },
      rules: {
        ...Object.fromEntries(off.map((rule) => [rule, 'off' as const])),
        [`${NAMESPACE}/no-sensitive-data`]: ['error', { categories: ['secret'] }],
      },
    },
  ];
}

export = plugin;

// Never runs: Node's CommonJS lexer reads export names from this statement (esbuild writes the same
// annotation), so that ESM can also `import { configs } from 'eslint-plugin-structured-logging'`.
0 && (module.exports = { meta, rules, configs });
