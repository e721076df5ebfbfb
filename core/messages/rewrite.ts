/**
 * The structured form of a log call: event name plus fields, in the shape its logger reads.
 * One function answers for the rules' suggestions and the codemods, so they cannot disagree.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import {
  isSideEffectFree,
  memberPath,
  propertyName,
  staticKeyName,
  unwrap,
  type CallArgument,
  type Node,
} from '../model/ast';
import { applyEditsWithin, type Edit } from '../model/edits';
import { formatOptions } from '../model/format';
import { fieldKeyFor, isErrorExpression, stringifiedError, type KeyContext } from './fields';
import type { FileModel } from '../model/file';
import {
  contractOf,
  errorKeyOf,
  errorPlacementText,
  type LoggerContract,
} from '../loggers/contract';
import { family } from '../loggers/families';
import { callWithShape, type LogCall } from '../loggers/log-calls';
import { markedText, messageOfCall, type MessageAnalysis, type MessagePart } from './message';
import { distinctEventName, fileKeyFor, type CandidateOf } from './file-naming';
import {
  applyFieldCase,
  eventNameFromText,
  isIdentifierName,
  splitWords,
  toCamelCase,
} from './naming';
import { isFieldsFirst, type Settings } from '../model/settings';

export type RewriteResult =
  { ok: true; edits: Edit[]; preview: string } | { ok: false; reason: string };

type DynamicMessage = Extract<MessageAnalysis, { kind: 'dynamic' }>;

/** A field to add: its key and the source text of its value. */
export interface NewField {
  key: string;
  valueText: string;
  node: Node;
}

const quoteCache = new WeakMap<object, string>();

/** The quote the file prefers for strings, so rewritten calls look like the code around them. */
export function preferredQuote(file: FileModel): string {
  let quote = quoteCache.get(file.ast);
  if (quote === undefined) {
    const singles = file.text.match(/'[^'\n]*'/g)?.length ?? 0;
    const doubles = file.text.match(/"[^"\n]*"/g)?.length ?? 0;
    quote = doubles > singles ? '"' : "'";
    quoteCache.set(file.ast, quote);
  }
  return quote;
}

export function quoteString(value: string, quote: string): string {
  const escaped = value
    .replaceAll('\\', '\\\\')
    .replaceAll(quote, `\\${quote}`)
    .replaceAll('\n', '\\n');
  return `${quote}${escaped}${quote}`;
}

export function propertyText(key: string, valueText: string): string {
  if (key === valueText && isIdentifierName(key)) return key;
  return `${isIdentifierName(key) ? key : JSON.stringify(key)}: ${valueText}`;
}

function valueSource(node: Node, file: FileModel): string {
  const text = file.getText(node);
  return unwrap(node).type === 'SequenceExpression' ? `(${text})` : text;
}

export function hasCommentInside(range: readonly [number, number], file: FileModel): boolean {
  return file.commentsWithin(range).length > 0;
}

/**
 * Turns the values of a message into fields: errors under the error key (the object, not its text),
 * the rest under derived keys; a repeated side-effect-free expression becomes one field. With no
 * error key (the logger keeps an Error nowhere inside its fields), an error stays the text it was
 * printed as: `err.message` as it is, `${err}` as `String(err)`, so no value is lost.
 */
export function fieldsFromParts(
  parts: readonly MessagePart[],
  existingKeys: Map<string, string>,
  file: FileModel,
  settings: Settings,
  errorKey: string | null,
  reservedKeys: readonly string[] = [],
): NewField[] {
  const fields: NewField[] = [];
  const byValue = new Map<string, string>(existingKeys);
  // Keys the logger writes itself (pino's `name`, `msg`, `time`) count as taken: a field there would clash.
  const takenKeys = new Set([...existingKeys.values(), ...reservedKeys]);
  const fileCase = settings.fieldCase === 'preserve' ? fileFieldCase(file) : settings.fieldCase;
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index];
    if (part.kind !== 'value') continue;
    const chosen = conditionalText(part.node);
    // A plural ending or a separator chosen by a condition says nothing a field should keep.
    if (chosen?.kind === 'grammar') continue;
    if (chosen) {
      const key = uniqueKey(applyFieldCase(chosen.key, fileCase), takenKeys);
      fields.push({ key, valueText: chosen.valueText(file), node: chosen.test });
      continue;
    }
    const stringified = stringifiedError(part.node, file);
    const isError = stringified !== null || isErrorExpression(part.node, file);
    const asObject = isError && errorKey !== null;
    const serialized =
      !isError && settings.naming.unwrapSerialized ? serializedValue(part.node) : undefined;
    const valueNode = asObject ? (stringified?.error ?? part.node) : (serialized ?? part.node);
    const valueText =
      isError && !asObject && !stringified
        ? `String(${file.getText(valueNode)})`
        : valueSource(valueNode, file);
    const pure = isSideEffectFree(valueNode);
    if (pure && byValue.has(valueText)) continue;
    // The key this file gives the expression elsewhere, so one value has one name in the file.
    const fileKey = isError || !pure ? undefined : fileKeyFor(valueText, file, settings, candidate);
    let baseKey = asObject
      ? errorKey
      : (fileKey?.key ?? fieldKeyFor(valueNode, 'preserve', contextOf(parts, index)));
    // A key the text suggests that another value already has: the expression's own name instead.
    if (!asObject && takenKeys.has(baseKey)) baseKey = fieldKeyFor(valueNode, 'preserve');
    if (!asObject && baseKey !== valueText && !fileKey?.written)
      baseKey = applyFieldCase(baseKey, fileCase);
    const key = uniqueKey(baseKey, takenKeys);
    if (pure) byValue.set(valueText, key);
    fields.push({ key, valueText, node: valueNode });
  }
  return fields;
}

/**
 * What a plain value of a message becomes as a field, named by the text around it: for the
 * file-wide choice of keys, which must name each value as fieldsFromParts does.
 */
const candidate: CandidateOf = (parts, index, file, settings) => {
  const part = parts[index];
  if (part.kind !== 'value' || conditionalText(part.node)) return null;
  if (stringifiedError(part.node, file) || isErrorExpression(part.node, file)) return null;
  const valueNode =
    (settings.naming.unwrapSerialized ? serializedValue(part.node) : undefined) ?? part.node;
  return {
    valueText: valueSource(valueNode, file),
    key: fieldKeyFor(valueNode, 'preserve', contextOf(parts, index)),
    pure: isSideEffectFree(valueNode),
  };
};

/** `base`, or `base2`, `base3`... the first not taken; marked as taken. */
function uniqueKey(base: string, taken: Set<string>): string {
  let key = base;
  for (let suffix = 2; taken.has(key); suffix++) key = `${base}${suffix}`;
  taken.add(key);
  return key;
}

function staticString(node: Node): string | null {
  const target = unwrap(node);
  if (target.type === 'Literal' && typeof target.value === 'string') return target.value;
  if (target.type === 'TemplateLiteral' && target.expressions.length === 0)
    return target.quasis[0].value.cooked ?? null;
  return null;
}

type ConditionalText =
  | { kind: 'grammar' }
  | { kind: 'flag'; key: string; test: Node; valueText: (file: FileModel) => string };

/**
 * Text a condition chooses between a phrase and nothing: `${dryRun ? ' (dry run)' : ''}` is the
 * flag `dryRun: dryRun`, named by the phrase, not the phrase itself (a field holding ' (dry run)'
 * or '' can be neither counted nor filtered). A plural ending or punctuation
 * (`${n === 1 ? '' : 's'}`) is grammar, and no field at all.
 */
function conditionalText(node: Node): ConditionalText | null {
  const target = unwrap(node);
  if (target.type !== 'ConditionalExpression') return null;
  const whenTrue = staticString(target.consequent);
  const whenFalse = staticString(target.alternate);
  if (whenTrue === null || whenFalse === null) return null;
  if (whenTrue.trim() !== '' && whenFalse.trim() !== '') return null;
  const phrase = (whenTrue.trim() === '' ? whenFalse : whenTrue).trim();
  const words = splitWords(phrase);
  if (words.length === 0 || words.join('').length <= 2) return { kind: 'grammar' };
  // A short phrase names the flag (' (dry run)' -> dryRun); a longer one is a sentence (a hint),
  // and the condition's own name says what it is (`opts.force` -> force).
  const fromPhrase = words.length <= 3;
  const negated = fromPhrase && whenTrue.trim() === '';
  return {
    kind: 'flag',
    key: fromPhrase ? toCamelCase(words) : fieldKeyFor(target.test, 'preserve'),
    test: target.test,
    valueText: (file) => {
      const test = file.getText(target.test);
      const condition = unwrap(target.test);
      const simple = /^[\w$.]+$/.test(test);
      const boolean =
        (condition.type === 'BinaryExpression' &&
          /^[<>=!]=?=?$|^(in|instanceof)$/.test(condition.operator)) ||
        (condition.type === 'UnaryExpression' && condition.operator === '!');
      if (negated) return simple ? `!${test}` : `!(${test})`;
      return simple || boolean ? test : `Boolean(${test})`;
    },
  };
}

/** The text on each side of the value at `index`, for naming it. */
function contextOf(parts: readonly MessagePart[], index: number): KeyContext {
  const textAt = (at: number) => {
    const part = parts[at];
    return part?.kind === 'text' ? part.text : '';
  };
  const before = textAt(index - 1);
  const previousValue = parts[index - 2]?.kind === 'value' || parts[index - 1]?.kind === 'value';
  const context: KeyContext = { before, after: textAt(index + 1) };
  if (previousValue) {
    const previousIndex = parts[index - 1]?.kind === 'value' ? index - 1 : index - 2;
    context.beforePrevious = textAt(previousIndex - 1);
  }
  return context;
}

/**
 * The value inside `JSON.stringify(x)` or `String(x)`: the logger serialises a field itself, and a
 * field holding the string can be neither searched nor filtered by its parts. Not with a replacer
 * (`JSON.stringify(x, ['id'])`), which changes what is printed.
 */
function serializedValue(node: Node): TSESTree.Expression | undefined {
  const target = unwrap(node);
  if (target.type !== 'CallExpression' || target.arguments.length === 0) return undefined;
  const [first, replacer] = target.arguments;
  if (first.type === 'SpreadElement') return undefined;
  const callee = unwrap(target.callee);
  if (callee.type === 'Identifier' && callee.name === 'String' && target.arguments.length === 1)
    return first;
  const path = memberPath(callee);
  if (path?.length !== 2 || path[0] !== 'JSON' || path[1] !== 'stringify') return undefined;
  if (
    replacer !== undefined &&
    !(replacer.type === 'Literal' && replacer.value === null) &&
    !(replacer.type === 'Identifier' && replacer.name === 'undefined')
  )
    return undefined;
  return first;
}

const caseCache = new WeakMap<object, 'camel' | 'snake'>();

/**
 * The case the file's own object keys are written in: snake_case when most of its multi-word keys
 * are (`{ order_id: ... }`), camelCase otherwise. Keys composed for new fields follow it.
 */
export function fileFieldCase(file: FileModel): 'camel' | 'snake' {
  let found = caseCache.get(file.ast);
  if (found === undefined) {
    const snake = file.text.match(/[{,]\s*[a-z][a-z0-9]*_[a-z0-9_]+\s*:/g)?.length ?? 0;
    const camel = file.text.match(/[{,]\s*[a-z][a-z0-9]*[A-Z]\w*\s*:/g)?.length ?? 0;
    found = snake > camel ? 'snake' : 'camel';
    caseCache.set(file.ast, found);
  }
  return found;
}

/** Names that say a value is an object of fields, safe to spread into a new fields object. */
const FIELDS_OBJECT_NAME =
  /^(meta|metadata|fields|logFields|extra|extras|details|attributes|attrs|props|properties|payload|bindings|labels|tags|data)$|[a-z](Meta|Metadata|Fields|Details|Attributes|Attrs|Props|Payload)$/;

/**
 * Whether an expression is known to be a plain object: declared as an object literal in the file, or
 * named as one. Anything else (a string, an Error, a value of unknown kind) spread into an object
 * loses its content: `{ ...'abc' }` is `{ 0: 'a', ... }`, `{ ...error }` keeps neither message nor stack.
 */
function isKnownPlainObject(node: Node, file: FileModel): boolean {
  const target = unwrap(node);
  if (target.type === 'ObjectExpression') return true;
  if (target.type === 'Identifier') {
    const definition = file.resolve(target)?.defs[0];
    if (definition?.type === 'Variable' && definition.node.type === 'VariableDeclarator') {
      const init = (definition.node as TSESTree.VariableDeclarator).init;
      if (init && unwrap(init).type === 'ObjectExpression') return true;
    }
    return FIELDS_OBJECT_NAME.test(target.name);
  }
  if (target.type === 'MemberExpression') {
    const name = propertyName(target);
    return name !== null && FIELDS_OBJECT_NAME.test(name);
  }
  return false;
}

/** Keys already present in an object literal, mapped from their value's text for de-duplication. */
function existingKeysOf(
  object: TSESTree.ObjectExpression | undefined,
  file: FileModel,
): Map<string, string> | null {
  const keys = new Map<string, string>();
  if (!object) return keys;
  for (const property of object.properties) {
    if (property.type === 'SpreadElement') continue;
    const key = staticKeyName(property);
    if (key === null) return null;
    keys.set(file.getText(property.value), key);
  }
  return keys;
}

function insertIntoObject(
  object: TSESTree.ObjectExpression,
  properties: string[],
  file: FileModel,
): Edit {
  if (object.properties.length === 0)
    return { range: object.range, text: `{ ${properties.join(', ')} }` };
  const last = object.properties[object.properties.length - 1];
  const objectText = file.getText(object);
  if (!objectText.includes('\n'))
    return { range: [last.range[1], last.range[1]], text: `, ${properties.join(', ')}` };
  const lineStart = file.text.lastIndexOf('\n', last.range[0]) + 1;
  const indent = /^[ \t]*/.exec(file.text.slice(lineStart, last.range[0]))?.[0] ?? '';
  return {
    range: [last.range[1], last.range[1]],
    text: properties.map((property) => `,\n${indent}${property}`).join(''),
  };
}

/**
 * pino and bunyan drop an error passed after the message (`logger.error(\`...\`, err)`); the
 * structured call moves it into the fields, where it is finally logged.
 */
function trailingError(
  call: LogCall,
  message: DynamicMessage,
  file: FileModel,
): TSESTree.Expression | undefined {
  if (
    !call.style ||
    !isFieldsFirst(call.style) ||
    call.fieldsIndex !== undefined ||
    call.messageIndex === undefined ||
    message.consumedArgs > 0
  )
    return undefined;
  const candidate = call.args[call.messageIndex + 1];
  if (
    call.args.length !== call.messageIndex + 2 ||
    candidate.type === 'SpreadElement' ||
    !isErrorExpression(candidate, file)
  )
    return undefined;
  return candidate;
}

/** Whether this call's shape lets us rewrite it at all. */
function checkShape(
  call: LogCall,
  message: DynamicMessage,
  droppedError: TSESTree.Expression | undefined,
): string | null {
  const used = new Set<number>(
    [call.levelIndex, call.messageIndex, call.fieldsIndex, call.contextIndex].filter(
      (i): i is number => i !== undefined,
    ),
  );
  if (call.infoObject) return null;
  if (call.messageIndex === undefined) return 'no message argument';
  if (droppedError) used.add(call.messageIndex + 1);
  for (let offset = 1; offset <= message.consumedArgs; offset++)
    used.add(call.messageIndex + offset);
  // A custom logger's own positions (a category before the message, an error between it and the
  // fields) stay where they are; only what follows its fields is unaccounted for.
  const ownPositionsEnd = call.shape ? Math.max(call.messageIndex, call.shape.fieldsArg ?? 0) : 0;
  for (let index = 0; index < ownPositionsEnd; index++)
    if (index < call.messageIndex || index > call.messageIndex + message.consumedArgs)
      used.add(index);
  const extra = call.args.findIndex((_, index) => !used.has(index));
  if (extra !== -1) {
    if (call.style === 'nestjs' && call.method === 'error')
      return 'NestJS error(message, stack, context): the stack argument has no place in a structured call; rewrite by hand';
    return `argument ${extra + 1} is neither fields nor a printf value: rewriting would change what is logged`;
  }
  if (
    message.consumedArgs > 0 &&
    call.fieldsIndex !== undefined &&
    call.fieldsIndex > call.messageIndex
  ) {
    return 'printf values mixed with a fields object';
  }
  return null;
}

/**
 * The arguments the message's values move past on their way into the fields: message-first loggers
 * evaluated the message before what follows it, the fields included; now the values come after those.
 * All the arguments after the message when the fields are appended at the end.
 */
function argumentsPassed(
  call: LogCall,
  consumedArgs: number,
  appendedAtEnd: boolean,
): readonly CallArgument[] {
  if (call.messageIndex === undefined) return [];
  if (appendedAtEnd) return call.args.slice(call.messageIndex + 1);
  if (call.fieldsIndex === undefined || !(call.fieldsIndex > call.messageIndex)) return [];
  return call.args.slice(call.messageIndex + 1 + consumedArgs, call.fieldsIndex + 1);
}

/**
 * The structured rewrite of a log call whose message is dynamic, or the reason it cannot be done
 * safely. The edits touch only the call's arguments, so everything around them keeps its format.
 * Memoised per call (a LogCall already stands for one node under one settings): no-dynamic-message
 * and error-field both offer this rewrite for the same call.
 */
export function structuredRewrite(
  call: LogCall,
  message: DynamicMessage,
  file: FileModel,
  settings: Settings,
): RewriteResult {
  call.memo.rewrite ??= structuredRewriteUncached(call, message, file, settings);
  return call.memo.rewrite;
}

function structuredRewriteUncached(
  original: LogCall,
  originalMessage: DynamicMessage,
  file: FileModel,
  settings: Settings,
): RewriteResult {
  const answer = contractOf(original, file, settings);
  if (!answer.ok) return { ok: false, reason: answer.reason };
  const contract = answer.contract;
  if (contract.refusal) return { ok: false, reason: contract.refusal };
  // The contract may read the call with another shape than the quick analysis guessed.
  const call = callWithShape(original, contract.style, contract, file);
  const located = call === original ? originalMessage : messageOfCall(call, file);
  if (located?.kind !== 'dynamic' || located.node !== originalMessage.node) {
    return {
      ok: false,
      reason: `${describe(contract)} reads argument ${(call.messageIndex ?? 0) + 1} as the message, not this one`,
    };
  }
  const message = located;
  const style = contract.style;
  let eventName = eventNameFor(message.parts, settings);
  if (eventName === '')
    return { ok: false, reason: 'the message has no static words to name the event' };
  const droppedError = trailingError(call, message, file);
  const shapeProblem = checkShape(call, message, droppedError);
  if (shapeProblem) return { ok: false, reason: shapeProblem };
  const messageRange = message.node.range;
  if (hasCommentInside(messageRange, file))
    return { ok: false, reason: 'a comment inside the message would be lost' };

  const fieldsArg =
    call.infoObject ??
    (call.fieldsIndex === undefined
      ? undefined
      : (call.args[call.fieldsIndex] as TSESTree.Expression));
  const fieldsTarget = fieldsArg ? unwrap(fieldsArg) : undefined;
  const fieldsObject = fieldsTarget?.type === 'ObjectExpression' ? fieldsTarget : undefined;
  const existingKeys = existingKeysOf(fieldsObject, file);
  if (!existingKeys)
    return {
      ok: false,
      reason: 'the fields object has computed keys that a new field could collide with',
    };
  const errorKey = errorKeyOf(contract, settings);
  const fieldsIsError =
    fieldsArg !== undefined && !fieldsObject && isErrorExpression(fieldsArg, file);
  const errorAlone = fieldsIsError || droppedError !== undefined;
  if (errorKey === null && contract.error?.kind === 'fields-argument' && !fieldsObject) {
    const kept = errorKeptWhole(call, message, contract, file, settings, {
      fieldsIsError,
      droppedError,
      eventName: eventNameInFile(message.parts, file, settings),
    });
    if (kept) return kept;
  }
  if (errorAlone && errorKey === null) {
    const placement = errorPlacementText(contract, settings);
    return {
      ok: false,
      reason: `${describe(contract)} keeps an Error's message and stack ${placement.where}; moving it into a fields object would print {}: ${placement.unlock}`,
    };
  }
  const fieldsKey = errorKey ?? 'error';
  if (fieldsIsError) existingKeys.set(file.getText(fieldsArg), fieldsKey);
  // Any other value is named as a field, not spread: only a known plain object spreads safely.
  const spreadFields =
    fieldsArg !== undefined &&
    !fieldsObject &&
    !fieldsIsError &&
    isKnownPlainObject(fieldsArg, file);
  const namedFieldsKey =
    fieldsArg !== undefined && !fieldsObject && !fieldsIsError && !spreadFields
      ? fieldKeyFor(fieldsArg, settings.fieldCase)
      : undefined;
  if (namedFieldsKey !== undefined) existingKeys.set(file.getText(fieldsArg!), namedFieldsKey);

  if (droppedError) existingKeys.set(file.getText(droppedError), fieldsKey);
  const fields = fieldsFromParts(
    message.parts,
    existingKeys,
    file,
    settings,
    errorKey,
    reservedKeysOf(contract),
  );
  eventName = eventNameInFile(message.parts, file, settings, subjectOf(fields, errorKey));
  const properties = fields.map((field) => propertyText(field.key, field.valueText));
  // winston and bunyan without serializers keep an Error whole only as the fields argument: when the
  // error is the message's only value, it becomes that argument.
  const soleError =
    !fieldsArg && !droppedError && contract.error?.kind === 'fields-argument' && errorKey === null
      ? soleErrorOf(message, file)
      : undefined;
  if (droppedError) properties.unshift(propertyText(fieldsKey, file.getText(droppedError)));

  // A custom shape whose fields come later than right after the message: they go after the logger's
  // own arguments, which must all be there.
  const fieldsAt = call.shape?.fieldsArg;
  const fieldsAfterOwnArguments =
    !fieldsArg &&
    properties.length > 0 &&
    fieldsAt !== undefined &&
    call.messageIndex !== undefined &&
    fieldsAt > call.messageIndex + 1;
  if (fieldsAfterOwnArguments && (call.args.length !== fieldsAt || message.consumedArgs > 0)) {
    return {
      ok: false,
      reason: `the fields go in argument ${fieldsAt + 1}, after arguments this call leaves out`,
    };
  }
  const passed = argumentsPassed(call, message.consumedArgs, fieldsAfterOwnArguments);
  if (
    passed.some((arg) => !isSideEffectFree(arg)) &&
    fields.some((field) => !isSideEffectFree(field.node))
  ) {
    return {
      ok: false,
      reason: 'moving the values into the fields object would change the order side effects run in',
    };
  }

  const quote = preferredQuote(file);
  const eventText = quoteString(eventName, quote);
  const edits: Edit[] = [];
  const lastConsumed =
    droppedError ??
    (message.consumedArgs > 0
      ? call.args[(call.messageIndex ?? 0) + message.consumedArgs]
      : undefined);
  const messageEnd = lastConsumed ? lastConsumed.range[1] : messageRange[1];

  if (fieldsArg && properties.length === 0 && !fieldsIsError && namedFieldsKey === undefined) {
    edits.push({ range: [messageRange[0], messageEnd], text: eventText });
  } else if (fieldsObject) {
    edits.push({ range: [messageRange[0], messageEnd], text: eventText });
    if (properties.length > 0) edits.push(insertIntoObject(fieldsObject, properties, file));
  } else if (fieldsArg) {
    const text = file.getText(fieldsArg);
    const head = spreadFields
      ? `...${text}`
      : propertyText(fieldsIsError ? fieldsKey : namedFieldsKey!, text);
    edits.push({ range: fieldsArg.range, text: `{ ${[head, ...properties].join(', ')} }` });
    edits.push({ range: [messageRange[0], messageEnd], text: eventText });
  } else if (fieldsAfterOwnArguments) {
    const last = call.args[call.args.length - 1];
    edits.push({ range: [messageRange[0], messageEnd], text: eventText });
    edits.push({ range: [last.range[1], last.range[1]], text: `, { ${properties.join(', ')} }` });
  } else {
    const object = soleError
      ? file.getText(soleError)
      : properties.length > 0
        ? `{ ${properties.join(', ')} }`
        : '';
    // A message written over several lines, on lines of its own: each argument keeps a line.
    const separator = ownLinesIndent(file, messageRange[0], messageEnd);
    const joiner = separator === null ? ', ' : `,\n${separator}`;
    const ordered = isFieldsFirst(style) ? [object, eventText] : [eventText, object];
    const text = !object ? eventText : ordered.join(joiner);
    // Past the project's line width, the arguments go one a line, as its formatter would put them.
    const wide =
      object && separator === null
        ? oneArgumentALine(
            file,
            call.node,
            [messageRange[0], messageEnd],
            text,
            ordered,
            {
              object,
              properties: soleError ? null : properties,
            },
            settings.printWidth,
          )
        : null;
    edits.push(wide ?? { range: [messageRange[0], messageEnd], text });
  }
  const preview = applyEditsWithin(file.text, call.node.range, edits);
  return { ok: true, edits, preview };
}

/**
 * The edit that writes a call's arguments one a line, when its new text would run past the
 * Prettier `printWidth` that applies to the file, or else `fallbackWidth` (the `printWidth` setting);
 * null when no width is configured, the line fits, or the call has arguments besides the rewritten
 * ones (their layout is not this rewrite's to change).
 */
function oneArgumentALine(
  file: FileModel,
  call: TSESTree.CallExpression,
  replaced: readonly [number, number],
  text: string,
  args: readonly string[],
  fields: { object: string; properties: readonly string[] | null },
  fallbackWidth: number | undefined,
): Edit | null {
  const format = formatOptions(
    file.filename,
    fallbackWidth === undefined ? undefined : { printWidth: fallbackWidth, text: file.text },
  );
  if (!format || call.arguments.length === 0) return null;
  const first = call.arguments[0];
  const last = call.arguments[call.arguments.length - 1];
  if (first.range[0] !== replaced[0] || last.range[1] !== replaced[1]) return null;
  if (file.getText(call).includes('\n') || file.text[call.range[1] - 1] !== ')') return null;
  const lineStart = file.text.lastIndexOf('\n', call.range[0] - 1) + 1;
  const newline = file.text.indexOf('\n', call.range[1]);
  const lineEnd = newline === -1 ? file.text.length : newline;
  const width = lineEnd - lineStart - (replaced[1] - replaced[0]) + text.length;
  if (width <= format.printWidth) return null;
  const open = file.text.lastIndexOf('(', replaced[0]);
  if (open < call.range[0] || file.text.slice(open + 1, replaced[0]).trim() !== '') return null;
  const indent = /^[ \t]*/.exec(file.text.slice(lineStart))![0];
  const inner = indent + format.indent;
  const comma = format.trailingComma ? ',' : '';
  // The fields object too, one property a line, when it alone is still too wide.
  const laidOut = (arg: string) =>
    arg === fields.object && fields.properties && inner.length + arg.length + 1 > format.printWidth
      ? `{\n${fields.properties.map((property) => `${inner}${format.indent}${property}`).join(',\n')}${comma}\n${inner}}`
      : arg;
  const lines = args.map((arg) => `${inner}${laidOut(arg)}`).join(',\n');
  return {
    range: [open + 1, call.range[1] - 1],
    text: `\n${lines}${comma}\n${indent}`,
  };
}

/**
 * The indentation of a message that spans several lines and starts its own line (the call's
 * arguments are laid out one per line): the new arguments keep that layout instead of collapsing
 * onto one long line. Null for a message on one line, or after other code on its first line.
 */
function ownLinesIndent(file: FileModel, start: number, end: number): string | null {
  if (!file.text.slice(start, end).includes('\n')) return null;
  const lineStart = file.text.lastIndexOf('\n', start - 1) + 1;
  const before = file.text.slice(lineStart, start);
  return /^[ \t]*$/.test(before) ? before : null;
}

/** The event name of a message, its values marked so the words naming them stay out of it. */
export function eventNameFor(
  parts: readonly MessagePart[],
  settings: Settings,
  subject?: string,
): string {
  return eventNameFromText(markedText(parts), settings.eventName.case, {
    words: settings.naming.words,
    subject,
  });
}

/**
 * The event name of a message rewritten in `file`: as eventNameFor gives it, grown where another
 * message of the file would otherwise share it (see file-naming).
 */
export function eventNameInFile(
  parts: readonly MessagePart[],
  file: FileModel,
  settings: Settings,
  subject?: string,
): string {
  const name = eventNameFor(parts, settings, subject);
  return name && distinctEventName(name, parts, file, settings, candidate);
}

/** The first field key that says what the message is about (not the error). */
function subjectOf(fields: readonly NewField[], errorKey: string | null): string | undefined {
  return fields.find((field) => field.key !== errorKey)?.key;
}

/**
 * For a logger that keeps an Error only as the whole fields argument (winston; bunyan without
 * serializers): the Error stays that argument and the other values go to a child logger, whose
 * bindings every line it writes carries: `logger.child({ orderId }).error('charge.failed', err)`.
 * Undefined where that shape does not apply (no single error, a level argument, an info object).
 */
function errorKeptWhole(
  call: LogCall,
  message: DynamicMessage,
  contract: LoggerContract,
  file: FileModel,
  settings: Settings,
  found: {
    fieldsIsError: boolean;
    droppedError: TSESTree.Expression | undefined;
    eventName: string;
  },
): RewriteResult | undefined {
  if (
    (contract.family !== 'winston' && contract.family !== 'bunyan') ||
    call.infoObject ||
    call.levelIndex !== undefined ||
    call.messageIndex === undefined
  )
    return undefined;
  const fieldsArg = call.fieldsIndex === undefined ? undefined : call.args[call.fieldsIndex];
  if (fieldsArg && !found.fieldsIsError) return undefined;
  const inMessage = errorsIn(message, file);
  const error =
    found.droppedError ??
    (found.fieldsIsError ? fieldsArg : undefined) ??
    (inMessage.length > 0 ? inMessage[0] : undefined);
  if (!error) return undefined;
  const errorText = file.getText(error);
  // One error only: a second one would need a key, and no key keeps it.
  if (inMessage.some((node) => file.getText(node) !== errorText)) return undefined;
  const fields = fieldsFromParts(
    message.parts,
    new Map([[errorText, '\0']]),
    file,
    settings,
    '\0',
    reservedKeysOf(contract),
  );
  const properties = fields.map((field) => propertyText(field.key, field.valueText));
  const eventText = quoteString(found.eventName, preferredQuote(file));
  const errorIsArgument = found.droppedError === undefined && found.fieldsIsError;
  const fieldsFirst = isFieldsFirst(contract.style);
  const messageText = errorIsArgument
    ? eventText
    : fieldsFirst
      ? `${errorText}, ${eventText}`
      : `${eventText}, ${errorText}`;
  const messageEnd = (found.droppedError ?? message.node).range[1];
  const edits: Edit[] = [{ range: [message.node.range[0], messageEnd], text: messageText }];
  if (properties.length > 0) {
    const receiver = (unwrap(call.node.callee) as TSESTree.MemberExpression).object;
    edits.unshift({
      range: [receiver.range[1], receiver.range[1]],
      text: `.child({ ${properties.join(', ')} })`,
    });
  }
  return { ok: true, edits, preview: applyEditsWithin(file.text, call.node.range, edits) };
}

/** The errors among a message's values, as objects (`err` for `${err.message}`). */
function errorsIn(message: DynamicMessage, file: FileModel): Node[] {
  const errors: Node[] = [];
  for (const part of message.parts) {
    if (part.kind !== 'value') continue;
    const error =
      stringifiedError(part.node, file)?.error ??
      (isErrorExpression(part.node, file) ? part.node : undefined);
    if (error) errors.push(error);
  }
  return errors;
}

/** The error a message's values all are (`${err.message}`, `${err}`), if they are one error. */
function soleErrorOf(message: DynamicMessage, file: FileModel): Node | undefined {
  const errors = errorsIn(message, file);
  const values = message.parts.filter((part) => part.kind === 'value').length;
  if (errors.length === 0 || errors.length !== values) return undefined;
  const text = file.getText(errors[0]);
  return errors.every((error) => file.getText(error) === text) ? errors[0] : undefined;
}

function reservedKeysOf(contract: LoggerContract): readonly string[] {
  return contract.family ? (family(contract.family).reservedKeys ?? []) : [];
}

/** The logger a reason speaks of: where it is defined and what was read there. */
function describe(contract: LoggerContract): string {
  return contract.source.where
    ? `${contract.source.where}: ${contract.source.what}`
    : contract.source.what;
}
