import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { staticKeyName, unwrap } from '../core/model/ast';
import { outsideServerLogsReason } from '../core/console/console';
import {
  errorArgumentEdits,
  errorIsLost,
  isErrorExpression,
  lostErrorArguments,
  lostErrorMessage,
  lostErrorParts,
  stringifiedError,
} from '../core/messages/fields';
import type { FileModel } from '../core/model/file';
import { mayContainLogCalls, type LogCall } from '../core/loggers/log-calls';
import { infoMessageProperty, messageOfCall, type MessageAnalysis } from '../core/messages/message';
import { analyzeDeclaredLogCall, callErrorKey, errorKeyMismatch } from '../core/loggers/contract';
import { structuredRewrite } from '../core/messages/rewrite';
import {
  createRule,
  editsToFix,
  fileMayContain,
  lazyFile,
  rewriteSuggestions,
  ruleIsOn,
} from './utils';

export type Options = [];
export type MessageIds =
  | 'stringifiedError'
  | 'stringifiedErrorNoKey'
  | 'errorUnderOtherKey'
  | 'useErrorObject'
  | 'useStructuredCall';

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

    /**
     * The errors a dynamic message turns into text: one report for the call, however many parts hold
     * them, and none when no-dynamic-message reports this message (naming the error) with the very
     * same rewrite. Returns those errors, reported once per call.
     */
    function reportMessage(call: LogCall, message: MessageAnalysis): Set<string> {
      const lost = message.kind === 'dynamic' ? lostErrorParts(call, message, file()) : [];
      const reported = new Set(lost.map((part) => file().getText(part.error)));
      if (message.kind !== 'dynamic' || !lost[0] || ruleIsOn(context, 'no-dynamic-message'))
        return reported;
      const rewrite = structuredRewrite(call, message, file(), settings());
      context.report({
        node: lost[0].node,
        messageId: 'stringifiedError',
        data: { how: lost[0].how, key: callErrorKey(call, file(), settings()) ?? 'error' },
        suggest: rewriteSuggestions(rewrite),
      });
      return reported;
    }

    /** The message or an argument after it that is only an error's text (`logger.error('Failed:', err.message)`). */
    function reportArguments(call: LogCall, message: MessageAnalysis, reported: Set<string>) {
      const whole = lostErrorMessage(call, message, file());
      for (const lost of [
        ...(whole ? [whole] : []),
        ...lostErrorArguments(call, message, file()),
      ]) {
        const errorText = file().getText(lost.error);
        if (reported.has(errorText)) continue;
        reported.add(errorText);
        const key = callErrorKey(call, file(), settings()) ?? 'err';
        const edits = lost === whole ? whole.edits : errorArgumentEdits(call, lost, key, file());
        context.report({
          node: lost.node,
          messageId: 'stringifiedError',
          data: { how: lost.how, key },
          suggest: edits
            ? [{ messageId: 'useErrorObject', data: { key }, fix: editsToFix(edits) }]
            : [],
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
      reported: Set<string>,
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
          reportFieldValues(call, value, model, reported);
          continue;
        }
        if (isErrorExpression(value, model)) {
          reportErrorUnderOtherKey(call, property, keys);
          continue;
        }
        const stringified = stringifiedError(value, model);
        if (!stringified || !errorIsLost(call, stringified.error, 0, model)) continue;
        const errorText = model.getText(stringified.error);
        // Reported once per call: renaming two properties to the error key would make two of them.
        if (reported.has(errorText)) continue;
        reported.add(errorText);
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
        const call = analyzeDeclaredLogCall(node, file(), settings());
        if (!call || outsideServerLogsReason(call, file(), settings(), context.cwd)) return;
        const message = messageOfCall(call, file());
        const reported = message ? reportMessage(call, message) : new Set<string>();
        if (message) reportArguments(call, message, reported);
        const fields =
          call.infoObject ??
          (call.fieldsIndex === undefined ? undefined : unwrap(call.args[call.fieldsIndex]));
        // An info object's message property is the message, already checked above.
        if (fields?.type === 'ObjectExpression')
          reportFieldValues(call, fields, file(), reported, infoMessageProperty(call)?.value);
      },
    };
  },
});
