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
import { redactTargetOfCall } from '../core/loggers/contract';
import {
  creationCallAt,
  redactCovers,
  redactEdit,
  redactPathsFor,
  type RedactTarget,
} from '../core/loggers/redact';
import type { ParsedModel } from '../core/model/parse';
import { toTransform, type Codemod, type Finding } from './engine';

/** Call-site redactions held back while a pino creation in the same file may take their paths. */
interface SameFileRedaction {
  target: RedactTarget;
  paths: string[];
  /** What to do instead when the creation cannot take them. */
  fallback: Finding[];
}

/** One edit to the pino creation in this file, or the call-site redactions when it cannot be made. */
function sameFileFindings(file: ParsedModel, pending: SameFileRedaction): Finding[] {
  const creation = creationCallAt(file, pending.target.offset);
  const result = creation ? redactEdit(file, creation, pending.paths) : null;
  if (!creation || !result || 'reason' in result) return pending.fallback;
  return result.edits.length > 0 ? [{ node: creation, edits: result.edits }] : [];
}

export const redactSensitiveData: Codemod = {
  name: 'redact-sensitive-data',
  description:
    'Redact passwords, tokens, keys, card numbers and personal data in log and console calls',
  rule: 'no-sensitive-data',
  // The rule's suggestion is the literal redaction; wrapping and removing are codemod choices.
  // A pino logger created in the fixture takes the paths in its `redact` option instead.
  matchesSuggestions: (settings, input) =>
    settings.sensitive.redaction === 'literal' &&
    !(settings.sensitive.loggerRedact && /\bpino\s*\(/.test(input)),
  mayApply: mayContainSensitiveData,
  collect(file, settings, cwd, options = {}) {
    const findings: Finding[] = [];
    const sameFile = new Map<number, SameFileRedaction>();
    const viaLogger = settings.sensitive.loggerRedact && settings.sensitive.redaction === 'literal';
    // Wrapping needs the redactor imported.
    const redactor =
      settings.sensitive.redaction === 'wrap' ? settings.sensitive.redactor : undefined;
    for (const node of file.nodesOfType('CallExpression')) {
      if (node.arguments.length === 0) continue;
      const logged = loggedArguments(node, file, settings);
      if (!logged) continue;
      const all = findSensitiveData(logged.args, file, settings);
      const target = viaLogger && all.length > 0 ? redactTargetOfCall(node, file, settings) : null;
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
        // A pino logger takes its fields first, whatever the file alone told.
        const redactPaths = redactPathsFor(finding, logged.fieldsFirst || target !== null);
        const problem = !result.ok
          ? result.reason
          : redactor
            ? importProblem(file, redactor, cwd, 'sensitive.redactor')
            : null;
        const atCall: Finding =
          result.ok && problem === null
            ? { node: finding.node, edits: result.edits, redactPaths }
            : { node: finding.node, reason: problem!, redactPaths };
        if (!target || !redactPaths) {
          findings.push(atCall);
          continue;
        }
        // The logger censors these paths in every call: the value stays for the code that needs it.
        if (redactPaths.every((redacted) => redactCovers(target.paths, redacted))) continue;
        if (target.filename === file.filename) {
          const pending = sameFile.get(target.offset) ?? { target, paths: [], fallback: [] };
          pending.paths.push(...redactPaths);
          pending.fallback.push(atCall);
          sameFile.set(target.offset, pending);
        } else if (options.crossFileEdits) {
          const { filename, offset, where } = target;
          findings.push({
            node: finding.node,
            loggerRedaction: { filename, offset, where, paths: redactPaths },
            redactPaths,
          });
        } else findings.push(atCall);
      }
    }
    for (const pending of sameFile.values()) findings.push(...sameFileFindings(file, pending));
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
