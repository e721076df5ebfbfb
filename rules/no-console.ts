import type { TSESTree } from '@typescript-eslint/utils';
import {
  browserCallbackReason,
  scriptEntryReason,
  loggerImplementationReason,
  consoleAccess,
  consoleDirectiveReason,
  consoleFileVerdict,
  consoleRewrite,
  importProblem,
  isGlobalConsole,
  loggerImportEdit,
  mayContainConsole,
  writesToStderr,
  type ConsoleFileVerdict,
} from '../core/console/console';
import { createRule, editsToFix, fileMayContain, lazyFile, previewText } from './utils';

export type Options = [{ allow?: string[] }];
export type MessageIds =
  'consoleCall' | 'streamWrite' | 'consoleDestructured' | 'protocolStdout' | 'useLogger';

export default createRule<Options, MessageIds>({
  name: 'no-console',
  meta: {
    type: 'suggestion',
    docs: {
      description:
        'Disallow console output and writes to process.stdout/stderr; log through the structured logger',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              "console methods to allow, e.g. ['warn', 'error']; 'stdout' and 'stderr' allow process writes",
          },
        },
      },
    ],
    defaultOptions: [{ allow: [] }],
    messages: {
      consoleCall:
        'console.{{method}} prints unstructured text outside the log pipeline; use the structured logger.',
      streamWrite:
        'process.{{stream}}.write prints unstructured text outside the log pipeline; use the structured logger.',
      consoleDestructured:
        'Destructuring console hides console output from review; use the structured logger.',
      protocolStdout:
        "{{what}} writes to stdout, which carries this file's protocol; write diagnostics to stderr (console.error).",
      useLogger: 'Replace with {{preview}}',
    },
  },
  create(context, [{ allow = [] }]) {
    const { file, settings } = lazyFile(context);
    if (!fileMayContain(context, mayContainConsole)) return {};
    let fileVerdict: ConsoleFileVerdict | null | undefined;
    const verdict = () =>
      fileVerdict === undefined
        ? (fileVerdict = consoleFileVerdict(file(), settings(), context.cwd))
        : fileVerdict;
    // A require must come before the first rewritten call, whichever suggestion is applied first
    // (ESLint visits calls in source order, as the codemod finds its first change).
    let firstRewritten: number | undefined;
    return {
      MemberExpression(node) {
        // A plain listener with the name test inline: three attribute selectors made ESLint run its
        // selector matcher three times on every member expression of the file.
        if (!namesConsoleOrWrite(node)) return;
        const access = consoleAccess(node, file());
        if (!access || allow.includes(access.stream === 'console' ? access.method : access.stream))
          return;
        // Output the team allows with a disable comment for the core no-console (another rule id).
        if (consoleDirectiveReason(node, file())) return;
        // Browser code prints to devtools, not the service's logs; beside a stdout protocol, stderr is the log channel.
        if (
          browserCallbackReason(node, file()) ||
          scriptEntryReason(node, file()) ||
          verdict()?.kind === 'client' ||
          verdict()?.kind === 'command-line' ||
          (verdict() && writesToStderr(access))
        )
          return;
        // The logger's own implementation prints, or console is wired into one: that is no stray output.
        if (loggerImplementationReason(node)) return;
        if (verdict()) {
          const what =
            access.stream === 'console'
              ? `console.${access.method}`
              : `process.${access.stream}.write`;
          context.report({ node, messageId: 'protocolStdout', data: { what } });
          return;
        }
        const call =
          node.parent.type === 'CallExpression' && node.parent.callee === node
            ? node.parent
            : undefined;
        const logger = settings().logger;
        // Without an import Node can load, there is nothing to suggest (console-to-logger skips it too).
        const rewrite =
          call && logger && !importProblem(file(), logger, context.cwd, 'logger')
            ? consoleRewrite(call, access, file(), settings(), context.cwd)
            : undefined;
        if (rewrite?.ok) firstRewritten ??= node.range[0];
        const importEdit =
          rewrite?.ok && logger
            ? loggerImportEdit(file(), logger, context.cwd, firstRewritten, settings())
            : null;
        context.report({
          node,
          messageId: access.stream === 'console' ? 'consoleCall' : 'streamWrite',
          data: { method: access.method, stream: access.stream },
          suggest: rewrite?.ok
            ? [
                {
                  messageId: 'useLogger',
                  data: { preview: previewText(rewrite.preview) },
                  fix: editsToFix(importEdit ? [...rewrite.edits, importEdit] : rewrite.edits),
                },
              ]
            : [],
        });
      },
      VariableDeclarator(node: TSESTree.VariableDeclarator) {
        if (
          node.id.type === 'ObjectPattern' &&
          node.init &&
          isGlobalConsole(node.init, file()) &&
          !consoleDirectiveReason(node, file()) &&
          !browserCallbackReason(node, file()) &&
          verdict()?.kind !== 'client'
        ) {
          context.report({ node, messageId: 'consoleDestructured' });
        }
      },
    };
  },
});

/** `console.x`, `globalThis.console.x` (any receiver) or `*.write`: the only shapes consoleAccess accepts. */
function namesConsoleOrWrite(node: TSESTree.MemberExpression): boolean {
  const { object, property } = node;
  if (object.type === 'Identifier' && object.name === 'console') return true;
  if (
    object.type === 'MemberExpression' &&
    object.property.type === 'Identifier' &&
    object.property.name === 'console'
  )
    return true;
  return property.type === 'Identifier' && property.name === 'write';
}
