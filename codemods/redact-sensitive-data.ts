/**
 * Codemod `redact-sensitive-data`: sensitive values in log and console calls become '[REDACTED]'
 * (or a call to your redactor, or disappear), per `settings.sensitive.redaction`. What cannot be
 * redacted in place (whole headers, spreads) is listed with the reason; for pino calls, the field
 * paths are listed for pino's own `redact` option.
 */
import { importProblem, loggerImportEdit } from '../core/console/console';
import type { TSESTree } from '@typescript-eslint/utils';
import {
  findSensitiveData,
  loggedArguments,
  mayContainSensitiveData,
  redaction,
  removePropertiesEdits,
} from '../core/sensitive/sensitive-calls';
import { toTransform, type Codemod, type Finding } from './engine';

/** pino's `redact` paths for a whole risky object logged under a field. */
const RISKY_PATHS: Readonly<Record<string, readonly string[]>> = {
  headers: ['authorization', 'cookie', '["set-cookie"]', '["x-api-key"]'],
  cookies: ['*'],
};

export const redactSensitiveData: Codemod = {
  name: 'redact-sensitive-data',
  description:
    'Redact passwords, tokens, keys, card numbers and personal data in log and console calls',
  rule: 'no-sensitive-data',
  // The rule's suggestion is the literal redaction; wrapping and removing are codemod choices.
  matchesSuggestions: (settings) => settings.sensitive.redaction === 'literal',
  mayApply: mayContainSensitiveData,
  collect(file, settings, cwd) {
    const findings: Finding[] = [];
    // Wrapping needs the redactor imported.
    const redactor =
      settings.sensitive.redaction === 'wrap' ? settings.sensitive.redactor : undefined;
    for (const node of file.nodesOfType('CallExpression')) {
      if (node.arguments.length === 0) continue;
      const logged = loggedArguments(node, file, settings);
      if (!logged) continue;
      const all = findSensitiveData(logged.args, file, settings);
      // Removing fields is done per object, so adjacent removals never overlap.
      const removals =
        settings.sensitive.redaction === 'remove'
          ? all.filter((finding) => finding.kind === 'key' && finding.property)
          : [];
      const byObject = new Map<TSESTree.ObjectExpression, Set<TSESTree.Node>>();
      for (const finding of removals) {
        const object = finding.property!.parent as TSESTree.ObjectExpression;
        byObject.set(object, (byObject.get(object) ?? new Set()).add(finding.property!));
      }
      for (const [object, properties] of byObject)
        findings.push({ node: object, edits: removePropertiesEdits(object, properties, file) });
      for (const finding of all) {
        if (removals.includes(finding)) continue;
        const result = redaction(finding, file, settings);
        const last = finding.fieldPath?.split('.').pop() ?? '';
        const path = finding.fieldPath;
        const redactPaths =
          !logged.fieldsFirst || !path
            ? undefined
            : finding.kind === 'risky' && RISKY_PATHS[last]
              ? RISKY_PATHS[last].map((p) => (p.startsWith('[') ? `${path}${p}` : `${path}.${p}`))
              : [path];
        const problem = !result.ok
          ? result.reason
          : redactor
            ? importProblem(file, redactor, cwd, 'sensitive.redactor')
            : null;
        findings.push(
          result.ok && problem === null
            ? { node: finding.node, edits: result.edits, redactPaths }
            : { node: finding.node, reason: problem!, redactPaths },
        );
      }
    }
    return findings;
  },
  supportEdits(file, settings, cwd, firstChange) {
    const redactor =
      settings.sensitive.redaction === 'wrap' ? settings.sensitive.redactor : undefined;
    const edit = redactor ? loggerImportEdit(file, redactor, cwd, firstChange) : null;
    return edit ? [edit] : [];
  },
};

const transform = toTransform(redactSensitiveData);
export default transform;
