/**
 * Sensitive data in the arguments of log and console calls, and how to redact each finding.
 * `no-sensitive-data` reports these findings; `redact-sensitive-data` applies their redactions.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import {
  calleeName,
  isStringLiteral,
  memberPath,
  propertyName,
  staticKeyName,
  unwrap,
  type Node,
} from '../model/ast';
import { consoleAccess, mayContainConsole } from '../console/console';
import { getterSubject } from '../messages/fields';
import { removeListItems, type Edit } from '../model/edits';
import type { FileModel } from '../model/file';
import { analyzeLogCall, mayContainLogCalls } from '../loggers/log-calls';
import { constantString } from '../messages/message';
import { preferredQuote, quoteString } from '../messages/rewrite';
import {
  mayMentionSensitive,
  riskyObjectPath,
  secretShape,
  sensitiveName,
  type SensitiveCategory,
  type SensitiveOptions,
} from './sensitive';
import { isFieldsFirst, type Settings } from '../model/settings';

export type SensitiveKind = 'key' | 'value' | 'spread' | 'risky' | 'shape';

export interface SensitiveFinding {
  kind: SensitiveKind;
  /** The node to report. */
  node: TSESTree.Node;
  /** What matched: a name, a path, or a secret shape. */
  what: string;
  category: SensitiveCategory | 'object' | 'literal';
  /** The property when the finding is a field (`key`), for removal and shorthand expansion. */
  property?: TSESTree.Property;
  /** The expression to replace when redacting (a value), if it can be redacted in place. */
  value?: TSESTree.Node;
  /** Dotted field path, for pino's `redact` option. */
  fieldPath?: string;
}

export const REDACTED = '[REDACTED]';

/** Cheap text test: can this file log (or print) anything the lexicon, its settings or the secret shapes match? */
export function mayContainSensitiveData(text: string, settings: Settings): boolean {
  return (
    (mayContainLogCalls(text, settings) || mayContainConsole(text)) &&
    mayMentionSensitive(text, settings.sensitive.names)
  );
}

function optionsFrom(settings: Settings): SensitiveOptions {
  return {
    names: settings.sensitive.names,
    allow: settings.sensitive.allow,
    categories: settings.sensitive.categories,
  };
}

/** Arguments that end up in a log line: those of a log call or a console call. */
export function loggedArguments(
  call: TSESTree.CallExpression,
  file: FileModel,
  settings: Settings,
): { args: TSESTree.CallExpressionArgument[]; fieldsFirst: boolean } | null {
  const callee = unwrap(call.callee);
  if (callee.type !== 'MemberExpression') return null;
  if (runsOnlyInDevelopment(call)) return null;
  const logCall = analyzeLogCall(call, file, settings);
  if (logCall)
    return {
      args: logCall.args,
      fieldsFirst: logCall.style !== undefined && isFieldsFirst(logCall.style),
    };
  if (consoleAccess(callee, file)) return { args: call.arguments, fieldsFirst: false };
  return null;
}

const DEVELOPMENT_NAME = /^(is_?)?(dev|development|local)(_?(mode|env|environment))?$/i;
const PRODUCTION_NAME = /^(is_?)?(prod|production)(_?(mode|env|environment))?$/i;
const ENVIRONMENT_NAME = /^(NODE_ENV|APP_ENV|ENV|ENVIRONMENT|environment|env)$/;

/**
 * Whether a condition holds only in development (`env.isDevelopment`, `isDev`,
 * `process.env.NODE_ENV === 'development'`, `NODE_ENV !== 'production'`); `production` asks the
 * opposite question, for the `else` of `if (isProduction)`.
 */
function isEnvironmentTest(test: Node, production: boolean): boolean {
  const target = unwrap(test);
  const names = production ? PRODUCTION_NAME : DEVELOPMENT_NAME;
  if (target.type === 'Identifier') return names.test(target.name);
  if (target.type === 'MemberExpression') return names.test(propertyName(target) ?? '');
  if (target.type === 'LogicalExpression' && target.operator === '&&')
    return (
      isEnvironmentTest(target.left, production) || isEnvironmentTest(target.right, production)
    );
  if (target.type !== 'BinaryExpression') return false;
  const [named, literal] = isStringLiteral(target.right)
    ? [target.left, target.right.value]
    : isStringLiteral(target.left)
      ? [target.right, target.left.value]
      : [null, ''];
  const name = named && (memberPath(named as Node)?.at(-1) ?? null);
  if (!name || !ENVIRONMENT_NAME.test(name)) return false;
  const isDevelopment = /^(dev|development|local|test)$/.test(literal);
  const isProduction = /^(prod|production)$/.test(literal);
  const equals = target.operator === '===' || target.operator === '==';
  const differs = target.operator === '!==' || target.operator === '!=';
  return production
    ? (equals && isProduction) || (differs && isDevelopment)
    : (equals && isDevelopment) || (differs && isProduction);
}

/**
 * A call that runs only in development: in the branch of an `if`, `&&` or `?:` whose condition says
 * so. It prints a value on purpose for the developer at their machine (a sign-in link for local
 * login), never in production's logs.
 */
function runsOnlyInDevelopment(call: TSESTree.CallExpression): boolean {
  let child: TSESTree.Node = call;
  for (let node: TSESTree.Node | undefined = call.parent; node; child = node, node = node.parent) {
    if (node.type === 'IfStatement' || node.type === 'ConditionalExpression') {
      if (node.consequent === child && isEnvironmentTest(node.test, false)) return true;
      if (node.alternate === child && isEnvironmentTest(node.test, true)) return true;
    }
    if (
      node.type === 'LogicalExpression' &&
      node.operator === '&&' &&
      node.right === child &&
      isEnvironmentTest(node.left, false)
    )
      return true;
    if (node.type.startsWith('Function') || node.type === 'ArrowFunctionExpression') return false;
  }
  return false;
}

/** Values that reveal nothing: booleans, comparisons, lengths, redactor calls, types. */
function isHarmless(node: Node, settings: Settings): boolean {
  const target = unwrap(node);
  switch (target.type) {
    case 'Literal':
      return !isStringLiteral(target) || secretShape(target.value) === null;
    case 'UnaryExpression':
      return target.operator === '!' || target.operator === 'typeof' || target.operator === 'void';
    case 'BinaryExpression':
      return ['===', '!==', '==', '!=', '<', '>', '<=', '>=', 'in', 'instanceof'].includes(
        target.operator,
      );
    case 'MemberExpression': {
      const name = propertyName(target);
      // How many, not which: `tokens.length`, `deleted.count`.
      return name === 'length' || name === 'size' || name === 'count';
    }
    case 'CallExpression': {
      const name = calleeName(target);
      if (name !== null && (name === 'Boolean' || settings.sensitive.redactors.includes(name)))
        return true;
      if (name !== null && DIGESTS.has(name)) return !digestsGuessable(target, settings);
      const callee = unwrap(target.callee);
      // The names of an object's properties, not their values: `Object.keys(headers)`.
      if (callee.type === 'MemberExpression' && memberPath(callee)?.join('.') === 'Object.keys')
        return true;
      // A short fixed prefix identifies a key without revealing it: `apiKey.slice(0, 6)`.
      return callee.type === 'MemberExpression' && isShortPrefix(name, target.arguments);
    }
    case 'TemplateLiteral':
      return (
        target.expressions.length === 0 && secretShape(target.quasis[0].value.cooked ?? '') === null
      );
    case 'Identifier':
      return target.name === 'undefined';
    // Already masked: `url.password ? '******' : undefined`, `secret && '[set]'` (a falsy secret is empty).
    case 'ConditionalExpression':
      return isHarmless(target.consequent, settings) && isHarmless(target.alternate, settings);
    case 'LogicalExpression':
      return target.operator === '&&' && isHarmless(target.right, settings);
    default:
      return false;
  }
}

/**
 * One-way digests: `hash(apiKey)`, `sha256(token)`, `fingerprint(key)`, and `createHash(...).update(x).digest()`.
 * A repository that hashes a value before logging it has chosen the safe, correlatable form.
 */
const DIGESTS = new Set(['hash', 'sha256', 'sha512', 'hmac', 'fingerprint', 'digest']);

/** Whether a digest call hashes a password or a PIN (`hash(password)`, `createHash(...).update(pin).digest()`): brute-forced offline. */
function digestsGuessable(call: TSESTree.CallExpression, settings: Settings): boolean {
  const callee = unwrap(call.callee);
  const inner = callee.type === 'MemberExpression' ? unwrap(callee.object) : null;
  const input =
    inner?.type === 'CallExpression' && calleeName(inner) === 'update'
      ? inner.arguments[0]
      : call.arguments[0];
  const path = input ? memberPath(input) : null;
  return (
    path !== null && sensitiveName(path[path.length - 1], optionsFrom(settings))?.guessable === true
  );
}

/** The longest prefix of a secret that is logged to tell keys apart (as key prefixes are shown in dashboards). */
const MAX_PREFIX = 8;

/** `.slice(0, n)`, `.substring(0, n)`, `.substr(0, n)` with a literal n of at most MAX_PREFIX. */
function isShortPrefix(
  method: string | null,
  args: readonly TSESTree.CallExpressionArgument[],
): boolean {
  if (method !== 'slice' && method !== 'substring' && method !== 'substr') return false;
  const [start, length] = args.map((arg) =>
    arg.type === 'Literal' && typeof arg.value === 'number' ? arg.value : null,
  );
  return args.length === 2 && start === 0 && length !== null && length <= MAX_PREFIX;
}

/** Whether a dotted entry of `allow` names this path (`channel.token` allows `ctx.channel.token`). */
function allowsPath(allow: readonly string[], joined: string): boolean {
  return allow.some(
    (allowed) => allowed.includes('.') && (joined === allowed || joined.endsWith(`.${allowed}`)),
  );
}

/** Finds sensitive data in the arguments of one call, outermost first. */
export function findSensitiveData(
  args: readonly TSESTree.CallExpressionArgument[],
  file: FileModel,
  settings: Settings,
): SensitiveFinding[] {
  const options = optionsFrom(settings);
  const findings: SensitiveFinding[] = [];

  /**
   * `whole` is the formatting call a value sits in (`Object.values(credentials)`, `token.trim()`):
   * redacting the value alone would leave `Object.values('[REDACTED]')`, so the call is what goes.
   */
  function visit(node: Node, fieldPath: string | undefined, whole?: Node): void {
    const target = unwrap(node);
    if (isHarmless(target, settings)) return;
    switch (target.type) {
      case 'Literal': {
        const shape = isStringLiteral(target) ? secretShape(target.value) : null;
        if (shape)
          findings.push({
            kind: 'shape',
            node: target,
            what: shape,
            category: 'literal',
            value: node,
            fieldPath,
          });
        return;
      }
      case 'TemplateLiteral':
        for (const quasi of target.quasis) {
          const shape = secretShape(quasi.value.cooked ?? quasi.value.raw);
          if (shape)
            findings.push({ kind: 'shape', node: quasi, what: shape, category: 'literal' });
        }
        for (const expression of target.expressions) visit(expression, undefined);
        return;
      case 'ObjectExpression':
        for (const property of target.properties) {
          if (property.type === 'SpreadElement') {
            const path = memberPath(property.argument);
            const risky = path && riskyObjectPath(path);
            const match = path && sensitiveName(path[path.length - 1], options);
            if (risky || match)
              findings.push({
                kind: 'spread',
                node: property,
                what: risky ?? path!.join('.'),
                category: match ? match.category : 'object',
                fieldPath,
              });
            else visit(property.argument, fieldPath);
            continue;
          }
          const key = staticKeyName(property);
          const path = key === null ? undefined : fieldPath ? `${fieldPath}.${key}` : key;
          const match = key === null ? null : sensitiveName(key, options);
          if (match && !isHarmless(property.value, settings)) {
            findings.push({
              kind: 'key',
              node: property,
              what: key!,
              category: match.category,
              property,
              value: property.value,
              fieldPath: path,
            });
          } else if (!match) {
            visit(property.value, path);
          }
        }
        return;
      case 'ArrayExpression':
        for (const element of target.elements) if (element) visit(element, undefined);
        return;
      case 'Identifier':
      case 'MemberExpression': {
        const path = memberPath(target);
        if (!path) return;
        const risky =
          riskyObjectPath(path) ??
          (target.type === 'Identifier' && isOAuthObject(target, file) ? target.name : null);
        if (risky) {
          findings.push({
            kind: 'risky',
            node: target,
            what: risky,
            category: 'object',
            fieldPath,
          });
          return;
        }
        // `allow` also takes dotted paths, for names that are only harmless on one object (`channel.token`).
        if (options.allow.length > 0 && allowsPath(options.allow, path.join('.'))) return;
        const match = sensitiveName(path[path.length - 1], options);
        // A `const` whose value is written in the source (`const TOKEN_CACHE_NAME = 'api-token-v1'`)
        // may be named after a secret, but logging it reveals nothing the source does not.
        const constant =
          match && target.type === 'Identifier' ? constantString(target, file) : null;
        if (match && (constant === null || secretShape(constant) !== null)) {
          findings.push({
            kind: 'value',
            node: target,
            what: path.join('.'),
            category: match.category,
            value: whole ?? node,
            fieldPath,
          });
        }
        return;
      }
      case 'BinaryExpression':
      case 'LogicalExpression':
        visit(target.left, undefined);
        visit(target.right, undefined);
        return;
      case 'ConditionalExpression':
        visit(target.consequent, undefined);
        visit(target.alternate, undefined);
        return;
      case 'CallExpression': {
        // Formatting a value does not hide it: JSON.stringify(user), String(token), token.trim().
        const callee = unwrap(target.callee);
        const path = callee.type === 'MemberExpression' ? memberPath(callee) : null;
        if (
          path &&
          /^(JSON\.stringify|String|Object\.(keys|values|entries|fromEntries|assign))$/.test(
            path.join('.'),
          )
        ) {
          for (const arg of target.arguments) visit(arg, undefined, whole ?? node);
        } else if (callee.type === 'Identifier' && callee.name === 'String') {
          for (const arg of target.arguments) visit(arg, undefined, whole ?? node);
        } else if (
          callee.type === 'MemberExpression' &&
          /^(toString|trim|toUpperCase|toLowerCase|slice|substring|padStart|padEnd|entries|values|toJSON)$/.test(
            propertyName(callee) ?? '',
          )
        ) {
          visit(callee.object, undefined, whole ?? node);
        } else {
          // A getter returns what it names: `user.getSigninToken(ctx)` is the token (the rewrite's
          // field key for it says so too).
          const name = calleeName(target);
          const subject = name === null ? null : getterSubject(name);
          const match = subject === null ? null : sensitiveName(subject, options);
          if (match)
            findings.push({
              kind: 'value',
              node: target,
              what: `${file.getText(callee)}()`,
              category: match.category,
              value: node,
              fieldPath,
            });
        }
        return;
      }
      case 'AwaitExpression':
        visit(target.argument, fieldPath, whole);
        return;
      default:
        return;
    }
  }

  for (const arg of args) visit(arg.type === 'SpreadElement' ? arg.argument : arg, undefined);
  return findings;
}

/** Parameters of an OAuth callback that carry tokens beside the profile (passport's verify, auth0's). */
const OAUTH_TOKEN_PARAM =
  /^(access_?token|refresh_?token|id_?token|token_?set|tokens|extra_?params)$/i;

/**
 * `profile` or `account` received by an OAuth callback: passport's `(accessToken, refreshToken,
 * profile, done)`, NextAuth's `({ account, profile })`. Logged whole, they carry the provider's
 * `id_token` (and NextAuth's account its access token); a `profile` anywhere else is left alone.
 */
function isOAuthObject(identifier: TSESTree.Identifier, file: FileModel): boolean {
  if (!/^(profile|account)$/.test(identifier.name)) return false;
  const definition = file.resolve(identifier)?.defs[0];
  if (definition?.type !== 'Parameter') return false;
  const fn = definition.node as TSESTree.FunctionLike;
  const names = fn.params.flatMap(parameterNames);
  return (
    names.some((name) => OAUTH_TOKEN_PARAM.test(name)) ||
    (names.includes('account') && names.includes('profile'))
  );
}

function parameterNames(param: TSESTree.Node): string[] {
  switch (param.type) {
    case 'Identifier':
      return [param.name];
    case 'AssignmentPattern':
      return parameterNames(param.left);
    case 'TSParameterProperty':
      return parameterNames(param.parameter);
    case 'ObjectPattern':
      return param.properties.flatMap((property) =>
        property.type === 'Property' ? parameterNames(property.value) : [],
      );
    default:
      return [];
  }
}

export type RedactionResult = { ok: true; edits: Edit[] } | { ok: false; reason: string };

/** Where the `${...}` around an interpolated expression starts and ends. */
function interpolationRange(expression: TSESTree.Node, file: FileModel): [number, number] | null {
  const open = file.text.lastIndexOf('${', expression.range[0]);
  const close = file.text.indexOf('}', expression.range[1]);
  if (
    open === -1 ||
    close === -1 ||
    file.text.slice(open + 2, expression.range[0]).trim() !== '' ||
    file.text.slice(expression.range[1], close).trim() !== ''
  )
    return null;
  return [open, close + 1];
}

/** The edits that redact one finding, per `settings.sensitive.redaction`; or why it cannot be done safely. */
export function redaction(
  finding: SensitiveFinding,
  file: FileModel,
  settings: Settings,
): RedactionResult {
  const mode = settings.sensitive.redaction;
  const literal = quoteString(REDACTED, preferredQuote(file));
  const wrap = (text: string) => `${settings.sensitive.redactor?.importName ?? 'redact'}(${text})`;
  if (finding.kind === 'risky')
    return {
      ok: false,
      reason: `${finding.what} is logged whole: log the few fields you need instead (for pino, add their secret paths to \`redact\`)`,
    };
  if (finding.kind === 'spread')
    return {
      ok: false,
      reason: `spreading ${finding.what} copies its secrets into the fields: pick the fields you need by hand`,
    };
  if (finding.kind === 'key' && finding.property) {
    const property = finding.property;
    if (mode === 'remove')
      return {
        ok: true,
        edits: removePropertiesEdits(
          property.parent as TSESTree.ObjectExpression,
          new Set([property]),
          file,
        ),
      };
    const valueText = file.getText(property.value);
    const replacement = mode === 'wrap' ? wrap(valueText) : literal;
    if (property.shorthand)
      return {
        ok: true,
        edits: [{ range: property.range, text: `${file.getText(property.key)}: ${replacement}` }],
      };
    return { ok: true, edits: [{ range: property.value.range, text: replacement }] };
  }
  const value = finding.value ?? finding.node;
  const parent = (value as TSESTree.Node).parent;
  if (parent?.type === 'TemplateLiteral') {
    const range = interpolationRange(value, file);
    if (!range) return { ok: false, reason: 'unusual interpolation syntax' };
    return {
      ok: true,
      edits: [{ range, text: mode === 'wrap' ? `\${${wrap(file.getText(value))}}` : REDACTED }],
    };
  }
  if (finding.kind === 'shape' && finding.node.type === 'TemplateElement')
    return {
      ok: false,
      reason: `a ${finding.what} is written into the message text: remove it from the source`,
    };
  return {
    ok: true,
    edits: [
      {
        range: value.range,
        text: mode === 'wrap' && finding.kind !== 'shape' ? wrap(file.getText(value)) : literal,
      },
    ],
  };
}

/** Removes properties from an object literal, keeping its layout (see removeListItems). */
export function removePropertiesEdits(
  object: TSESTree.ObjectExpression,
  removed: ReadonlySet<TSESTree.Node>,
  file: FileModel,
): Edit[] {
  return removeListItems(file.text, object.properties, removed, {
    range: object.range,
    text: '{}',
  });
}
