/**
 * Codemod `structured-messages`: dynamic log messages become a constant event name plus fields,
 * in the shape each logger reads. The rewrite is `no-dynamic-message`'s suggestion, applied.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { browserLoggerReason } from '../core/console/console';
import { commandLineReason, mayContainLogCalls } from '../core/loggers/log-calls';
import { analyzeDeclaredLogCall } from '../core/loggers/contract';
import { messageOfCall, PRINTF_PLACEHOLDER } from '../core/messages/message';
import { structuredRewrite } from '../core/messages/rewrite';
import { toTransform, type Codemod, type Finding } from './engine';

const DYNAMIC_TEXT = new RegExp(
  `\\$\\{|['"\`]\\s*\\+|\\+\\s*['"\`]|${PRINTF_PLACEHOLDER}|format\\(|\\.join\\(|\\.concat\\(`,
);

export const structuredMessages: Codemod = {
  name: 'structured-messages',
  description:
    'Rewrite template, concatenated and printf-style log messages into event name + fields',
  rule: 'no-dynamic-message',
  // A dynamic message needs an interpolation, a string concatenation, a printf placeholder or a
  // builder call; files without one are never parsed.
  mayApply: (text, settings) => mayContainLogCalls(text, settings) && DYNAMIC_TEXT.test(text),
  collect(file, settings, cwd) {
    const findings: Finding[] = [];
    // A command-line tool's log lines are its interface (see commandLineReason): not reported, not rewritten.
    if (commandLineReason(file, settings)) return findings;
    for (const node of file.nodesOfType('CallExpression')) {
      const call = analyzeDeclaredLogCall(node, file, settings);
      // A front end's logger prints to devtools (see browserLoggerReason): not reported, not rewritten.
      if (!call || browserLoggerReason(call, file, cwd)) continue;
      const message = messageOfCall(call, file);
      if (message?.kind !== 'dynamic') continue;
      const rewrite = structuredRewrite(call, message, file, settings);
      findings.push(
        rewrite.ok
          ? { node: node as TSESTree.Node, edits: rewrite.edits }
          : { node, reason: rewrite.reason },
      );
    }
    return findings;
  },
};

const transform = toTransform(structuredMessages);
export default transform;
