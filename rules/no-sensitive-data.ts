import type { Settings } from '../core/model/settings';
import {
  findSensitiveData,
  loggedArguments,
  mayContainSensitiveData,
  redaction,
  REDACTED,
  type SensitiveKind,
} from '../core/sensitive/sensitive-calls';
import { createRule, editsToFix, fileMayContain, lazyFile } from './utils';
import { loggerCensors } from '../core/loggers/contract';

type Category = Settings['sensitive']['categories'][number];
export type Options = [{ categories?: Category[] }];
export type MessageIds =
  | 'sensitiveKey'
  | 'sensitiveValue'
  | 'sensitiveSpread'
  | 'riskyObject'
  | 'secretLiteral'
  | 'redact';

const MESSAGE: Record<SensitiveKind, MessageIds> = {
  key: 'sensitiveKey',
  value: 'sensitiveValue',
  spread: 'sensitiveSpread',
  risky: 'riskyObject',
  shape: 'secretLiteral',
};

export default createRule<Options, MessageIds>({
  name: 'no-sensitive-data',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow secrets and personal data in log calls: sensitive field names, values, whole headers or environments, and secret-shaped literals',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          categories: {
            type: 'array',
            items: { type: 'string', enum: ['secret', 'financial', 'personal'] },
            uniqueItems: true,
            description:
              "report only these categories of the settings' (the presets use ['secret'] in tests and scripts)",
          },
        },
      },
    ],
    defaultOptions: [{}],
    messages: {
      sensitiveKey: "Field '{{what}}' logs {{category}} data; redact it or leave it out.",
      sensitiveValue: '`{{what}}` logs {{category}} data; redact it or leave it out.',
      sensitiveSpread:
        'Spreading `{{what}}` copies {{category}} data into the log line; pick the fields you need.',
      riskyObject:
        '`{{what}}` is logged whole and carries credentials (authorization, cookies, keys); log the fields you need.',
      secretLiteral:
        'This literal looks like a {{what}}; never log it (and do not keep it in source).',
      redact: "Replace with '{{redacted}}'",
    },
  },
  create(context, [{ categories }]) {
    const { file, settings } = lazyFile(context);
    // A person's email printed by an operator's script reaches a terminal, a secret reaches CI logs too.
    const reported = (category: string) =>
      !categories || !isCategory(category) || categories.includes(category);
    if (!fileMayContain(context, mayContainSensitiveData)) return {};
    return {
      CallExpression(node) {
        if (node.arguments.length === 0) return;
        const logged = loggedArguments(node, file(), settings());
        if (!logged) return;
        const censored = loggerCensors(node, file(), settings());
        for (const finding of findSensitiveData(logged.args, file(), settings())) {
          if (censored(finding) || !reported(finding.category)) continue;
          const redacted = redaction(finding, file(), literalRedaction(settings()));
          context.report({
            node: finding.node,
            messageId: MESSAGE[finding.kind],
            data: {
              what: finding.what,
              category: finding.category === 'secret' ? 'secret' : finding.category,
            },
            suggest: redacted.ok
              ? [
                  {
                    messageId: 'redact',
                    data: { redacted: REDACTED },
                    fix: editsToFix(redacted.edits),
                  },
                ]
              : [],
          });
        }
      },
    };
  },
});

const literalSettings = new WeakMap<Settings, Settings>();

/** The suggestion always uses the literal: wrapping needs an import the editor should not guess. */
function literalRedaction(settings: Settings): Settings {
  let literal = literalSettings.get(settings);
  if (!literal)
    literalSettings.set(
      settings,
      (literal = { ...settings, sensitive: { ...settings.sensitive, redaction: 'literal' } }),
    );
  return literal;
}

function isCategory(category: string): category is Category {
  return category === 'secret' || category === 'financial' || category === 'personal';
}
