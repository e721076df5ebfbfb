import type { DynamicHow } from '../core/messages/message';
import { lostErrorParts } from '../core/messages/fields';
import { callErrorKey } from '../core/loggers/contract';
import { structuredRewrite } from '../core/messages/rewrite';
import { createRule, onLogMessage, rewriteSuggestions } from './utils';

export type Options = [];
export type MessageIds = 'dynamicMessage' | 'dynamicMessageWithError' | 'useStructuredCall';

const HOW: Record<DynamicHow, string> = {
  template: 'a template literal',
  concatenation: 'string concatenation',
  printf: 'printf-style placeholders',
  format: 'util.format()',
  join: 'Array#join()',
  concat: 'String#concat()',
};

export default createRule<Options, MessageIds>({
  name: 'no-dynamic-message',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require constant log messages, with values passed as fields',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    schema: [],
    defaultOptions: [],
    messages: {
      dynamicMessage:
        'Log message is built with {{how}}; log a constant event name and pass the values as fields.',
      dynamicMessageWithError:
        'Log message is built with {{how}} and holds `{{error}}`, which logs the error as text and loses its stack; log a constant event name, the values as fields and the error object under `{{key}}`.',
      useStructuredCall: 'Rewrite as {{preview}}',
    },
  },
  create(context) {
    return onLogMessage(context, (call, message, file, settings) => {
      if (message.kind !== 'dynamic') return;
      const rewrite = structuredRewrite(call, message, file, settings);
      // An error turned into text is said here, once: error-field leaves such a message to this rule.
      const [lost] = lostErrorParts(call, message, file);
      context.report({
        node: message.node,
        ...(lost
          ? {
              messageId: 'dynamicMessageWithError',
              data: {
                how: HOW[message.how],
                error: lost.how === 'Interpolating an error' ? file.getText(lost.error) : lost.how,
                key: callErrorKey(call, file, settings) ?? 'error',
              },
            }
          : { messageId: 'dynamicMessage', data: { how: HOW[message.how] } }),
        suggest: rewriteSuggestions(rewrite),
      });
    });
  },
});
