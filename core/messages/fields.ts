/**
 * Values in log calls: which are errors (and which of those are stringified, losing the stack),
 * and what field key a value gets.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import {
  calleeName,
  isStringLiteral,
  memberPath,
  propertyName,
  staticKeyName,
  unwrap,
  type CallArgument,
  type Node,
} from '../model/ast';
import type { FileModel } from '../model/file';
import type { Edit } from '../model/edits';
import { isFieldsFirst } from '../model/settings';
import type { LogCall } from '../loggers/log-calls';
import type { MessageAnalysis } from './message';
import { applyFieldCase, joinKeySegments, splitWords, toCamelCase } from './naming';
import { keyFromContext } from './keys';
import type { FieldCase } from '../model/settings';

/** Names that are an error whole: `err`, `error`, `ex`, `exc`, `exception`. */
const BARE_ERROR_NAMES = /^(err|error|ex|exc|exception)$/;

/** Names whose last word says error: `lastError`, `dbErr`, `fetchError`, `db_error` (not `DB_ERROR`). */
const ERROR_SUFFIX = /[a-z0-9_](Error|Err|Exception)$|[a-z0-9]_(error|err|exception)$/;

/**
 * Words that, before `error` in a name, make it a flag, a setting or a handler about errors, not an
 * error: `restartOnError` (a delay), `exitOnError`, `ignoreError`, `hasError`, `isError`, `onError`,
 * `throwError`, `setError` (a state setter).
 */
const NOT_AN_ERROR_WORDS = new Set([
  'on',
  'if',
  'when',
  'ignore',
  'ignored',
  'suppress',
  'suppressed',
  'exit',
  'retry',
  'restart',
  'has',
  'had',
  'have',
  'is',
  'was',
  'throw',
  'throws',
  'should',
  'can',
  'will',
  'no',
  'skip',
  'allow',
  'stop',
  'abort',
  'continue',
  'set',
  'clear',
  'handle',
  'emit',
  'show',
  'raise',
  'catch',
]);

/** Whether a name says it holds an error (`err`, `lastError`), not a flag or handler about errors. */
function isErrorName(name: string): boolean {
  if (BARE_ERROR_NAMES.test(name)) return true;
  if (!ERROR_SUFFIX.test(name)) return false;
  return !splitWords(name)
    .slice(0, -1)
    .some((word) => NOT_AN_ERROR_WORDS.has(word));
}

/** Is this expression an Error object: a catch parameter, an error-named identifier, or `new XError()`. */
export function isErrorExpression(node: Node, file: FileModel): boolean {
  const target = unwrap(node);
  if (target.type === 'Identifier') {
    if (isErrorName(target.name)) return true;
    if (isRejectionParameter(target)) return true;
    // A catch parameter is visible only inside its catch clause: unless a clause around this name
    // may bind it, no scope lookup is needed.
    if (!mayBeCatchParameter(target)) return false;
    const definition = file.resolve(target)?.defs[0];
    return (
      definition?.type === 'CatchClause' &&
      (definition.node as TSESTree.CatchClause).param?.type === 'Identifier'
    );
  }
  if (target.type === 'NewExpression') {
    const callee = unwrap(target.callee);
    return callee.type === 'Identifier' && /Error$/.test(callee.name);
  }
  if (target.type === 'CallExpression') {
    const name = calleeName(target);
    return name !== null && ERROR_MAKERS.test(name) && !isLoggableWrapper(target);
  }
  return false;
}

/**
 * Functions whose name says they return an Error (`toError(err)`, `ensureError(e)`, `createError(404)`):
 * spreading what they return into fields would drop its message and stack. Not `formatError` or
 * `serializeError`, which return text or a plain object, nor the wrappers of `LOGGABLE_ERROR`.
 */
const ERROR_MAKERS = /^(to|as|ensure|wrap|coerce|create|make)([A-Z]\w*)?(Error|Exception)$/;

/**
 * Functions named for making an error a plain object with its message and stack, which any logger
 * prints under any key: `serializeError(err)` (serialize-error), `ensureLoggableError(err)`
 * (platformatic), `errorToObject(err)`, `normalizeError(err)`, `err.toJSON()`.
 */
const LOGGABLE_ERROR =
  /^(?:serializ\w*err\w*|\w*loggable\w*|to_?json|err(?:or)?_?to_?(?:object|obj|json|plain\w*)|normali[sz]e_?err(?:or)?)$/i;

/**
 * The error a call makes loggable as a plain object (`err` in `serializeError(err)`, `err.toJSON()`,
 * `pino.stdSerializers.err(err)`), or null when the call is not such a wrapper of an error.
 */
function loggableErrorOf(node: Node, file: FileModel): Node | null {
  const target = unwrap(node);
  if (target.type !== 'CallExpression' || !isLoggableWrapper(target)) return null;
  const callee = unwrap(target.callee);
  const [first] = target.arguments;
  if (first && first.type !== 'SpreadElement')
    return isErrorExpression(first, file) ? unwrap(first) : null;
  return callee.type === 'MemberExpression' && isErrorExpression(callee.object, file)
    ? unwrap(callee.object)
    : null;
}

function isLoggableWrapper(call: TSESTree.CallExpression): boolean {
  const name = calleeName(call);
  if (name !== null && LOGGABLE_ERROR.test(name)) return true;
  const path = memberPath(unwrap(call.callee));
  return path !== null && path.slice(-2).join('.') === 'stdSerializers.err';
}

/**
 * Whether the name is the reason a promise rejected with: the first parameter of the callback given
 * to `.catch(cb)` or as `.then(_, cb)`'s second argument (`.catch((e) => log.error(e, ...))`).
 */
function isRejectionParameter(identifier: TSESTree.Identifier): boolean {
  for (
    let current: TSESTree.Node | undefined = identifier.parent;
    current;
    current = current.parent
  ) {
    if (!isFunction(current)) continue;
    const index = current.params.findIndex(
      (param) => param.type === 'Identifier' && param.name === identifier.name,
    );
    if (index === -1) continue;
    return index === 0 && isRejectionCallback(current);
  }
  return false;
}

type FunctionNode =
  TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

function isFunction(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === 'ArrowFunctionExpression' ||
    node.type === 'FunctionExpression' ||
    node.type === 'FunctionDeclaration'
  );
}

/** The callback given to `.catch(cb)` or as `.then(_, cb)`'s second argument. */
function isRejectionCallback(callback: FunctionNode): boolean {
  const call = callback.parent;
  if (call?.type !== 'CallExpression' || call.callee.type !== 'MemberExpression') return false;
  const method = propertyName(call.callee);
  return (
    (method === 'catch' && call.arguments[0] === callback) ||
    (method === 'then' && call.arguments[1] === callback)
  );
}

/**
 * Whether a catch clause around the name has it as its parameter. A name destructured from the error
 * (`catch ({ code })`) is one of its properties, not the error.
 */
function mayBeCatchParameter(identifier: TSESTree.Identifier): boolean {
  for (
    let current: TSESTree.Node | undefined = identifier.parent;
    current;
    current = current.parent
  ) {
    if (
      current.type === 'CatchClause' &&
      current.param?.type === 'Identifier' &&
      current.param.name === identifier.name
    )
      return true;
  }
  return false;
}

/**
 * Whether the call also logs this error object itself: as its fields or inside them, or (winston, which
 * logs an argument after the message that no placeholder takes) as a later argument, or made loggable
 * (`serializeError(err)`, `toError(err)`). A message made of the error's text then loses nothing. pino
 * and bunyan print nothing of a trailing argument, and NestJS prints an Error there as text, so for
 * them only the fields count. Nor does anything go missing when the call prints the error's stack
 * (`err.stack`, which holds the message and the trace) anywhere: alone, in the message, as a field,
 * beside the message, or as NestJS's `error(err.message, err.stack)`.
 */
function logsErrorObject(
  call: LogCall,
  error: Node,
  consumedArgs: number,
  file: FileModel,
): boolean {
  const text = file.getText(unwrap(error));
  const logged: Node[] = [];
  if (call.infoObject) logged.push(call.infoObject);
  if (call.fieldsIndex !== undefined) logged.push(call.args[call.fieldsIndex]);
  // winston logs what follows the message as meta. A logger of unknown family may too (a project's
  // own `error(message, error)` wrapper): claiming the stack is lost would be a guess.
  const trailing: Node[] = [];
  if (call.messageIndex !== undefined)
    for (let index = call.messageIndex + consumedArgs + 1; index < call.args.length; index++)
      if (index !== call.fieldsIndex) trailing.push(call.args[index]);
  if (call.style === 'winston' || call.style === undefined) logged.push(...trailing);
  const isError = (value: Node) => {
    if (file.getText(value) === text) return true;
    if (value.type !== 'CallExpression') return false;
    const wrapped =
      loggableErrorOf(value, file) ??
      (isErrorExpression(value, file) && value.arguments[0] ? value.arguments[0] : null);
    return wrapped !== null && file.getText(unwrap(wrapped)) === text;
  };
  if (logged.some((value) => holdsAsValue(value, isError, false))) return true;
  // What the call prints: every argument but those pino and bunyan drop (after the message, taken by
  // no placeholder).
  const dropped = new Set(call.style === 'pino' || call.style === 'bunyan' ? trailing : []);
  const isStack = (value: Node) =>
    value.type === 'MemberExpression' &&
    propertyName(value) === 'stack' &&
    file.getText(unwrap(value.object)) === text;
  return call.args.some((arg) => !dropped.has(arg) && holdsAsValue(arg, isStack, true));
}

/**
 * The value is what `matches` accepts, or may be it (`a ?? err`), or an object literal holding it;
 * with `inText`, also a part of a template or a concatenation.
 */
function holdsAsValue(node: Node, matches: (value: Node) => boolean, inText: boolean): boolean {
  const target = unwrap(node);
  const holds = (value: Node) => holdsAsValue(value, matches, inText);
  switch (target.type) {
    case 'LogicalExpression':
      return holds(target.left) || holds(target.right);
    case 'ConditionalExpression':
      // `e instanceof Error ? e.message : e`: where the value is `e`, `e` is not an Error.
      if (target.test.type === 'BinaryExpression' && target.test.operator === 'instanceof')
        return holds(target.consequent);
      return holds(target.consequent) || holds(target.alternate);
    case 'ObjectExpression':
      // Not a spread: spreading an Error copies none of its message or stack.
      return target.properties.some(
        (property) => property.type === 'Property' && holds(property.value),
      );
    case 'TemplateLiteral':
      return inText && target.expressions.some(holds);
    case 'BinaryExpression':
      return inText && target.operator === '+' && (holds(target.left) || holds(target.right));
    default:
      return matches(target);
  }
}

/**
 * Whether the error this call turns into text is lost: the call logs neither the error object nor
 * its stack, the code around does not rethrow it, and the call is not in a branch narrowed to an
 * expected error whose message is all that is wanted.
 */
export function errorIsLost(
  call: LogCall,
  error: Node,
  consumedArgs: number,
  file: FileModel,
): boolean {
  return (
    !logsErrorObject(call, error, consumedArgs, file) &&
    !rethrown(call.node, error) &&
    !inExpectedCase(call.node, error, file)
  );
}

/**
 * Whether the catch clause (or `.catch` callback) that binds the error rethrows it: `throw error`, or
 * `throw new SyncError('...', { cause: error })`, anywhere in its body but in nested functions. The
 * stack then surfaces where it is caught next.
 */
function rethrown(from: TSESTree.Node, error: Node): boolean {
  const target = unwrap(error);
  if (target.type !== 'Identifier') return false;
  const name = target.name;
  let body: TSESTree.Node | null = null;
  for (let current = from.parent; current && !body; current = current.parent) {
    if (current.type === 'CatchClause' && current.param?.type === 'Identifier') {
      if (current.param.name === name) body = current.body;
    } else if (isFunction(current)) {
      const bound = current.params.findIndex((p) => p.type === 'Identifier' && p.name === name);
      if (bound !== -1) {
        if (bound !== 0 || !isRejectionCallback(current)) return false;
        body = current.body;
      }
    }
  }
  const isName = (node: Node | undefined) => {
    const value = node && unwrap(node);
    return value?.type === 'Identifier' && value.name === name;
  };
  const throwsIt = (node: TSESTree.Node): boolean => {
    if (node.type !== 'ThrowStatement') return false;
    const thrown = unwrap(node.argument);
    if (isName(thrown)) return true;
    return (
      (thrown.type === 'NewExpression' || thrown.type === 'CallExpression') &&
      thrown.arguments.some(
        (arg) =>
          arg.type === 'ObjectExpression' &&
          arg.properties.some(
            (p) => p.type === 'Property' && staticKeyName(p) === 'cause' && isName(p.value),
          ),
      )
    );
  };
  return body !== null && someNode(body, throwsIt);
}

/** Whether a node under `root` (not inside a nested function) is one `matches` accepts. */
function someNode(root: TSESTree.Node, matches: (node: TSESTree.Node) => boolean): boolean {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    if (matches(node)) return true;
    if (node !== root && isFunction(node)) continue;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent' || !value || typeof value !== 'object') continue;
      for (const child of Array.isArray(value) ? value : [value])
        if (child && typeof (child as { type?: unknown }).type === 'string')
          stack.push(child as TSESTree.Node);
    }
  }
  return false;
}

/** Errors that say a bug, not an expected case: a branch for them still wants the stack. */
const GENERIC_ERROR_CLASSES = new Set([
  'Error',
  'TypeError',
  'RangeError',
  'ReferenceError',
  'SyntaxError',
  'EvalError',
  'URIError',
  'AggregateError',
  'Object',
]);

/** Words of a predicate's name that tell nothing of which error it is: `isError`, `isNativeError`. */
const GENERIC_PREDICATE_WORDS = new Set([
  'is',
  'error',
  'err',
  'exception',
  'native',
  'like',
  'an',
  'a',
  'instance',
  'of',
  'object',
  'plain',
  'unknown',
]);

/**
 * Whether the call sits in a branch that only handles an expected error: `if (err instanceof
 * ValidationError)`, `if (err.code === 'ENOENT')`, `if (err.message.includes('timeout'))`,
 * `if (isExpectedNetworkError(err))`, or the else of the negation. Its message is the point there; the
 * unexpected errors go elsewhere. `instanceof Error` (or `TypeError`...) and `isError(err)` narrow
 * nothing.
 */
function inExpectedCase(from: TSESTree.Node, error: Node, file: FileModel): boolean {
  const text = file.getText(unwrap(error));
  let child: TSESTree.Node = from;
  for (let current = from.parent; current; child = current, current = current.parent) {
    if (current.type !== 'IfStatement' && current.type !== 'ConditionalExpression') continue;
    if (child === current.consequent && narrows(current.test, text, true, file)) return true;
    if (child === current.alternate && narrows(current.test, text, false, file)) return true;
  }
  return false;
}

/** Whether the test, true (`positive`) or false, narrows the error to an expected one. */
function narrows(test: Node, error: string, positive: boolean, file: FileModel): boolean {
  const target = unwrap(test);
  if (target.type === 'UnaryExpression' && target.operator === '!')
    return narrows(target.argument, error, !positive, file);
  if (target.type === 'LogicalExpression') {
    if (target.operator === '??') return false;
    const left = narrows(target.left, error, positive, file);
    const right = narrows(target.right, error, positive, file);
    // True `a && b` (false `a || b`) holds both; true `a || b` (false `a && b`) holds one of them.
    return (target.operator === '&&') === positive ? left || right : left && right;
  }
  if (target.type === 'BinaryExpression') {
    const equal = target.operator === '===' || target.operator === '==';
    const unequal = target.operator === '!==' || target.operator === '!=';
    if ((equal && positive) || (unequal && !positive))
      return [target.left, target.right].some(
        (side, index) =>
          isPartOfError(side, error, file) &&
          isConstant(index === 0 ? target.right : target.left, error, file),
      );
    if (target.operator !== 'instanceof' || !positive) return false;
    const type = unwrap(target.right);
    const typeName =
      type.type === 'Identifier'
        ? type.name
        : type.type === 'MemberExpression'
          ? propertyName(type)
          : null;
    return (
      file.getText(unwrap(target.left)) === error &&
      typeName !== null &&
      !GENERIC_ERROR_CLASSES.has(typeName)
    );
  }
  if (target.type !== 'CallExpression' || !positive) return false;
  const name = calleeName(target);
  const [first] = target.arguments;
  const callee = unwrap(target.callee);
  // `err.message.includes('timeout')`, `/timeout/.test(err.message)`, `CODES.includes(err.code)`.
  if (name && /^(includes|startsWith|endsWith|match|test)$/.test(name)) {
    if (callee.type === 'MemberExpression' && isPartOfError(callee.object, error, file))
      return true;
    return first !== undefined && isPartOfError(first, error, file);
  }
  // `isExpectedNetworkError(err)`, `isAxiosError(err)`: a predicate naming which error.
  return (
    name !== null &&
    /^is[A-Z_]/.test(name) &&
    first !== undefined &&
    file.getText(unwrap(first)) === error &&
    splitWords(name).some((word) => !GENERIC_PREDICATE_WORDS.has(word))
  );
}

/** `err.code`, `err.message`, `err.response.status`: a property read from the error. */
function isPartOfError(node: Node, error: string, file: FileModel): boolean {
  const target = unwrap(node);
  if (target.type !== 'MemberExpression') return false;
  const object = unwrap(target.object);
  return file.getText(object) === error || isPartOfError(object, error, file);
}

/** A literal, a constant's name (`ENOENT`) or a static path (`ErrorCode.NotFound`), not about the error. */
function isConstant(node: Node, error: string, file: FileModel): boolean {
  const target = unwrap(node);
  if (target.type === 'Literal') return true;
  if (target.type === 'TemplateLiteral') return target.expressions.length === 0;
  if (target.type === 'Identifier') return /^[A-Z][A-Z0-9_]*$/.test(target.name);
  return (
    target.type === 'MemberExpression' &&
    memberPath(target) !== null &&
    !isPartOfError(target, error, file) &&
    file.getText(unwrap(target.object)) !== error
  );
}

/** A part of a message (or an argument after it) that logs an error as text the call keeps nowhere else. */
export interface LostError extends StringifiedError {
  /** The part or argument that holds the text. */
  node: TSESTree.Expression;
}

/**
 * The values of a dynamic message that turn an error into text (`${err.message}`, `${err}`) while the
 * call logs the error object nowhere else: its stack is lost. Shared by error-field and
 * no-dynamic-message, whose rewrite moves such an error under the error key.
 */
export function lostErrorParts(
  call: LogCall,
  message: Extract<MessageAnalysis, { kind: 'dynamic' }>,
  file: FileModel,
): LostError[] {
  const lost: LostError[] = [];
  for (const part of message.parts) {
    if (part.kind !== 'value') continue;
    const stringified =
      stringifiedError(part.node, file) ??
      (isErrorExpression(part.node, file)
        ? { how: 'Interpolating an error', error: part.node }
        : null);
    if (stringified && errorIsLost(call, stringified.error, message.consumedArgs, file))
      lost.push({ ...stringified, node: part.node });
  }
  return lost;
}

/**
 * Arguments after the message that log an error as text (`logger.error('Failed:', err.message)`): no
 * placeholder takes them, and the error object is logged nowhere else. A fields object is not one of
 * them (its values are checked one by one), nor NestJS's context.
 */
export function lostErrorArguments(
  call: LogCall,
  message: MessageAnalysis,
  file: FileModel,
): LostError[] {
  if (call.messageIndex === undefined || call.infoObject) return [];
  const consumed = message.kind === 'dynamic' ? message.consumedArgs : 0;
  const lost: LostError[] = [];
  for (let index = call.messageIndex + consumed + 1; index < call.args.length; index++) {
    const arg = call.args[index];
    if (index === call.contextIndex || arg.type === 'SpreadElement') continue;
    if (index === call.fieldsIndex && unwrap(arg).type === 'ObjectExpression') continue;
    const stringified = stringifiedError(arg, file);
    if (stringified && errorIsLost(call, stringified.error, consumed, file))
      lost.push({ ...stringified, node: arg });
  }
  return lost;
}

/**
 * A message that is only an error's text (`logger.error(err.message)`) while the call keeps the error
 * nowhere else; with the edit that logs the Error itself where its logger keeps one so (pino and
 * bunyan: an Error as the only argument, its message and stack printed).
 */
export function lostErrorMessage(
  call: LogCall,
  message: MessageAnalysis,
  file: FileModel,
): (LostError & { edits: Edit[] | null }) | null {
  if (message.kind !== 'unknown') return null;
  const stringified = stringifiedError(message.node, file);
  if (!stringified || !errorIsLost(call, stringified.error, 0, file)) return null;
  const alone = call.style !== undefined && isFieldsFirst(call.style) && call.args.length === 1;
  return {
    ...stringified,
    node: message.node as TSESTree.Expression,
    edits: alone ? [{ range: message.node.range, text: file.getText(stringified.error) }] : null,
  };
}

/**
 * The edits that log an error argument's object instead of its text, as the call's logger keeps it:
 * winston (and a logger of unknown family) merges an Error argument whole, NestJS prints its second
 * argument as the stack, pino and bunyan read an Error only in the fields, before the message. Null
 * when no such edit is safe.
 */
export function errorArgumentEdits(
  call: LogCall,
  lost: LostError,
  key: string,
  file: FileModel,
): Edit[] | null {
  const index = call.args.indexOf(lost.node as CallArgument);
  const errorText = file.getText(lost.error);
  if (call.style === undefined || call.style === 'winston')
    return [{ range: lost.node.range, text: errorText }];
  if (call.style === 'nestjs')
    return call.method === 'error' && index === 1 && call.messageIndex === 0
      ? [{ range: lost.node.range, text: `${errorText}.stack` }]
      : null;
  if (
    call.messageIndex === undefined ||
    call.fieldsIndex !== undefined ||
    index !== call.messageIndex + 1 ||
    index !== call.args.length - 1
  )
    return null;
  const message = call.args[call.messageIndex];
  const property = key === errorText ? key : `${key}: ${errorText}`;
  return [
    {
      range: [message.range[0], lost.node.range[1]],
      text: `{ ${property} }, ${file.getText(message)}`,
    },
  ];
}

export interface StringifiedError {
  /** The error object itself (`err` in `err.message`). */
  error: TSESTree.Expression;
  /** How it was turned into text, for messages: 'err.message', 'String(err)'... */
  how: string;
}

function bareError(node: Node, file: FileModel): StringifiedError | null {
  return isErrorExpression(node, file)
    ? { error: unwrap(node) as TSESTree.Expression, how: file.getText(node) }
    : null;
}

function sameNode(a: Node, b: Node, file: FileModel): boolean {
  return file.getText(unwrap(a)) === file.getText(unwrap(b));
}

/**
 * A branch of `cond ? a : b` or `a ?? b` beside the error's text: its text too, the error itself (then
 * not an Error, printed as it is), or a constant fallback (`'unknown error'`).
 */
function isTextOfError(branch: Node, error: Node, file: FileModel): boolean {
  const target = unwrap(branch);
  if (isStringLiteral(target) || sameNode(target, error, file)) return true;
  if (target.type === 'TemplateLiteral' && target.expressions.length === 0) return true;
  const text = stringifiedError(target, file);
  return text !== null && sameNode(text.error, error, file);
}

/**
 * Helpers named for turning an error into its text: `getErrorMessage(err)` (a common
 * `(error: unknown) => string`), `toErrorMessage`, `errorToString`, `stringifyError`. `formatError`
 * is left out: formatters often keep the stack.
 */
const ERROR_TEXT_HELPER =
  /^(?:(?:get|to)_?)?err(?:or)?_?(?:message|msg|text|string)$|^err(?:or)?_?to_?(?:string|text)$|^stringify_?err(?:or)?$/i;

/**
 * Recognises an error turned into text: `err.message`, `err.stack`, `String(err)`, `err.toString()`,
 * `JSON.stringify(err)` (which prints `{}` for an Error), `getErrorMessage(err)`. The bare error
 * returns null: whether that is stringified depends on where it sits (a template, or a field value).
 */
export function stringifiedError(node: Node, file: FileModel): StringifiedError | null {
  const target = unwrap(node);
  if (target.type === 'ConditionalExpression' || target.type === 'LogicalExpression') {
    // `err instanceof Error ? err.message : String(err)`, `err?.message ?? 'unknown'`: text either way.
    const [first, second] =
      target.type === 'ConditionalExpression'
        ? [target.consequent, target.alternate]
        : [target.left, target.right];
    const text = stringifiedError(first, file) ?? stringifiedError(second, file);
    if (!text || ![first, second].every((branch) => isTextOfError(branch, text.error, file)))
      return null;
    return { error: text.error, how: file.getText(target) };
  }
  if (target.type === 'TemplateLiteral' && target.expressions.length > 0) {
    // `${err}`, `Error: ${err.message}`: a template made of the error and text only.
    const text = target.expressions
      .map((expression) => stringifiedError(expression, file) ?? bareError(expression, file))
      .reduce<StringifiedError | null | undefined>(
        (found, each) =>
          found === null || each === null || (found && !sameNode(found.error, each.error, file))
            ? null
            : (found ?? each),
        undefined,
      );
    return text ? { error: text.error, how: file.getText(target) } : null;
  }
  if (target.type === 'MemberExpression') {
    const name = propertyName(target);
    if (
      (name === 'message' || name === 'stack') &&
      (isErrorExpression(target.object, file) || loggableErrorOf(target.object, file))
    ) {
      return { error: unwrap(target.object) as TSESTree.Expression, how: file.getText(target) };
    }
    return null;
  }
  if (
    target.type !== 'CallExpression' ||
    target.arguments.some((arg) => arg.type === 'SpreadElement')
  )
    return null;
  const callee = unwrap(target.callee);
  const [first] = target.arguments as TSESTree.Expression[];
  if (
    callee.type === 'Identifier' &&
    callee.name === 'String' &&
    first &&
    isErrorExpression(first, file)
  ) {
    return { error: unwrap(first) as TSESTree.Expression, how: file.getText(target) };
  }
  const name = calleeName(target);
  if (name !== null && ERROR_TEXT_HELPER.test(name) && first && isErrorExpression(first, file)) {
    return { error: unwrap(first) as TSESTree.Expression, how: file.getText(target) };
  }
  if (callee.type === 'MemberExpression') {
    if (
      name === 'toString' &&
      target.arguments.length === 0 &&
      isErrorExpression(callee.object, file)
    ) {
      return { error: unwrap(callee.object) as TSESTree.Expression, how: file.getText(target) };
    }
    const path = memberPath(callee);
    if (path?.join('.') === 'JSON.stringify' && first && isErrorExpression(first, file)) {
      return { error: unwrap(first) as TSESTree.Expression, how: file.getText(target) };
    }
  }
  return null;
}

/**
 * Functions that format the date they take first (date-fns' `format`, `formatISO`, and the
 * `formatDate` most projects write). Node's `format('%s', x)` takes a format string first, so the
 * first argument must be a name for this to apply.
 */
const DATE_FORMATTER = /^format(?:Date|DateTime|Time|ISO|Timestamp)?$/;

/**
 * Functions named for converting what they take (`toISOString(date)`, `dateTimeToISOString(d)`,
 * `stringifyJson(x)`, `formatBytes(n)`): the field is named after their argument.
 */
const CONVERTER =
  /^(?:to[A-Z]|format[A-Z]|stringify|serializ|normali[sz]e|pretty|humani[sz]e)|[a-z]To[A-Z]\w*$/;

/** Lookups by a string key: the field is named after the key. */
const ACCESSOR_METHODS = new Set([
  'get',
  'getHeader',
  'header',
  'param',
  'getItem',
  'getAttribute',
]);

/** Methods that only format or cut their receiver: the field is named after the receiver. */
const FORMATTING_METHODS = new Set([
  'toString',
  'toFixed',
  'toPrecision',
  'toISOString',
  'toUTCString',
  'toDateString',
  'toTimeString',
  'toLocaleDateString',
  'toLocaleTimeString',
  'toJSON',
  'toISO',
  'toFormat',
  'join',
  'trim',
  'trimStart',
  'trimEnd',
  'toUpperCase',
  'toLowerCase',
  'toLocaleString',
  'valueOf',
  'slice',
  'substring',
  'substr',
  'padStart',
  'padEnd',
  'replace',
  'replaceAll',
  'split',
  'normalize',
  'filter',
  'sort',
  'flat',
  'at',
]);

/** `performance.now()`, `Date.now()`, `process.hrtime`: a subtraction from one is a duration. */
const CLOCK_CALL = /^(Date\.now|performance\.now|process\.uptime|process\.hrtime(\.bigint)?)$/;

function baseKey(node: Node): string {
  const target = unwrap(node);
  switch (target.type) {
    case 'Identifier':
      return target.name;
    case 'AwaitExpression':
      return baseKey(target.argument);
    case 'MemberExpression': {
      const name = propertyName(target);
      if (name === 'length') return `${camelBase(baseKey(target.object))}Count`;
      // `set.size` counts; `stat.size`, `file.size` measure.
      if (name === 'size') {
        const owner = camelBase(baseKey(target.object));
        return /(stat|stats|file|blob|buffer|body|payload|image|upload|attachment)$/i.test(owner)
          ? `${owner}Size`
          : `${owner}Count`;
      }
      if (target.computed && name === null) return singular(camelBase(baseKey(target.object)));
      const path = memberPath(target);
      if (path) return joinKeySegments(path);
      return name ?? singular(baseKey(target.object));
    }
    case 'LogicalExpression':
      // `a || 'default'`, `a ?? fallback`: the value is about `a`.
      return baseKey(target.left);
    case 'ConditionalExpression':
      // `enabled ? 'on' : 'off'` is about `enabled`.
      if (target.consequent.type === 'Literal' && target.alternate.type === 'Literal')
        return baseKey(target.test);
      return target.consequent.type === 'Literal'
        ? baseKey(target.alternate)
        : baseKey(target.consequent);
    case 'BinaryExpression': {
      // `Date.now() - start` is how long something took; `step + 1` is about `step`.
      if (target.operator === '-' && isClockCall(target.left)) return 'durationMs';
      const operand = [target.left, target.right].find(
        (side) => side.type !== 'Literal' && side.type !== 'PrivateIdentifier',
      );
      return operand ? baseKey(operand) : FALLBACK_KEY;
    }
    case 'UnaryExpression':
      return baseKey(target.argument);
    case 'TemplateLiteral':
      return target.expressions.length > 0 ? baseKey(target.expressions[0]) : FALLBACK_KEY;
    case 'NewExpression': {
      const callee = unwrap(target.callee);
      return callee.type === 'Identifier' ? lowerFirst(callee.name) : FALLBACK_KEY;
    }
    case 'CallExpression': {
      const callee = unwrap(target.callee);
      const [first] = target.arguments;
      const firstNamed =
        first !== undefined && first.type !== 'SpreadElement' && first.type !== 'Literal';
      if (callee.type === 'Identifier') {
        if ((callee.name === 'String' || callee.name === 'Number') && first) return baseKey(first);
        // `format(from, DATE_FORMAT)`, `formatDate(createdAt)`: the value is the date, formatted.
        if (
          DATE_FORMATTER.test(callee.name) &&
          first &&
          (first.type === 'Identifier' || first.type === 'MemberExpression')
        )
          return baseKey(first);
        if (CONVERTER.test(callee.name) && firstNamed) return baseKey(first);
        return stripGetter(callee.name);
      }
      if (callee.type === 'MemberExpression') {
        const name = propertyName(callee);
        if (name && FORMATTING_METHODS.has(name)) return baseKey(callee.object);
        // `req.get('Call-ID')`, `headers.get('x-request-id')`: named after what is looked up.
        if (name && ACCESSOR_METHODS.has(name) && first && isStringLiteral(first))
          return toCamelCase(splitWords(first.value)) || FALLBACK_KEY;
        const path = memberPath(callee);
        // Static helpers of globals (`JSON.stringify(x)`, `Object.keys(x)`) describe their argument.
        if (
          path &&
          path.length === 2 &&
          /^(JSON|Object|Array|Math|Number|String|Buffer|Date)$/.test(path[0]) &&
          first &&
          first.type !== 'SpreadElement'
        ) {
          const argumentKey = baseKey(first);
          return /^(keys|values|entries)$/.test(path[1])
            ? argumentKey + path[1].charAt(0).toUpperCase() + path[1].slice(1)
            : argumentKey;
        }
        if (path && path.length === 2 && CLOCK_CALL.test(path.join('.'))) return 'timestamp';
        if (name && CONVERTER.test(name) && firstNamed) return baseKey(first);
        if (path)
          return joinKeySegments([...path.slice(0, -1), stripGetter(path[path.length - 1])]);
        if (name) return stripGetter(name);
      }
      return FALLBACK_KEY;
    }
    default:
      return FALLBACK_KEY;
  }
}

/**
 * The key of a value nothing names (a literal, `(a, b)`): the text around it usually names it
 * (see `keyFromContext`); this is the last resort, and says so.
 */
export const FALLBACK_KEY = 'detail';

function isClockCall(node: Node): boolean {
  const target = unwrap(node);
  if (target.type !== 'CallExpression') return false;
  const path = memberPath(unwrap(target.callee));
  return path !== null && CLOCK_CALL.test(path.join('.'));
}

function lowerFirst(name: string): string {
  return /^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/** `tokens` -> `token`, `entries` -> `entry`: one element of a list. */
function singular(key: string): string {
  if (/[^aeiou]ies$/.test(key)) return `${key.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(key)) return key;
  if (/(xes|ches|shes|sses)$/.test(key)) return key.slice(0, -2);
  if (/[a-z]s$/.test(key) && key.length > 3) return key.slice(0, -1);
  return key;
}

/** A constant's name (`RESOLVERS`) as the start of a longer key: `resolversCount`, not `RESOLVERSCount`. */
function camelBase(key: string): string {
  return /^[A-Z][A-Z0-9_]*$/.test(key) ? toCamelCase(splitWords(key)) : key;
}

/** What a getter's name says it returns (`Name` for `getName`), or null when the name is not a getter's. */
export function getterSubject(name: string): string | null {
  return /^get([A-Z].*)$/.exec(name)?.[1] ?? null;
}

function stripGetter(name: string): string {
  const subject = getterSubject(name);
  return subject === null ? name : subject.charAt(0).toLowerCase() + subject.slice(1);
}

/** The text on each side of a value in its message, for naming it (`took ${ms}ms` -> `durationMs`). */
export interface KeyContext {
  /** The message text before the value, back to the previous value or the start. */
  before: string;
  /** The message text after the value, up to the next value or the end. */
  after: string;
  /** The words before the previous value, when only `of`/`/` stands between: `attempt ${n} of ${max}`. */
  beforePrevious?: string;
}

/**
 * The field key for a value: from the text around it first (`took ${ms}ms` -> `durationMs`,
 * `order ${id}` -> `orderId`, `attempt ${n} of ${max}` -> `attempt`, `maxAttempts`), then from the
 * expression: `orderId` for `order.id`, `itemsCount` for `items.length`, `name` for `getName()`,
 * `runId` for `run.runId`.
 */
export function fieldKeyFor(node: Node, fieldCase: FieldCase, context?: KeyContext): string {
  const fromExpression = baseKey(node);
  const key = context ? keyFromContext(fromExpression, context) : fromExpression;
  return applyFieldCase(key, fieldCase);
}
