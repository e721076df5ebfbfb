import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isSideEffectFree, isStringLiteral, unwrap } from '../core/model/ast';
import { isErrorExpression } from '../core/messages/fields';
import { analyzeLogCall, isStringLike, mayContainLogCalls } from '../core/loggers/log-calls';
import { hasPrintfPlaceholder } from '../core/messages/message';
import { contractOf } from '../core/loggers/contract';
import { isFieldsFirst } from '../core/model/settings';
import { createRule, fileMayContain, lazyFile } from './utils';

export type Options = [];
export type MessageIds =
  'fieldsAfterMessage' | 'fieldsBeforeMessage' | 'swapArguments' | 'styleContradicted';

export default createRule<Options, MessageIds>({
  name: 'fields-position',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require the fields object where the logger reads it: first for pino and bunyan, after the message for winston and NestJS',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    defaultOptions: [],
    messages: {
      fieldsAfterMessage:
        '{{style}} reads fields only from the first argument; this object after the message is silently dropped.',
      fieldsBeforeMessage:
        '{{style}} takes the message first; this fields object before it is not read as fields.',
      swapArguments: 'Swap the fields and the message.',
      styleContradicted:
        "settings['structured-logging'].style says {{configured}}, but {{where}} makes this a {{family}} logger, which takes {{order}}: not fixed; correct the style setting (or set it to 'auto').",
    },
  },
  create(context) {
    const { file, settings } = lazyFile(context);
    // The same text test as the other log-call rules: no listener at all on a file that logs nothing.
    if (!fileMayContain(context, mayContainLogCalls)) return {};
    return {
      CallExpression(node) {
        if (node.arguments.length !== 2) return;
        const call = analyzeLogCall(node, file(), settings());
        if (!call?.style || call.levelIndex !== undefined || call.infoObject) return;
        const [first, second] = node.arguments as TSESTree.Expression[];
        let misplaced: TSESTree.Expression | undefined;
        let messageId: MessageIds;
        if (isFieldsFirst(call.style)) {
          // A string message followed by an object or an error, with no placeholder to consume it.
          const firstTarget = unwrap(first);
          if (
            !isStringLike(firstTarget) ||
            (isStringLiteral(firstTarget) && hasPrintfPlaceholder(firstTarget.value))
          )
            return;
          if (
            firstTarget.type === 'TemplateLiteral' &&
            firstTarget.quasis.some((quasi) => hasPrintfPlaceholder(quasi.value.raw))
          )
            return;
          if (unwrap(second).type !== 'ObjectExpression' && !isErrorExpression(second, file()))
            return;
          misplaced = second;
          messageId = 'fieldsAfterMessage';
        } else {
          if (unwrap(first).type !== 'ObjectExpression' || !isStringLike(second)) return;
          misplaced = first;
          messageId = 'fieldsBeforeMessage';
        }
        // A configured style the logger's own definition contradicts would fix the call into a shape
        // its logger drops: say so instead. Without a configured style, the definition wins silently.
        const answer = contractOf(call, file(), settings());
        if (
          answer.ok &&
          answer.contract.source.how !== 'settings' &&
          isFieldsFirst(answer.contract.style) !== isFieldsFirst(call.style)
        ) {
          if (settings().style === 'auto') return;
          const { contract } = answer;
          context.report({
            node: misplaced,
            messageId: 'styleContradicted',
            data: {
              configured: `'${settings().style}'`,
              where: contract.source.where
                ? `${contract.source.where} (${contract.source.what})`
                : contract.source.what,
              family: contract.family ?? 'own',
              order: isFieldsFirst(contract.style) ? 'fields first' : 'the message first',
            },
          });
          return;
        }
        // Each argument moves with the comments written before it (`/* fields */ { id }`).
        const withComments = (argument: TSESTree.Node): [number, number] => [
          context.sourceCode.getCommentsBefore(argument)[0]?.range[0] ?? argument.range[0],
          argument.range[1],
        ];
        const [firstRange, secondRange] = [withComments(first), withComments(second)];
        const swap = (fixer: TSESLint.RuleFixer) => [
          fixer.replaceTextRange(firstRange, context.sourceCode.text.slice(...secondRange)),
          fixer.replaceTextRange(secondRange, context.sourceCode.text.slice(...firstRange)),
        ];
        // Swapping reorders evaluation; only an autofix when neither side can have an effect.
        const safe = isSideEffectFree(first) && isSideEffectFree(second);
        const style = call.style.charAt(0).toUpperCase() + call.style.slice(1);
        context.report({
          node: misplaced,
          messageId,
          data: { style: style === 'Nestjs' ? 'NestJS' : style },
          fix: safe ? swap : null,
          suggest: safe ? [] : [{ messageId: 'swapArguments', fix: swap }],
        });
      },
    };
  },
});
