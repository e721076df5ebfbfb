import { eventOfCall } from '../core/catalog/extract';
import { CatalogError, catalogAt } from '../core/catalog/load';
import { schemaProblems } from '../core/catalog/schema';
import { isStringLiteral, unwrap } from '../core/model/ast';
import { quoteString } from '../core/messages/rewrite';
import { createRule, onLogMessage, settingsFor } from './utils';

export type Options = [{ catalog?: string }];
export type MessageIds =
  'unknownEvent' | 'unexpectedField' | 'missingField' | 'useEvent' | 'catalogProblem';

export default createRule<Options, MessageIds>({
  name: 'event-schema',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require each log event and its fields to match the committed telemetry catalog (settings.catalog)',
      recommended: 'strict',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          catalog: {
            type: 'string',
            minLength: 1,
            description:
              'The catalog file, relative to the working directory (default: settings.catalog)',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{}],
    messages: {
      unknownEvent:
        "Event '{{name}}' is not in {{catalog}}.{{hint}} A new event is an interface change: rewrite the catalog (structured-logging catalog -o {{catalog}}) and commit it with this change.",
      unexpectedField:
        "Field '{{key}}' is not in {{catalog}} for '{{name}}' (its fields: {{expected}}); a new or renamed field is an interface change: rewrite the catalog and commit it.",
      missingField:
        "'{{name}}' always has the field '{{key}}' in {{catalog}}; this call does not log it, so queries on '{{key}}' miss this line.",
      useEvent: "Use '{{name}}'.",
      catalogProblem: "settings['structured-logging'].catalog: {{problem}}",
    },
  },
  create(context, [options]) {
    // Without a catalog the rule has nothing to compare with, and says nothing.
    const catalogFile = options.catalog ?? settingsFor(context).catalog;
    if (catalogFile === undefined) return {};
    let reportedProblem = false;
    return onLogMessage(context, (call, message, file, settings) => {
      const event = eventOfCall(call, file, settings);
      if (!event) return;
      const catalog = catalogAt(catalogFile, context.cwd);
      if (catalog instanceof CatalogError) {
        // Once per file: every event of the file would repeat it.
        if (!reportedProblem)
          context.report({
            node: message.node,
            messageId: 'catalogProblem',
            data: { problem: catalog.message },
          });
        reportedProblem = true;
        return;
      }
      if (!catalog) return;
      for (const problem of schemaProblems(event.name, event.fields, event.open, catalog)) {
        const data = { name: problem.name, catalog: catalogFile };
        if (problem.problem === 'unknownEvent') {
          const literal = unwrap(message.node);
          const closest = problem.closest;
          context.report({
            node: message.node,
            messageId: 'unknownEvent',
            data: { ...data, hint: closest ? ` Did you mean '${closest}'?` : '' },
            suggest:
              closest && isStringLiteral(literal)
                ? [
                    {
                      messageId: 'useEvent',
                      data: { name: closest },
                      fix: (fixer) =>
                        fixer.replaceText(
                          literal,
                          quoteString(closest, context.sourceCode.getText(literal).charAt(0)),
                        ),
                    },
                  ]
                : [],
          });
        } else if (problem.problem === 'unexpectedField')
          context.report({
            node: problem.field.property ?? call.node,
            messageId: 'unexpectedField',
            data: {
              ...data,
              key: problem.field.key,
              expected: problem.expected.join(', ') || 'none',
            },
          });
        else
          context.report({
            node: call.node,
            messageId: 'missingField',
            data: { ...data, key: problem.key },
          });
      }
    });
  },
});
