import { isStringLiteral, unwrap } from '../core/model/ast';
import { eventNameFromText, isValidEventName } from '../core/messages/naming';
import { quoteString } from '../core/messages/rewrite';
import { createRule, onLogMessage } from './utils';

export type Options = [];
export type MessageIds = 'invalidEventName' | 'useEventName';

export default createRule<Options, MessageIds>({
  name: 'event-name-format',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require constant log messages to follow the configured event-name convention',
      recommended: 'strict',
    },
    hasSuggestions: true,
    schema: [],
    defaultOptions: [],
    messages: {
      invalidEventName:
        "'{{message}}' is not an event name in {{convention}}; name the event, e.g. 'payment.charge.failed'.",
      useEventName: "Use '{{name}}'.",
    },
  },
  create(context) {
    return onLogMessage(context, (_call, message, _file, settings) => {
      if (message.kind !== 'constant' || !isStringLiteral(unwrap(message.node))) return;
      const { eventName } = settings;
      if (isValidEventName(message.text, eventName)) return;
      const name = eventNameFromText(message.text, eventName.case);
      const literal = unwrap(message.node);
      const quote = context.sourceCode.getText(literal).charAt(0);
      context.report({
        node: message.node,
        messageId: 'invalidEventName',
        data: {
          message: message.text,
          convention: eventName.pattern
            ? `/${eventName.pattern.source}/`
            : `${eventName.case} case`,
        },
        suggest:
          name && isValidEventName(name, eventName)
            ? [
                {
                  messageId: 'useEventName',
                  data: { name },
                  fix: (fixer) => fixer.replaceText(literal, quoteString(name, quote)),
                },
              ]
            : [],
      });
    });
  },
});
