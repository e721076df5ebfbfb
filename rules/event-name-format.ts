import { isStringLiteral, unwrap } from '../core/model/ast';
import { eventNameFromText, isValidEventName } from '../core/messages/naming';
import { preferredQuote, quoteString } from '../core/messages/rewrite';
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
    return onLogMessage(context, (_call, message, file, settings) => {
      // A string literal, or a backtick one with no `${}` (a message built of constants is not here).
      const literal = unwrap(message.node);
      const backtick = literal.type === 'TemplateLiteral' && literal.expressions.length === 0;
      // A name bound to a constant string (`const MESSAGE = 'Job done'`) is reported without a
      // suggestion: renaming the constant's text would change its other uses too.
      const named = literal.type === 'Identifier';
      if (message.kind !== 'constant' || !(isStringLiteral(literal) || backtick || named)) return;
      const { eventName } = settings;
      // An empty message prints a blank line (a CLI's spacing): there is no event to name.
      if (message.text.trim() === '' || isValidEventName(message.text, eventName)) return;
      const name = eventNameFromText(message.text, eventName.case, {
        words: settings.naming.words,
      });
      const quote = backtick ? preferredQuote(file) : context.sourceCode.getText(literal).charAt(0);
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
          name && !named && isValidEventName(name, eventName)
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
