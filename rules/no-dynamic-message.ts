import type { DynamicHow } from '../core/messages/message';
import { structuredRewrite } from '../core/messages/rewrite';
import { createRule, editsToFix, onLogMessage, previewText } from './utils';

export type Options = [];
export type MessageIds = 'dynamicMessage' | 'useStructuredCall';

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
      useStructuredCall: 'Rewrite as {{preview}}',
    },
  },
  create(context) {
    return onLogMessage(context, (call, message, file, settings) => {
      if (message.kind !== 'dynamic') return;
      const rewrite = structuredRewrite(call, message, file, settings);
      context.report({
        node: message.node,
        messageId: 'dynamicMessage',
        data: { how: HOW[message.how] },
        suggest: rewrite.ok
          ? [
              {
                messageId: 'useStructuredCall',
                data: { preview: previewText(rewrite.preview) },
                fix: editsToFix(rewrite.edits),
              },
            ]
          : [],
      });
    });
  },
});
