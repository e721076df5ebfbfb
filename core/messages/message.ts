/**
 * What a log message is made of: constant text, or static text interleaved with values
 * (template literals, concatenation, printf placeholders, util.format, join/concat builders).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import {
  isStringLiteral,
  namedProperty,
  propertyName,
  unwrap,
  type CallArgument,
  type Node,
} from '../model/ast';
import type { DeclaratorTest, FileModel } from '../model/file';
import type { LogCall } from '../loggers/log-calls';
import { VALUE_MARK } from './naming';

export type MessagePart =
  { kind: 'text'; text: string } | { kind: 'value'; node: TSESTree.Expression };

export type DynamicHow = 'template' | 'concatenation' | 'printf' | 'format' | 'join' | 'concat';

export type MessageAnalysis =
  | { kind: 'constant'; text: string; node: TSESTree.Expression }
  | {
      kind: 'dynamic';
      how: DynamicHow;
      parts: MessagePart[];
      node: TSESTree.Expression;
      /** How many arguments after the message a printf format consumed. */
      consumedArgs: number;
    }
  /** A variable or call whose text cannot be known statically: not this analysis' business. */
  | { kind: 'unknown'; node: Node };

/**
 * A printf placeholder that consumes an argument, as util.format reads them (pino, winston's splat,
 * console, log4js): `%c` too, which takes a CSS argument and prints nothing of it. The one
 * definition every rule, codemod and text test uses.
 */
export const PRINTF_PLACEHOLDER = '%[sdifjoOc]';
const PLACEHOLDER = new RegExp(PRINTF_PLACEHOLDER);

/** Whether a text holds a printf placeholder that would consume an argument. */
export function hasPrintfPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text);
}

/** Placeholders and the escaped percent sign, for splitting a format string. */
const PRINTF = new RegExp(`${PRINTF_PLACEHOLDER.slice(0, -1)}%]`, 'g');

/**
 * Whether `constantString` could fold what this declarator binds into text: a `const` whose whole
 * initialiser is a string, a template, a `+` or another name (never destructured: see constantString).
 */
const mayBindConstantText: DeclaratorTest = (declarator) => {
  if (declarator.parent.kind !== 'const' || declarator.id.type !== 'Identifier' || !declarator.init)
    return false;
  const target = unwrap(declarator.init);
  return (
    isStringLiteral(target) ||
    target.type === 'TemplateLiteral' ||
    (target.type === 'BinaryExpression' && target.operator === '+') ||
    target.type === 'Identifier'
  );
};

/** Resolves an identifier bound to a constant string (`const PREFIX = 'orders'`). */
export function constantString(node: Node, file: FileModel, depth = 0): string | null {
  const target = unwrap(node);
  if (isStringLiteral(target)) return target.value;
  // A number is constant text too once it is inside a message (`const MAX = 3` in `of ${MAX}`).
  if (target.type === 'Literal' && typeof target.value === 'number') return String(target.value);
  if (target.type === 'TemplateLiteral' && target.expressions.length === 0)
    return target.quasis[0].value.cooked ?? null;
  if (depth > 3) return null;
  if (target.type === 'BinaryExpression' && target.operator === '+') {
    const left = constantString(target.left, file, depth + 1);
    const right = left === null ? null : constantString(target.right, file, depth + 1);
    return left !== null && right !== null ? left + right : null;
  }
  if (target.type === 'Identifier') {
    if (!file.mayBeBoundBy(target.name, mayBindConstantText)) return null;
    const variable = file.resolve(target);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition?.type !== 'Variable' || definition.node.type !== 'VariableDeclarator')
      return null;
    const declaration = definition.parent as TSESTree.VariableDeclaration | undefined;
    const { id, init } = definition.node as TSESTree.VariableDeclarator;
    // Not `const { length } = PREFIX`: a destructured name is not the whole initialiser.
    if (declaration?.kind !== 'const' || id.type !== 'Identifier' || !init) return null;
    // A named number (`MAX_RETRIES`) is a value worth a field; only named strings become event words.
    if (init.type === 'Literal' && typeof init.value === 'number') return null;
    return constantString(init, file, depth + 1);
  }
  return null;
}

function isUtilFormat(call: TSESTree.CallExpression, file: FileModel): boolean {
  const callee = unwrap(call.callee);
  const isUtil = (source: string | undefined) => source === 'util' || source === 'node:util';
  if (callee.type === 'Identifier') {
    const binding = file.imports.get(callee.name);
    return binding !== undefined && isUtil(binding.source) && binding.imported === 'format';
  }
  if (callee.type === 'MemberExpression' && propertyName(callee) === 'format') {
    const object = unwrap(callee.object);
    return (
      object.type === 'Identifier' &&
      (isUtil(file.imports.get(object.name)?.source) ||
        (object.name === 'util' && !file.imports.has('util')))
    );
  }
  return false;
}

/** Splits a printf format into parts, consuming values from `values`; null when there are more placeholders than values. */
function printfParts(
  format: string,
  values: readonly CallArgument[],
  file: FileModel,
): { parts: MessagePart[]; consumed: number } | null {
  const parts: MessagePart[] = [];
  let consumed = 0;
  let last = 0;
  for (const match of format.matchAll(PRINTF)) {
    const index = match.index ?? 0;
    if (match[0] === '%%') continue;
    if (consumed >= values.length) return null;
    const value = values[consumed++];
    if (value.type === 'SpreadElement') return null;
    parts.push({ kind: 'text', text: format.slice(last, index).replace(/%%/g, '%') });
    // `%s` filled with a template or a constant is more message text, not one opaque value.
    if (match[0] !== '%c') valuePart(value, file, parts);
    last = index + match[0].length;
  }
  parts.push({ kind: 'text', text: format.slice(last).replace(/%%/g, '%') });
  return { parts, consumed };
}

function isStringish(node: Node, file: FileModel): boolean {
  const target = unwrap(node);
  if (isStringLiteral(target) || target.type === 'TemplateLiteral') return true;
  if (target.type === 'BinaryExpression' && target.operator === '+')
    return isStringish(target.left, file) || isStringish(target.right, file);
  return false;
}

/** Flattens `'a ' + b + ' c'` left to right; `x + y` of two non-strings stays one value, as JavaScript adds it first. */
function concatParts(node: Node, file: FileModel, parts: MessagePart[]): void {
  const target = unwrap(node);
  if (target.type === 'BinaryExpression' && target.operator === '+' && isStringish(target, file)) {
    concatParts(target.left, file, parts);
    concatParts(target.right, file, parts);
    return;
  }
  valuePart(target as TSESTree.Expression, file, parts);
}

function valuePart(node: TSESTree.Expression, file: FileModel, parts: MessagePart[]): void {
  const constant = constantString(node, file);
  if (constant !== null) parts.push({ kind: 'text', text: constant });
  else if (node.type === 'TemplateLiteral') templateParts(node, file, parts);
  else parts.push({ kind: 'value', node });
}

function templateParts(
  node: TSESTree.TemplateLiteral,
  file: FileModel,
  parts: MessagePart[],
): void {
  node.quasis.forEach((quasi, index) => {
    parts.push({ kind: 'text', text: quasi.value.cooked ?? quasi.value.raw });
    const expression = node.expressions[index];
    if (expression) valuePart(expression, file, parts);
  });
}

function finish(
  node: TSESTree.Expression,
  how: DynamicHow,
  parts: MessagePart[],
  consumedArgs = 0,
): MessageAnalysis {
  const merged: MessagePart[] = [];
  for (const part of parts) {
    const previous = merged[merged.length - 1];
    if (part.kind === 'text' && previous?.kind === 'text') previous.text += part.text;
    else merged.push(part.kind === 'text' ? { ...part } : part);
  }
  if (merged.every((part) => part.kind === 'text')) {
    return {
      kind: 'constant',
      text: merged.map((part) => (part as { text: string }).text).join(''),
      node,
    };
  }
  return { kind: 'dynamic', how, parts: merged, node, consumedArgs };
}

/**
 * Analyses the message argument. `following` are the arguments after it, which printf-style
 * placeholders consume (pino, winston's splat, console).
 */
export function analyzeMessage(
  argument: CallArgument,
  following: readonly CallArgument[],
  file: FileModel,
  allowPrintf = true,
): MessageAnalysis {
  if (argument.type === 'SpreadElement') return { kind: 'unknown', node: argument };
  const node = unwrap(argument) as TSESTree.Expression;
  if (isStringLiteral(node)) {
    if (allowPrintf && following.length > 0 && hasPrintfPlaceholder(node.value)) {
      const printf = printfParts(node.value, following, file);
      if (printf) return finish(argument, 'printf', printf.parts, printf.consumed);
    }
    return { kind: 'constant', text: node.value, node: argument };
  }
  if (node.type === 'TemplateLiteral') {
    const parts: MessagePart[] = [];
    templateParts(node, file, parts);
    return finish(argument, 'template', parts);
  }
  if (node.type === 'BinaryExpression' && node.operator === '+') {
    if (!isStringish(node, file)) return { kind: 'unknown', node };
    const parts: MessagePart[] = [];
    concatParts(node, file, parts);
    return finish(argument, 'concatenation', parts);
  }
  if (node.type === 'CallExpression') return analyzeBuilderCall(node, argument, file);
  if (node.type === 'Identifier') {
    const constant = constantString(node, file);
    if (constant !== null) return { kind: 'constant', text: constant, node: argument };
  }
  return { kind: 'unknown', node };
}

function analyzeBuilderCall(
  node: TSESTree.CallExpression,
  argument: TSESTree.Expression,
  file: FileModel,
): MessageAnalysis {
  const args = node.arguments;
  if (args.some((arg) => arg.type === 'SpreadElement')) return { kind: 'unknown', node };
  if (isUtilFormat(node, file) && args.length > 0) {
    const format = constantString(args[0], file);
    const printf = format === null ? null : printfParts(format, args.slice(1), file);
    if (!printf || printf.consumed !== args.length - 1) return { kind: 'unknown', node };
    return finish(argument, 'format', printf.parts);
  }
  const callee = unwrap(node.callee);
  if (callee.type !== 'MemberExpression') return { kind: 'unknown', node };
  const name = propertyName(callee);
  const object = unwrap(callee.object);
  if (name === 'join' && object.type === 'ArrayExpression' && args.length <= 1) {
    const separator = args.length === 0 ? ',' : constantString(args[0], file);
    if (
      separator === null ||
      object.elements.some((element) => element === null || element.type === 'SpreadElement')
    )
      return { kind: 'unknown', node };
    const parts: MessagePart[] = [];
    object.elements.forEach((element, index) => {
      if (index > 0) parts.push({ kind: 'text', text: separator });
      valuePart(element as TSESTree.Expression, file, parts);
    });
    return finish(argument, 'join', parts);
  }
  if (name === 'concat' && constantString(object, file) !== null) {
    const parts: MessagePart[] = [];
    valuePart(object as TSESTree.Expression, file, parts);
    for (const arg of args) valuePart(arg as TSESTree.Expression, file, parts);
    return finish(argument, 'concat', parts);
  }
  return { kind: 'unknown', node };
}

/** The static text of a message with VALUE_MARK where each value was: the words that name a value stay out of an event name. */
export function markedText(parts: readonly MessagePart[]): string {
  return parts.map((part) => (part.kind === 'text' ? part.text : VALUE_MARK)).join('');
}

/** The static text of a dynamic message with a space where each value was, for naming. */
export function staticText(parts: readonly MessagePart[]): string {
  return parts.map((part) => (part.kind === 'text' ? part.text : ' ')).join('');
}

/** The property of an info object that holds the message: winston's `message`, pino's `msg`. */
export function infoMessageProperty(call: LogCall): TSESTree.Property | undefined {
  return (
    call.infoObject && namedProperty(call.infoObject, call.style === 'pino' ? 'msg' : 'message')
  );
}

/** The message of a recognised log call, analysed (once per call); null when the call has none. */
export function messageOfCall(call: LogCall, file: FileModel): MessageAnalysis | null {
  if (call.memo.message === undefined) call.memo.message = messageOfCallUncached(call, file);
  return call.memo.message;
}

function messageOfCallUncached(call: LogCall, file: FileModel): MessageAnalysis | null {
  if (call.infoObject) {
    const property = infoMessageProperty(call);
    return property ? analyzeMessage(property.value as TSESTree.Expression, [], file, false) : null;
  }
  if (call.messageIndex === undefined) return null;
  const following = call.args
    .slice(call.messageIndex + 1)
    .filter((_, offset) => call.messageIndex! + 1 + offset !== call.contextIndex);
  return analyzeMessage(call.args[call.messageIndex], following, file, call.style !== 'nestjs');
}
