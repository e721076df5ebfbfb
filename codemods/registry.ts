import type { Codemod } from './engine';
import { boundMetricLabels } from './bound-metric-labels';
import { consoleToLogger } from './console-to-logger';
import { redactSensitiveData } from './redact-sensitive-data';
import { structuredMessages } from './structured-messages';

/** Every codemod, in the order `codemod all` runs them on each file. */
// The calls console-to-logger creates are already structured, so the two first ones are independent;
// structured-messages goes first because console-to-logger adds an import, after which a later
// codemod must parse the file again. redact-sensitive-data after both: it sees the fields they created.
export const CODEMODS: readonly Codemod[] = [
  structuredMessages,
  consoleToLogger,
  redactSensitiveData,
  boundMetricLabels,
];

export function findCodemod(name: string): Codemod | undefined {
  return CODEMODS.find((codemod) => codemod.name === name);
}

/**
 * Rules with no codemod of their own, and why: the meta test requires every rule to have a codemod
 * (as its `rule`) or an entry here.
 */
export const RULES_WITHOUT_CODEMOD: Readonly<Record<string, string>> = {
  'fields-position':
    'its autofix is the codemod: `eslint --fix` swaps the arguments when that is safe',
  'error-field':
    'errors inside messages are rewritten by structured-messages; a stringified field value is a one-line suggestion that needs a human to pick the key',
  'event-name-format':
    'renaming a constant event breaks dashboards and alerts that match it; the suggestion is applied one name at a time, on purpose',
  'consistent-field-names':
    'renaming a field key breaks the queries and dashboards that read it: each rename is a reviewed suggestion, never a bulk rewrite',
  'event-schema':
    'the fix is a decision, not an edit: either the code is wrong, or the catalog is rewritten (`structured-logging catalog -o`) and the change reviewed',
};
