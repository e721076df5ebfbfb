/**
 * The fields of one log call as the catalog records them: each key, what kind of value it holds,
 * the member path it logs, and whether it is sensitive. Shared by the catalog and by the rules
 * `consistent-field-names` and `event-schema`, so the editor and CI read a call the same way.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { isStringLiteral, memberPath, propertyName, staticKeyName, unwrap } from '../model/ast';
import type { FileModel } from '../model/file';
import type { LogCall } from '../loggers/log-calls';
import { isErrorExpression } from '../messages/fields';
import { splitWords } from '../messages/naming';
import { findSensitiveData } from '../sensitive/sensitive-calls';
import { errorKeyFor, type Settings } from '../model/settings';
import type { FieldKind } from './types';

export interface FieldOccurrence {
  key: string;
  kind: FieldKind;
  /** The logged member path (`user.id`), when the value is one of at least two segments. */
  value?: string;
  sensitive?: string;
  /** The property in the source; null for an error passed whole as the fields argument. */
  property: TSESTree.Property | null;
}

export interface CallFields {
  fields: FieldOccurrence[];
  /** A spread, a variable or a call passed as fields: keys the analysis cannot list. */
  open: boolean;
}

const ID_WORDS = new Set(['id', 'ids', 'uuid', 'guid']);
const DURATION_WORDS = new Set([
  'ms',
  'millis',
  'milliseconds',
  'seconds',
  'secs',
  'sec',
  'ns',
  'duration',
  'elapsed',
  'latency',
  'took',
]);
const COUNT_WORDS = new Set([
  'count',
  'total',
  'size',
  'length',
  'num',
  'attempt',
  'attempts',
  'retries',
  'retry',
]);
const BOOLEAN_FIRST_WORDS = new Set(['is', 'has', 'should', 'can', 'was', 'did', 'will']);
const TEXT_WORDS = new Set([
  'name',
  'message',
  'msg',
  'reason',
  'path',
  'url',
  'route',
  'method',
  'email',
  'text',
  'description',
  'title',
  'label',
  'region',
  'env',
  'host',
  'hostname',
  'mode',
  'state',
  'version',
  'phase',
  'stage',
  'type',
  'category',
  'action',
  'source',
  'target',
]);
const ERROR_WORDS = new Set(['err', 'error', 'exception']);
const CLOCKS = /^(Date\.now|performance\.now|process\.hrtime(\.bigint)?)$/;

function isClockDifference(node: TSESTree.Node): boolean {
  const target = unwrap(node);
  if (target.type !== 'BinaryExpression' || target.operator !== '-') return false;
  const left = unwrap(target.left);
  if (left.type !== 'CallExpression') return false;
  const path = memberPath(unwrap(left.callee));
  return path !== null && CLOCKS.test(path.join('.'));
}

/** What a field holds: from its value's shape first, then from the words of its key. */
export function fieldKind(key: string, value: TSESTree.Node, file: FileModel): FieldKind {
  const target = unwrap(value);
  const words = splitWords(key);
  const first = words[0] ?? '';
  const last = words[words.length - 1] ?? '';
  if (isErrorExpression(target, file) || (ERROR_WORDS.has(last) && words.length === 1))
    return 'error';
  if (ID_WORDS.has(last)) return 'id';
  if (DURATION_WORDS.has(last) || isClockDifference(target)) return 'duration';
  if (
    COUNT_WORDS.has(last) ||
    (target.type === 'MemberExpression' && /^(length|size)$/.test(propertyName(target) ?? ''))
  )
    return 'count';
  if (
    (target.type === 'Literal' && typeof target.value === 'boolean') ||
    (target.type === 'UnaryExpression' && target.operator === '!') ||
    (target.type === 'BinaryExpression' &&
      /^(===|!==|==|!=|<|>|<=|>=|in|instanceof)$/.test(target.operator)) ||
    (words.length > 1 && BOOLEAN_FIRST_WORDS.has(first)) ||
    last === 'enabled'
  )
    return 'boolean';
  if (
    target.type === 'ObjectExpression' ||
    target.type === 'ArrayExpression' ||
    (target.type === 'NewExpression' && !isErrorExpression(target, file))
  )
    return 'object';
  if (
    isStringLiteral(target) ||
    target.type === 'TemplateLiteral' ||
    (target.type === 'CallExpression' &&
      ((unwrap(target.callee).type === 'Identifier' &&
        (unwrap(target.callee) as TSESTree.Identifier).name === 'String') ||
        /^(toString|join|toISOString|trim|toLowerCase|toUpperCase)$/.test(
          unwrap(target.callee).type === 'MemberExpression'
            ? (propertyName(unwrap(target.callee) as TSESTree.MemberExpression) ?? '')
            : '',
        ))) ||
    TEXT_WORDS.has(last) ||
    ERROR_WORDS.has(first)
  )
    return 'text';
  return 'unknown';
}

/** The member path a value logs (`user.id`, `this.order.id` -> `order.id`), when it has two segments or more. */
export function valuePath(value: TSESTree.Node): string | undefined {
  let target = unwrap(value);
  if (target.type === 'AwaitExpression') target = unwrap(target.argument);
  const path = memberPath(target);
  const segments = path?.[0] === 'this' ? path.slice(1) : path;
  return segments && segments.length >= 2 ? segments.join('.') : undefined;
}

/** The node a call passes its fields in, or its info object; undefined when it passes none. */
function fieldsNode(call: LogCall): TSESTree.Node | undefined {
  if (call.infoObject) return call.infoObject;
  return call.fieldsIndex === undefined ? undefined : call.args[call.fieldsIndex];
}

/** The keys of an info object that are not fields: its message and level. */
function infoKeys(call: LogCall): ReadonlySet<string> {
  return new Set(['level', call.style === 'pino' ? 'msg' : 'message']);
}

/** Every field one log call logs, with its kind, value path and sensitivity. */
export function fieldsOfCall(call: LogCall, file: FileModel, settings: Settings): CallFields {
  const node = fieldsNode(call);
  if (!node) return { fields: [], open: false };
  const target = unwrap(node);
  if (target.type !== 'ObjectExpression') {
    if (!isErrorExpression(target, file)) return { fields: [], open: true };
    const key = call.style ? errorKeyFor(settings, call.style) : (settings.errorKey ?? 'err');
    return { fields: [{ key, kind: 'error', property: null }], open: false };
  }
  const sensitive = new Map<string, string>();
  for (const finding of findSensitiveData([target], file, settings)) {
    const key = finding.property
      ? staticKeyName(finding.property)
      : finding.fieldPath?.split('.')[0];
    if (key && !sensitive.has(key)) sensitive.set(key, finding.category);
  }
  const skip = call.infoObject ? infoKeys(call) : undefined;
  const fields: FieldOccurrence[] = [];
  let open = false;
  for (const property of target.properties) {
    if (property.type !== 'Property') {
      open = true;
      continue;
    }
    const key = staticKeyName(property);
    if (key === null) {
      open = true;
      continue;
    }
    if (skip?.has(key)) continue;
    const value = valuePath(property.value);
    const category = sensitive.get(key);
    let kind = fieldKind(key, property.value, file);
    // `uid: user.id`: what the value is named says what the key does not.
    if (kind === 'unknown' && value !== undefined)
      kind = fieldKind(value.slice(value.lastIndexOf('.') + 1), property.value, file);
    fields.push({
      key,
      kind,
      ...(value === undefined ? {} : { value }),
      ...(category === undefined ? {} : { sensitive: category }),
      property,
    });
  }
  return { fields, open };
}

/** The level a call logs at: winston's `log('warn', ...)` and `log({ level })` name it, other calls are their method. */
export function levelOfCall(call: LogCall): string {
  if (call.levelIndex !== undefined) {
    const level = unwrap(call.args[call.levelIndex]);
    if (isStringLiteral(level)) return level.value;
  }
  const property = call.infoObject?.properties.find(
    (p): p is TSESTree.Property => p.type === 'Property' && staticKeyName(p) === 'level',
  );
  const level = property && unwrap(property.value);
  return level && isStringLiteral(level) ? level.value : call.method;
}
