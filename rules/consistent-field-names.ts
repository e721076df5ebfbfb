import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  indexOfCatalog,
  indexOfFields,
  inconsistency,
  type Inconsistency,
} from '../core/catalog/consistency';
import { fieldsOfCall, type FieldOccurrence } from '../core/catalog/fields';
import { CatalogError, catalogAt } from '../core/catalog/load';
import { analyzeLogCall, mayContainLogCalls } from '../core/loggers/log-calls';
import { isIdentifierName } from '../core/messages/naming';
import { createRule, fileMayContain, lazyFile } from './utils';

export type Options = [];
export type MessageIds = Inconsistency['problem'] | 'renameKey' | 'catalogProblem';

/** Renames the key of a property; null when the object already has the new key. */
function renameFix(
  property: TSESTree.Property,
  preferred: string,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESLint.ReportFixFunction | null {
  const object = property.parent as TSESTree.ObjectExpression;
  const taken = object.properties.some(
    (other) =>
      other !== property &&
      other.type === 'Property' &&
      !other.computed &&
      ((other.key.type === 'Identifier' && other.key.name === preferred) ||
        (other.key.type === 'Literal' && other.key.value === preferred)),
  );
  if (taken) return null;
  const key = isIdentifierName(preferred) ? preferred : JSON.stringify(preferred);
  if (property.shorthand)
    return (fixer) => fixer.replaceText(property, `${key}: ${sourceCode.getText(property.value)}`);
  return (fixer) => fixer.replaceText(property.key, property.computed ? `[${key}]` : key);
}

export default createRule<Options, MessageIds>({
  name: 'consistent-field-names',
  meta: {
    type: 'suggestion',
    docs: {
      description:
        "Require one key per logged value and the project's field case, as the catalog (or the file) uses most",
      recommended: 'strict',
    },
    hasSuggestions: true,
    schema: [],
    defaultOptions: [],
    messages: {
      sameValue:
        "'{{key}}' logs `{{value}}`, which the project logs as '{{preferred}}' ({{uses}} uses): one value, one key, or queries miss half the lines.",
      sameSpelling:
        "'{{key}}' is '{{preferred}}' spelled another way ('{{preferred}}' has {{uses}} uses): one field, one spelling.",
      fieldCase:
        "'{{key}}' breaks the project's {{fieldCase}} case field names; use '{{preferred}}'.",
      renameKey: "Rename the key to '{{preferred}}'.",
      catalogProblem: "settings['structured-logging'].catalog: {{problem}}",
    },
  },
  create(context) {
    const { file, settings } = lazyFile(context);
    if (!fileMayContain(context, mayContainLogCalls)) return {};
    const fields: Array<FieldOccurrence & { property: TSESTree.Property }> = [];
    return {
      CallExpression(node) {
        const call = analyzeLogCall(node, file(), settings());
        if (!call) return;
        for (const field of fieldsOfCall(call, file(), settings()).fields)
          if (field.property) fields.push(field as (typeof fields)[number]);
      },
      'Program:exit'() {
        if (fields.length === 0) return;
        const catalog = catalogAt(settings().catalog, context.cwd);
        if (catalog instanceof CatalogError) {
          context.report({
            node: fields[0].property,
            messageId: 'catalogProblem',
            data: { problem: catalog.message },
          });
          return;
        }
        const index = catalog ? indexOfCatalog(catalog) : indexOfFields(fields);
        for (const field of fields) {
          const found = inconsistency(field.key, field.value, index, settings());
          if (!found) continue;
          const fix = renameFix(field.property, found.preferred, context.sourceCode);
          context.report({
            node: field.property.key,
            messageId: found.problem,
            data: { ...found, uses: 'uses' in found ? String(found.uses) : '' },
            suggest: fix
              ? [{ messageId: 'renameKey', data: { preferred: found.preferred }, fix }]
              : [],
          });
        }
      },
    };
  },
});
