import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { staticKeyName, unwrap } from '../core/model/ast';
import { isErrorExpression, logsErrorObject, stringifiedError } from '../core/messages/fields';
import type { FileModel } from '../core/model/file';
import { analyzeLogCall, mayContainLogCalls, type LogCall } from '../core/loggers/log-calls';
import { infoMessageProperty, messageOfCall } from '../core/messages/message';
import { callErrorKey, errorKeyMismatch } from '../core/loggers/contract';
import { structuredRewrite } from '../core/messages/rewrite';
import { isFieldsFirst } from '../core/model/settings';
import { createRule, editsToFix, fileMayContain, lazyFile, previewText } from './utils';

export type Options = [];
export type MessageIds =
  | 'stringifiedError'
  | 'stringifiedErrorNoKey'
  | 'errorUnderOtherKey'
  | 'useErrorObject'
  | 'useStructuredCall';

type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

export default createRule<Options, MessageIds>({
  name: 'error-field',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require errors to be logged as objects under the error key, not as text that loses the stack',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    schema: [],
    defaultOptions: [],
    messages: {
      stringifiedError:
        '{{how}} logs the error as text and loses its stack and properties; log the error object under `{{key}}`.',
      stringifiedErrorNoKey:
        '{{how}} logs the error as text and loses its stack; this logger prints an Error nested in fields as {}, so pass the error as the whole fields argument (or in a call of its own).',
      errorUnderOtherKey:
        '{{logger}} serialises an Error only under `{{key}}`; under `{{own}}` it prints {}, losing its message and stack.',
      useErrorObject: 'Log the error object under `{{key}}`.',
      useStructuredCall: 'Rewrite as {{preview}}',
    },
  },
  create(context) {
    const { file, settings } = lazyFile(context);

    function reportMessageParts(call: LogCall): void {
      const message = messageOfCall(call, file());
      if (!message) return;
      const style = call.style;
      if (message.kind === 'unknown') {
        const stringified = stringifiedError(message.node, file());
        if (!stringified || logsErrorObject(call, stringified.error, 0, file())) return;
        const key = callErrorKey(call, file(), settings()) ?? 'err';
        // pino and bunyan log an Error passed as the only argument with its message and stack.
        const suggest: Suggestion[] =
          style && isFieldsFirst(style) && call.args.length === 1
            ? [
                {
                  messageId: 'useErrorObject',
                  data: { key },
                  fix: (fixer) =>
                    fixer.replaceText(message.node, file().getText(stringified.error)),
                },
              ]
            : [];
        context.report({
          node: message.node,
          messageId: 'stringifiedError',
          data: { how: stringified.how, key },
          suggest,
        });
        return;
      }
      if (message.kind !== 'dynamic') return;
      let rewrite: ReturnType<typeof structuredRewrite> | undefined;
      for (const part of message.parts) {
        if (part.kind !== 'value') continue;
        const stringified =
          stringifiedError(part.node, file()) ??
          (isErrorExpression(part.node, file())
            ? { how: 'Interpolating an error', error: part.node }
            : null);
        if (!stringified || logsErrorObject(call, stringified.error, message.consumedArgs, file()))
          continue;
        // Only computed for calls that have something to report.
        rewrite ??= structuredRewrite(call, message, file(), settings());
        const suggest: Suggestion[] = rewrite.ok
          ? [
              {
                messageId: 'useStructuredCall',
                data: { preview: previewText(rewrite.preview) },
                fix: editsToFix(rewrite.edits),
              },
            ]
          : [];
        context.report({
          node: part.node,
          messageId: 'stringifiedError',
          data: { how: stringified.how, key: callErrorKey(call, file(), settings()) ?? 'error' },
          suggest,
        });
      }
    }

    /** An Error under a key its logger does not serialise (pino's `{ error }`) prints `{}`. */
    function reportErrorUnderOtherKey(
      call: LogCall,
      property: TSESTree.Property,
      keys: ReadonlySet<string | null>,
    ): void {
      const own = staticKeyName(property);
      const mismatch = own === null ? null : errorKeyMismatch(call, own, file(), settings());
      if (!mismatch || keys.has(mismatch.key)) return;
      const { key, logger } = mismatch;
      const valueText = context.sourceCode.getText(property.value);
      const fix = (fixer: TSESLint.RuleFixer) =>
        fixer.replaceText(property, valueText === key ? key : `${key}: ${valueText}`);
      context.report({
        node: property,
        messageId: 'errorUnderOtherKey',
        data: { logger, key, own },
        suggest: [{ messageId: 'useErrorObject', data: { key }, fix }],
      });
    }

    function reportFieldValues(
      call: LogCall,
      object: TSESTree.ObjectExpression,
      model: FileModel,
      skip?: TSESTree.Node,
    ): void {
      let contractKey: string | null | undefined;
      const keys = new Set(
        object.properties.map((p) => (p.type === 'Property' ? staticKeyName(p) : null)),
      );
      for (const property of object.properties) {
        if (property.type !== 'Property' || property.value === skip) continue;
        const value = unwrap(property.value);
        if (value.type === 'ObjectExpression') {
          reportFieldValues(call, value, model);
          continue;
        }
        if (isErrorExpression(value, model)) {
          reportErrorUnderOtherKey(call, property, keys);
          continue;
        }
        const stringified = stringifiedError(value, model);
        if (!stringified || logsErrorObject(call, stringified.error, 0, model)) continue;
        if (contractKey === undefined) contractKey = callErrorKey(call, file(), settings());
        if (contractKey === null) {
          // Nested in the fields, an Error prints {} through this logger: the text is all that survives.
          context.report({
            node: property.value,
            messageId: 'stringifiedErrorNoKey',
            data: { how: stringified.how },
          });
          continue;
        }
        const key = contractKey;
        const errorText = model.getText(stringified.error);
        const ownKey = staticKeyName(property);
        // Rename to the error key when that does not collide with another property.
        const newKey = ownKey === key || !keys.has(key) ? key : ownKey;
        const text = newKey === errorText ? newKey : `${newKey}: ${errorText}`;
        context.report({
          node: property.value,
          messageId: 'stringifiedError',
          data: { how: stringified.how, key: newKey ?? key },
          suggest: [
            {
              messageId: 'useErrorObject',
              data: { key: newKey ?? key },
              fix: (fixer) =>
                newKey === null
                  ? fixer.replaceText(property.value, errorText)
                  : fixer.replaceText(property, text),
            },
          ],
        });
      }
    }

    if (!fileMayContain(context, mayContainLogCalls)) return {};
    return {
      CallExpression(node) {
        const call = analyzeLogCall(node, file(), settings());
        if (!call) return;
        reportMessageParts(call);
        const fields =
          call.infoObject ??
          (call.fieldsIndex === undefined ? undefined : unwrap(call.args[call.fieldsIndex]));
        // An info object's message property is the message, already checked above.
        if (fields?.type === 'ObjectExpression')
          reportFieldValues(call, fields, file(), infoMessageProperty(call)?.value);
      },
    };
  },
});
