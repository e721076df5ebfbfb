import type { TSESTree } from '@typescript-eslint/utils';
import { consoleAccess, consoleRewrite, isGlobalConsole, loggerImportEdit, mayContainConsole } from '../core/console';
import { createRule, editsToFix, fileMayContain, lazyFile, previewText } from './utils';

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
    if (!fileMayContain(context, mayContainConsole)) return {};
    return {
      // Selectors do the cheap name test before any of this code runs: only `console.x`,
      // `globalThis.console.x` and `*.write` reach it.
      'MemberExpression[object.name="console"], MemberExpression[object.property.name="console"], MemberExpression[property.name="write"]'(node: TSESTree.MemberExpression) {
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
