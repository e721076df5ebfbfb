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
  unwrap,
  type Node,
} from '../model/ast';
import type { FileModel } from '../model/file';
import type { LogCall } from '../loggers/log-calls';
import { applyFieldCase, joinKeySegments, splitWords, toCamelCase } from './naming';
import type { FieldCase } from '../model/settings';

const ERROR_NAMES = /^(err|error|ex|exc|exception)$|[a-z0-9_](Error|Err|Exception)$/;

/** Is this expression an Error object: a catch parameter, an error-named identifier, or `new XError()`. */
export function isErrorExpression(node: Node, file: FileModel): boolean {
  const target = unwrap(node);
  if (target.type === 'Identifier') {
    if (ERROR_NAMES.test(target.name)) return true;
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
    return name !== null && ERROR_MAKERS.test(name);
  }
  return false;
}

/**
 * Functions whose name says they return an Error (`toError(err)`, `ensureError(e)`, `createError(404)`):
 * spreading what they return into fields would drop its message and stack. Not `formatError` or
 * `serializeError`, which return text or a plain object.
 */
const ERROR_MAKERS =
  /^(to|as|ensure|normali[sz]e|wrap|coerce|create|make)([A-Z]\w*)?(Error|Exception)$/;

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
    if (
      current.type !== 'ArrowFunctionExpression' &&
      current.type !== 'FunctionExpression' &&
      current.type !== 'FunctionDeclaration'
    )
      continue;
    const index = current.params.findIndex(
      (param) => param.type === 'Identifier' && param.name === identifier.name,
    );
    if (index === -1) continue;
    const call = current.parent;
    if (index !== 0 || call?.type !== 'CallExpression' || call.callee.type !== 'MemberExpression')
      return false;
    const method = propertyName(call.callee);
    return (
      (method === 'catch' && call.arguments[0] === current) ||
      (method === 'then' && call.arguments[1] === current)
    );
  }
  return false;
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
 * logs an argument after the message that no placeholder takes) as a later argument. A message made
 * of the error's text then loses nothing. pino and bunyan print nothing of a trailing argument, and
 * NestJS prints an Error there as text, so for them only the fields count.
 */
export function logsErrorObject(
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
  if ((call.style === 'winston' || call.style === undefined) && call.messageIndex !== undefined) {
    for (let index = call.messageIndex + consumedArgs + 1; index < call.args.length; index++)
      if (index !== call.fieldsIndex) logged.push(call.args[index]);
  }
  return logged.some((value) => holdsAsValue(value, text, file));
}

/** The value is the expression with this text, or may be it (`a ?? err`), or an object literal holding it. */
function holdsAsValue(node: Node, text: string, file: FileModel): boolean {
  const target = unwrap(node);
  switch (target.type) {
    case 'LogicalExpression':
      return holdsAsValue(target.left, text, file) || holdsAsValue(target.right, text, file);
    case 'ConditionalExpression':
      return (
        holdsAsValue(target.consequent, text, file) || holdsAsValue(target.alternate, text, file)
      );
    case 'ObjectExpression':
      // Not a spread: spreading an Error copies none of its message or stack.
      return target.properties.some(
        (property) => property.type === 'Property' && holdsAsValue(property.value, text, file),
      );
    default:
      return file.getText(target) === text;
  }
}

export interface StringifiedError {
  /** The error object itself (`err` in `err.message`). */
  error: TSESTree.Expression;
  /** How it was turned into text, for messages: 'err.message', 'String(err)'... */
  how: string;
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
  if (target.type === 'MemberExpression') {
    const name = propertyName(target);
    if ((name === 'message' || name === 'stack') && isErrorExpression(target.object, file)) {
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

/** Lookups by a string key: the field is named after the key. */
const ACCESSOR_METHODS = new Set([
  'get',
  'getHeader',
  'header',
  'param',
  'getItem',
  'getAttribute',
]);

/** Methods that only format their receiver: the field is named after the receiver. */
const FORMATTING_METHODS = new Set([
  'toString',
  'toFixed',
  'toISOString',
  'toJSON',
  'join',
  'trim',
  'toUpperCase',
  'toLowerCase',
  'toLocaleString',
  'valueOf',
]);

function baseKey(node: Node): string {
  const target = unwrap(node);
  switch (target.type) {
    case 'Identifier':
      return target.name;
    case 'AwaitExpression':
      return baseKey(target.argument);
    case 'MemberExpression': {
      const name = propertyName(target);
      if (name === 'length' || name === 'size') return `${camelBase(baseKey(target.object))}Count`;
      const path = memberPath(target);
      if (path) return joinKeySegments(path);
      return name ?? `${baseKey(target.object)}Item`;
    }
    case 'LogicalExpression':
      // `a || 'default'`, `a ?? fallback`: the value is about `a`.
      return baseKey(target.left);
    case 'ConditionalExpression':
      return target.consequent.type === 'Literal'
        ? baseKey(target.alternate)
        : baseKey(target.consequent);
    case 'CallExpression': {
      const callee = unwrap(target.callee);
      const [first] = target.arguments;
      if (callee.type === 'Identifier') {
        if ((callee.name === 'String' || callee.name === 'Number') && first) return baseKey(first);
        // `format(from, DATE_FORMAT)`, `formatDate(createdAt)`: the value is the date, formatted.
        if (
          DATE_FORMATTER.test(callee.name) &&
          first &&
          (first.type === 'Identifier' || first.type === 'MemberExpression')
        )
          return baseKey(first);
        return stripGetter(callee.name);
      }
      if (callee.type === 'MemberExpression') {
        const name = propertyName(callee);
        if (name && FORMATTING_METHODS.has(name)) return baseKey(callee.object);
        // `req.get('Call-ID')`, `headers.get('x-request-id')`: named after what is looked up.
        if (name && ACCESSOR_METHODS.has(name) && first && isStringLiteral(first))
          return toCamelCase(splitWords(first.value)) || 'value';
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
        if (path)
          return joinKeySegments([...path.slice(0, -1), stripGetter(path[path.length - 1])]);
        if (name) return stripGetter(name);
      }
      return 'value';
    }
    default:
      return 'value';
  }
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

/** The field key for a value: `orderId` for `order.id`, `itemsCount` for `items.length`, `name` for `getName()`. */
export function fieldKeyFor(node: Node, fieldCase: FieldCase): string {
  return applyFieldCase(baseKey(node), fieldCase);
}
