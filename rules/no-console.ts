import type { TSESTree } from '@typescript-eslint/utils';
import { consoleAccess, consoleRewrite, isGlobalConsole, loggerImportEdit } from '../core/console';
import { createRule, editsToFix, lazyFile, previewText } from './utils';

export type Options = [{ allow?: string[] }];
export type MessageIds = 'consoleCall' | 'streamWrite' | 'consoleDestructured' | 'useLogger';

export default createRule<Options, MessageIds>({
  name: 'no-console',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow console output and writes to process.stdout/stderr; log through the structured logger',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: { type: 'array', items: { type: 'string' }, uniqueItems: true, description: "console methods to allow, e.g. ['warn', 'error']; 'stdout' and 'stderr' allow process writes" },
        },
      },
    ],
    defaultOptions: [{ allow: [] }],
    messages: {
      consoleCall: 'console.{{method}} prints unstructured text outside the log pipeline; use the structured logger.',
      streamWrite: 'process.{{stream}}.write prints unstructured text outside the log pipeline; use the structured logger.',
      consoleDestructured: 'Destructuring console hides console output from review; use the structured logger.',
      useLogger: 'Replace with {{preview}}',
    },
  },
  create(context, [{ allow = [] }]) {
    const { file, settings } = lazyFile(context);
    return {
      MemberExpression(node) {
        // Cheap name test first: only `console`, `globalThis.console`... or `.write` can match.
        const object = node.object;
        const named = object.type === 'Identifier' ? object.name === 'console' : object.type === 'MemberExpression';
        if (!named) return;
        const access = consoleAccess(node, file());
        if (!access || allow.includes(access.stream === 'console' ? access.method : access.stream)) return;
        const call = node.parent.type === 'CallExpression' && node.parent.callee === node ? node.parent : undefined;
        const rewrite = call ? consoleRewrite(call, access, file(), settings()) : undefined;
        const logger = settings().logger;
        const importEdit = rewrite?.ok && logger ? loggerImportEdit(file(), logger, context.cwd, node.range[0]) : null;
        context.report({
          node,
          messageId: access.stream === 'console' ? 'consoleCall' : 'streamWrite',
          data: { method: access.method, stream: access.stream },
          suggest: rewrite?.ok ? [{ messageId: 'useLogger', data: { preview: previewText(rewrite.preview) }, fix: editsToFix(importEdit ? [...rewrite.edits, importEdit] : rewrite.edits) }] : [],
        });
      },
      VariableDeclarator(node: TSESTree.VariableDeclarator) {
        if (node.id.type === 'ObjectPattern' && node.init && isGlobalConsole(node.init, file())) {
          context.report({ node, messageId: 'consoleDestructured' });
        }
      },
    };
  },
});
