/**
 * What a log call is: the single answer to "is this a log call, which argument is the message,
 * which are the fields, which logger style is it". Every rule and codemod asks here.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import {
  calleeName,
  isStringLiteral,
  memberPath,
  namedProperty,
  propertyName,
  unwrap,
  type CallArgument,
  type Node,
} from '../model/ast';
import { memoTable, type DeclaratorTest, type FileModel } from '../model/file';
import { styleOfModule } from './families';
import { constantString, type MessageAnalysis } from '../messages/message';
import type { ContractAnswer } from './contract';
import type { RewriteResult } from '../messages/rewrite';
import type { CustomLoggerShape, LoggerStyle, Settings } from '../model/settings';

export const LEVEL_METHODS: ReadonlySet<string> = new Set([
  'trace',
  'debug',
  'info',
  'warn',
  'warning',
  'error',
  'fatal',
  'log',
  'verbose',
  'http',
  'silly',
  'notice',
  'critical',
]);

/** A level method after `.` or inside brackets: text every log call this module recognises contains. */
const LOG_CALL_TEXT = new RegExp(`(?:\\.|\\[\\s*['"\`])\\s*(?:${[...LEVEL_METHODS].join('|')})\\b`);

/**
 * Cheap text test, run before any analysis (rules skip the file, codemods skip the parse): can this
 * file contain a log call? Custom logger shapes may use any method name, so they always pass.
 */
export function mayContainLogCalls(text: string, settings: Settings): boolean {
  return settings.loggers.length > 0 || LOG_CALL_TEXT.test(text);
}

const WINSTON_LEVELS = new Set([
  'error',
  'warn',
  'info',
  'http',
  'verbose',
  'debug',
  'silly',
  'emerg',
  'alert',
  'crit',
  'warning',
  'notice',
]);

/**
 * Receivers that are pino loggers by framework convention: pino-http's `req.log`, Fastify's
 * `request.log` and `reply.log`, also reached through a context object (`ctx.req.log` in tRPC).
 */
export const PINO_RECEIVERS =
  /^(?:[\w$]+\.)*(?:req|request|reply)\.log$|^(?:fastify|server|app)\.log$/;

export interface LogCall {
  node: TSESTree.CallExpression;
  method: string;
  /** undefined when nothing in the settings, imports or project tells which logger this is. */
  style: LoggerStyle | undefined;
  messageIndex: number | undefined;
  fieldsIndex: number | undefined;
  /** winston `log(level, message, meta)`: index of the level argument. */
  levelIndex: number | undefined;
  /** NestJS trailing context argument (`'OrdersService'`), kept last by rewrites. */
  contextIndex: number | undefined;
  /** winston `log({ level, message, ...meta })`, pino `info({ msg, ...fields })`: message and fields in one object. */
  infoObject: TSESTree.ObjectExpression | undefined;
  args: CallArgument[];
  /** The custom shape from settings that matched, if any. */
  shape: CustomLoggerShape | undefined;
  /** Analyses of this call that several rules ask for, filled on first request (see messageOfCall, structuredRewrite). */
  memo: { message?: MessageAnalysis | null; rewrite?: RewriteResult; contract?: ContractAnswer };
}

function matchesPattern(path: readonly string[], pattern: string): boolean {
  const segments = pattern.split('.');
  return (
    segments.length === path.length &&
    segments.every((segment, index) => segment === '*' || segment === path[index])
  );
}

/** Terminal UI printers named like loggers (`log.error` from @clack/prompts): human output, not logs. */
const TERMINAL_UI_MODULES: ReadonlySet<string> = new Set([
  '@clack/prompts',
  '@clack/core',
  'ora',
  'listr2',
  'signale',
  'log-symbols',
]);

/** Words after a logger's name that still name the logger (`loggerService`, `appLogInstance`). */
const LOGGER_SUFFIXES: ReadonlySet<string> = new Set([
  'service',
  'svc',
  'instance',
  'client',
  'ref',
]);

/**
 * Looks like a logger by name: `logger`, `log`, `*Logger`, `this.logger`, `req.log`, static `Logger`,
 * and by words, `logger_`, `_log`, `auditLog`, `loggerService`, `LOG_SERVICE`. A `log` inside a word
 * is not one: `blog`, `catalog`, `dialog`, `changelog`.
 */
function isLoggerName(name: string): boolean {
  if (name === 'log' || /logger$/i.test(name)) return true;
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_$\d]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
  while (words.length > 1 && LOGGER_SUFFIXES.has(words[words.length - 1])) words.pop();
  const last = words[words.length - 1];
  return last === 'log' || last === 'logger' || last === 'logging';
}

/** Names a function creating a logger has: `createLogger`, `getLogger`, `makeLogger`, `loggerFor`. */
const LOGGER_FACTORY_NAME =
  /^(?:create|get|make|build|new|init|setup)[A-Z_]?\w*Logger$|^loggerFor$/;

/** Expression creating a logger: `pino()`, `bunyan.createLogger()`, `winston.createLogger()`, `new Logger()`, `x.child()`. */
function isLoggerFactory(node: Node, file: FileModel, depth: number): boolean {
  const target = unwrap(node);
  if (target.type === 'NewExpression') {
    const callee = unwrap(target.callee);
    return (
      callee.type === 'Identifier' &&
      (callee.name === 'Logger' || /Logger$/.test(callee.name)) &&
      importedFromLoggingModule(callee.name, file)
    );
  }
  if (target.type !== 'CallExpression') return false;
  const callee = unwrap(target.callee);
  if (callee.type === 'Identifier')
    return importedFromLoggingModule(callee.name, file) || LOGGER_FACTORY_NAME.test(callee.name);
  if (callee.type === 'MemberExpression') {
    const name = propertyName(callee);
    // `x.child({ module: 'jobs' })`: bindings for a child logger, whatever `x` is called.
    if (name === 'child')
      return (
        isLoggerReceiver(callee.object, file, depth + 1) ||
        (target.arguments.length >= 1 && unwrap(target.arguments[0]).type === 'ObjectExpression')
      );
    if (name === 'createLogger' || name === 'getLogger') {
      const object = unwrap(callee.object);
      return object.type === 'Identifier' && importedFromLoggingModule(object.name, file);
    }
  }
  return false;
}

function importedFromLoggingModule(localName: string, file: FileModel): boolean {
  const binding = file.imports.get(localName);
  return (
    binding !== undefined &&
    (styleOfModule(binding.source) !== undefined ||
      /^(nestjs-pino|@nestjs\/common)$/.test(binding.source))
  );
}

/** Whether an expression is a logger: by name, by how it was created, or as a child of one. */
export function isLoggerReceiver(node: Node, file: FileModel, depth = 0): boolean {
  if (depth > 4) return false;
  const target = unwrap(node);
  if (target.type === 'CallExpression') {
    const callee = unwrap(target.callee);
    return (
      callee.type === 'MemberExpression' &&
      propertyName(callee) === 'child' &&
      isLoggerReceiver(callee.object, file, depth + 1)
    );
  }
  const path = memberPath(target);
  if (!path) return false;
  const rootBinding = file.imports.get(path[0]);
  if (rootBinding && TERMINAL_UI_MODULES.has(rootBinding.source)) return false;
  const last = path[path.length - 1];
  if (isLoggerName(last)) return true;
  if (target.type === 'Identifier') {
    const binding = file.imports.get(target.name);
    if (binding && /^(pino|bunyan|winston)$/.test(binding.source)) return true;
    const variable = file.resolve(target);
    const definition = variable?.defs[0];
    if (definition?.type === 'Variable' && definition.node.type === 'VariableDeclarator') {
      const init = (definition.node as TSESTree.VariableDeclarator).init;
      return init !== null && isLoggerFactory(init, file, depth);
    }
  }
  return false;
}

/**
 * A logger-shaped name that may hold `console` itself: `logger ??= console`, `const log = opts.logger
 * ?? console`, `function main(logger = console)`. What it prints goes to a terminal, as console's
 * does: no-console's presets decide about such scripts, not the log-call rules.
 */
function mayBeConsole(path: readonly string[], file: FileModel): boolean {
  if (!file.text.includes('console')) return false;
  const name = path.map((segment) => segment.replace(/[$]/g, '\\$&')).join('\\s*\\.\\s*');
  return new RegExp(
    `(?<![\\w$.])${name}\\s*(?::[^=;\\n]*)?(?:\\?\\?|\\|\\|)?=(?![=>])\\s*(?:[^;\\n]*?(?:\\?\\?|\\|\\|)\\s*)?console\\b(?!\\s*[.[(])`,
  ).test(file.text);
}

/** Which logger family a call belongs to; undefined when no evidence says. */
function resolveStyle(
  receiverPath: string | null,
  receiver: Node,
  file: FileModel,
  settings: Settings,
): LoggerStyle | undefined {
  if (settings.style !== 'auto') return settings.style;
  if (receiverPath && PINO_RECEIVERS.test(receiverPath)) return 'pino';
  let families: ReturnType<typeof importedFamilies> | undefined;
  const root = unwrap(receiver);
  if (root.type === 'Identifier') {
    const binding = file.imports.get(root.name);
    if (binding?.source === 'nestjs-pino')
      return binding.imported === 'PinoLogger' ? 'pino' : 'nestjs';
    // A receiver imported from anywhere else (`Logger` from '@vendure/core', `logger` from './log')
    // is that module's own logger: only settings can say its shape.
    if (binding) return styleOfModule(binding.source) ?? projectStyle(file);
    // A factory creating a local logger is imported, so its family is one of the imports' families.
    // When they all are one family and that is the answer below anyway, finding the factory (which
    // takes a scope analysis in a codemod) cannot change the answer.
    const { all, telling } = (families ??= importedFamilies(file));
    const created = all.size === 1 && telling.size === 1 ? undefined : creatorStyle(root, file);
    if (created) return nestLoggerInstanceStyle(created, file);
  }
  if (file.importedModules.has('nestjs-pino') && /^this\./.test(receiverPath ?? '')) {
    // `this.logger` in a nestjs-pino service is whichever class was injected; only PinoLogger is
    // fields-first, and Nest's own Logger when nestjs-pino stands behind it.
    const logger = file.imports.get('Logger');
    if (logger?.source === '@nestjs/common') return nestLoggerInstanceStyle('nestjs', file);
    return file.imports.has('PinoLogger') && !logger ? 'pino' : logger ? 'nestjs' : undefined;
  }
  // The style the file's logging imports imply, unless they disagree; the project's when there are none.
  const { telling } = (families ??= importedFamilies(file));
  if (telling.size === 1) return nestLoggerInstanceStyle([...telling][0], file);
  return telling.size > 1 ? undefined : projectStyle(file);
}

/**
 * With nestjs-pino installed as Nest's logger, an instance of @nestjs/common's Logger adds its context
 * as the last argument and nestjs-pino hands the rest to pino: `pino[level]({ ...fields, context },
 * message, ...values)`, pino's shape, where an object after the message is dropped. A static
 * `Logger.log()` has no context to add, so nestjs-pino takes its last argument as the context and the
 * NestJS shape keeps the fields (under that key); those calls are settled before this, by their import.
 */
function nestLoggerInstanceStyle(style: LoggerStyle, file: FileModel): LoggerStyle {
  return style === 'nestjs' && file.projectDependsOn('nestjs-pino') ? 'pino' : style;
}

/**
 * The families of the logging modules a file imports: all of them, and those that tell which logger
 * it uses (importing something from @nestjs/common says nothing about the logger unless it is Logger itself).
 */
function importedFamilies(file: FileModel): { all: Set<LoggerStyle>; telling: Set<LoggerStyle> } {
  const all = new Set<LoggerStyle>();
  const telling = new Set<LoggerStyle>();
  for (const source of file.importedModules) {
    const style = styleOfModule(source);
    if (!style) continue;
    all.add(style);
    if (style !== 'nestjs' || importsNestLogger(file)) telling.add(style);
  }
  return { all, telling };
}

function importsNestLogger(file: FileModel): boolean {
  for (const binding of file.imports.values()) {
    if (
      binding.source === '@nestjs/common' &&
      /^(Logger|ConsoleLogger|LoggerService)$/.test(binding.imported)
    )
      return true;
  }
  return false;
}

/** A project-wide style from package.json; NestJS apps inject loggers of any kind, so never 'nestjs'. */
export function projectStyle(file: FileModel): LoggerStyle | undefined {
  const style = file.projectStyle();
  return style === 'nestjs' ? undefined : style;
}

/** `const log = pino()` / `new Logger()` from @nestjs/common: the creating call names the family. */
function creatorStyle(identifier: TSESTree.Identifier, file: FileModel): LoggerStyle | undefined {
  // Most names no logging module's factory initialises: then there is nothing to resolve.
  if (!file.mayBeBoundBy(identifier.name, initialisedByLoggerFactory)) return undefined;
  const definition = file.resolve(identifier)?.defs[0];
  if (definition?.type !== 'Variable' || definition.node.type !== 'VariableDeclarator')
    return undefined;
  const init = (definition.node as TSESTree.VariableDeclarator).init;
  return init ? factoryStyle(init, file) : undefined;
}

const initialisedByLoggerFactory: DeclaratorTest = (declarator, file) =>
  declarator.init !== null && factoryStyle(declarator.init, file) !== undefined;

/** The style of the logging module whose function or class an expression calls (`winston.createLogger()`). */
function factoryStyle(init: Node, file: FileModel): LoggerStyle | undefined {
  const target = unwrap(init);
  const callee =
    target.type === 'CallExpression' || target.type === 'NewExpression'
      ? unwrap(target.callee)
      : undefined;
  const root = callee?.type === 'MemberExpression' ? unwrap(callee.object) : callee;
  const binding = root?.type === 'Identifier' ? file.imports.get(root.name) : undefined;
  return binding ? styleOfModule(binding.source) : undefined;
}

function isObjectLike(node: Node): boolean {
  const target = unwrap(node);
  return (
    target.type === 'ObjectExpression' ||
    target.type === 'Identifier' ||
    target.type === 'MemberExpression' ||
    target.type === 'CallExpression' ||
    target.type === 'NewExpression'
  );
}

/** Could this argument be the message? Strings, templates and concatenations, formatters. */
export function isStringLike(node: Node): boolean {
  const target = unwrap(node);
  if (target.type === 'TemplateLiteral' || isStringLiteral(target)) return true;
  if (target.type === 'BinaryExpression' && target.operator === '+')
    return isStringLike(target.left) || isStringLike(target.right);
  if (target.type === 'CallExpression') {
    const name = calleeName(target);
    return name === 'format' || name === 'join' || name === 'concat';
  }
  return false;
}

function customShape(
  receiverPath: string[] | null,
  method: string,
  settings: Settings,
): CustomLoggerShape | undefined {
  if (!receiverPath) return undefined;
  return settings.loggers.find(
    (shape) =>
      matchesPattern(receiverPath, shape.match) &&
      (shape.methods ? shape.methods.includes(method) : LEVEL_METHODS.has(method)),
  );
}

const LOG_CALLS = memoTable<LogCall | null>('log calls');

/**
 * Recognises a log call and locates its parts, or returns null. Memoised per node: every rule asks
 * about the same calls, and the answer depends only on the node, its file and the settings.
 */
export function analyzeLogCall(
  call: TSESTree.CallExpression,
  file: FileModel,
  settings: Settings,
): LogCall | null {
  // Most calls of a file are not `x.<level>(...)`: settled here, cheaper than even a memo lookup.
  if (settings.loggers.length === 0 && !hasLevelMethodCallee(call)) return null;
  return file.remember(LOG_CALLS, settings, call, () =>
    analyzeLogCallUncached(call, file, settings),
  );
}

function hasLevelMethodCallee(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== 'MemberExpression') return false;
  const method = propertyName(callee);
  return method !== null && LEVEL_METHODS.has(method);
}

function analyzeLogCallUncached(
  call: TSESTree.CallExpression,
  file: FileModel,
  settings: Settings,
): LogCall | null {
  const callee = unwrap(call.callee);
  if (callee.type !== 'MemberExpression') return null;
  const method = propertyName(callee);
  if (method === null) return null;
  const receiver = callee.object;
  const path = memberPath(receiver);
  const shape = customShape(path, method, settings);
  if (!shape) {
    if (!LEVEL_METHODS.has(method)) return null;
    if (path?.[0] === 'console') return null;
    if (!isLoggerReceiver(receiver, file)) return null;
    if (path && mayBeConsole(path, file)) return null;
  }
  const args = call.arguments;
  const result: LogCall = {
    node: call,
    method,
    args,
    shape,
    style: undefined,
    messageIndex: undefined,
    fieldsIndex: undefined,
    levelIndex: undefined,
    contextIndex: undefined,
    infoObject: undefined,
    memo: {},
  };
  if (args.some((arg) => arg.type === 'SpreadElement')) return result;
  const pathText = path ? path.join('.') : null;
  result.style = shape
    ? shape.fieldsArg !== undefined && shape.fieldsArg < shape.messageArg
      ? 'pino'
      : 'winston'
    : resolveStyle(pathText, receiver, file, settings);
  if (shape) {
    if (shape.messageArg < args.length) result.messageIndex = shape.messageArg;
    if (shape.fieldsArg !== undefined && shape.fieldsArg < args.length)
      result.fieldsIndex = shape.fieldsArg;
    return result;
  }
  // nestjs-pino takes the last argument of a static `Logger.log(..., context)` as the context and
  // hands the rest to pino: pino's shape before the context (see nestLoggerInstanceStyle).
  const viaNestjsPino =
    result.style === 'nestjs' &&
    settings.style === 'auto' &&
    isStaticNestLogger(receiver, file) &&
    args.length >= 2 &&
    isContextArgument(args[args.length - 1], file) &&
    file.projectDependsOn('nestjs-pino');
  if (viaNestjsPino) {
    result.style = 'pino';
    result.contextIndex = args.length - 1;
    locateArguments(result, args.slice(0, -1), file);
    return result;
  }
  locateArguments(result, args, file);
  return result;
}

/**
 * The call as a logger of another shape sees it: its message and fields located again for `style`,
 * or at a declared wrapper's own positions. Used when a logger contract, learned later and from
 * further away than this analysis looks, says the call has another shape than the guess.
 */
export function callWithShape(
  call: LogCall,
  style: LoggerStyle,
  positions: { messageArg?: number; fieldsArg?: number },
  file: FileModel,
): LogCall {
  const shape =
    positions.fieldsArg !== undefined && positions.messageArg !== undefined
      ? { match: '', messageArg: positions.messageArg, fieldsArg: positions.fieldsArg }
      : undefined;
  if (call.style === style && !shape) return call;
  const result: LogCall = {
    ...call,
    style,
    shape: shape ?? call.shape,
    messageIndex: undefined,
    fieldsIndex: undefined,
    levelIndex: undefined,
    contextIndex: undefined,
    infoObject: undefined,
    memo: { contract: call.memo.contract },
  };
  if (call.args.some((arg) => arg.type === 'SpreadElement')) return result;
  if (shape) {
    if (shape.messageArg < call.args.length) result.messageIndex = shape.messageArg;
    if (shape.fieldsArg < call.args.length) result.fieldsIndex = shape.fieldsArg;
    return result;
  }
  locateArguments(
    result,
    call.contextIndex !== undefined && style === 'pino' ? call.args.slice(0, -1) : call.args,
    file,
  );
  if (call.contextIndex !== undefined && style === 'pino') result.contextIndex = call.contextIndex;
  return result;
}

/** `Logger` itself, imported from @nestjs/common (`Logger.log(...)`), not an instance of it. */
function isStaticNestLogger(receiver: Node, file: FileModel): boolean {
  const target = unwrap(receiver);
  if (target.type !== 'Identifier') return false;
  const binding = file.imports.get(target.name);
  return binding?.source === '@nestjs/common' && binding.imported === 'Logger';
}

/** Finds the message, fields and level among `args` (all of the call's, or those before its context). */
function locateArguments(result: LogCall, args: readonly CallArgument[], file: FileModel): void {
  const { method, style } = result;
  if (args.length === 0) return;
  const first = unwrap(args[0]);
  // winston: log({ level, message, ...meta }); pino: info({ msg, ...fields }), the message in the object
  const infoObject = first.type === 'ObjectExpression' && args.length === 1 ? first : undefined;
  if (
    infoObject &&
    ((method === 'log' && namedProperty(infoObject, 'level')) ||
      (style === 'pino' && namedProperty(infoObject, 'msg')))
  ) {
    result.infoObject = infoObject;
    return;
  }
  // winston: log(level, message, meta)
  let offset = 0;
  const level = isStringLiteral(first)
    ? first.value
    : first.type === 'TemplateLiteral' && first.expressions.length === 0
      ? first.quasis[0].value.cooked
      : undefined;
  if (
    method === 'log' &&
    args.length >= 2 &&
    level !== undefined &&
    level !== null &&
    WINSTON_LEVELS.has(level) &&
    style !== 'nestjs'
  ) {
    result.levelIndex = 0;
    offset = 1;
  }
  const rest = args.slice(offset);
  if (rest.length === 0) return;
  const fieldsFirst = style === 'pino' || style === 'bunyan';
  if (fieldsFirst || style === undefined) {
    // pino/bunyan: ([mergingObject], message, ...interpolationValues)
    if (
      rest.length >= 2 &&
      !isStringLike(rest[0]) &&
      isObjectLike(rest[0]) &&
      !isNamedText(rest[0], file) &&
      // pino has no `log` method: `this.logger.log(message, 'Bootstrap')` is NestJS's (message, context).
      !(method === 'log' && unwrap(rest[0]).type !== 'ObjectExpression') &&
      (fieldsFirst || isStringLike(rest[1]))
    ) {
      result.fieldsIndex = offset;
      result.messageIndex = offset + 1;
      return;
    }
    if (!isStringLike(rest[0]) && unwrap(rest[0]).type === 'ObjectExpression') {
      result.fieldsIndex = offset;
      return;
    }
    result.messageIndex = offset;
    if (style === undefined && rest.length >= 2 && isNamedFields(rest[1]))
      result.fieldsIndex = offset + 1;
    return;
  }
  // message first: winston (message, meta) and NestJS (message, ...optionalParams, context?)
  if (!isStringLike(rest[0]) && unwrap(rest[0]).type === 'ObjectExpression') {
    result.fieldsIndex = offset;
    if (rest.length >= 2 && isStringLike(rest[1])) result.messageIndex = offset + 1;
    return;
  }
  result.messageIndex = offset;
  if (
    style === 'nestjs' &&
    rest.length >= 2 &&
    isContextArgument(rest[rest.length - 1], file) &&
    method !== 'error'
  ) {
    result.contextIndex = offset + rest.length - 1;
  }
  const second = rest[1];
  if (!second || offset + 1 === result.contextIndex || isStringLike(second)) return;
  // NestJS's optional params are printed as they are (error's second one is the stack): only an
  // object literal is unmistakably fields there.
  if (style === 'nestjs' ? unwrap(second).type === 'ObjectExpression' : isObjectLike(second))
    result.fieldsIndex = offset + 1;
}

/** A name that says it holds text (`message`, `errorMsg`, `line`), or a constant string: a message, not fields. */
function isNamedText(node: Node, file: FileModel): boolean {
  const target = unwrap(node);
  const path =
    target.type === 'Identifier' || target.type === 'MemberExpression' ? memberPath(target) : null;
  const name = path?.[path.length - 1];
  if (name === undefined) return false;
  if (TEXT_NAME.test(name)) return true;
  return target.type === 'Identifier' && constantString(target, file) !== null;
}

const TEXT_NAME =
  /^(?:message|msg|text|str|line|description|reason|content|output|summary|label)$|[a-z](?:Message|Msg|Text|String|Str|Line|Description)$/;

/** Fields after the message of a logger of unknown family: an object literal, or named as fields (`getMeta()`, `logContext`). */
function isNamedFields(node: Node): boolean {
  const target = unwrap(node);
  if (target.type === 'ObjectExpression') return true;
  const name =
    target.type === 'CallExpression'
      ? calleeName(target)
      : target.type === 'Identifier'
        ? target.name
        : null;
  return name !== null && FIELDS_NAME.test(name);
}

const FIELDS_NAME =
  /^(?:get|build|make|create|to)?(?:Log|log)?(?:[Mm]eta|[Mm]etadata|[Ff]ields|[Dd]etails|[Aa]ttributes|[Bb]indings|[Ee]xtra)$/;

/**
 * NestJS context argument: a string literal, `SomeClass.name` / `this.constructor.name`, or a constant
 * holding a string (`const LOG_CONTEXT = 'OrdersService'`).
 */
function isContextArgument(node: Node, file: FileModel): boolean {
  const target = unwrap(node);
  if (isStringLiteral(target)) return true;
  if (target.type === 'Identifier') return constantString(target, file) !== null;
  return target.type === 'MemberExpression' && propertyName(target) === 'name';
}

/**
 * A module-level logger the file creates itself (`const logger = winston.createLogger()`), with its
 * style when the creating module tells it; null when `name` is not such a logger.
 */
export function localLogger(
  name: string,
  file: FileModel,
): { style: LoggerStyle | undefined } | null {
  for (const statement of file.ast.body) {
    const declaration =
      statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type !== 'Identifier' || declarator.id.name !== name || !declarator.init)
        continue;
      return isLoggerFactory(declarator.init, file, 0)
        ? { style: factoryStyle(declarator.init, file) }
        : null;
    }
  }
  return null;
}

/**
 * Libraries only a command-line interface imports: prompts, spinners and progress bars, argument
 * parsers. A file importing one talks to a person at a terminal (NodeBB's installer imports `prompt`).
 * Colour libraries are not among them: servers colour their own console output too.
 */
const CLI_LIBRARIES =
  /^(prompt|prompts|inquirer|@inquirer\/.+|enquirer|@clack\/prompts|ora|cli-progress|listr2?|commander|yargs|meow|cac|sade|arg|minimist)$/;

/** HTTP server frameworks: a package depending on one serves requests, whatever commands it ships. */
const SERVER_FRAMEWORKS = [
  'express',
  'fastify',
  'koa',
  '@hapi/hapi',
  'restify',
  'polka',
  '@nestjs/core',
  '@feathersjs/feathers',
  '@loopback/core',
  '@adonisjs/core',
];

/** Cursor control on the terminal itself: Node's readline helpers or the TTY stream's methods. */
const TERMINAL_CURSOR =
  /\b(?:readline|process\.std(?:out|err))\.(?:cursorTo|clearLine|moveCursor|clearScreenDown)\s*\(/;

/**
 * Why a file belongs to a command-line tool, or null: its package.json declares `bin` (and no HTTP
 * server framework among its dependencies), it imports a command-line interface library, or it moves
 * the terminal's cursor (NodeBB's upgrade progress bar). What such a file prints or logs is read by a
 * person at a terminal, so the rules about a log line's shape and console leave it (the secret rules
 * do not). `settings.cliPackages: false` turns this off.
 */
export function commandLineReason(file: FileModel, settings: Settings): string | null {
  if (!settings.cliPackages) return null;
  // Asked for every call the rules visit: answered once per file.
  return file.remember(COMMAND_LINE, settings, file.ast, () => commandLineReasonOf(file));
}

const COMMAND_LINE = memoTable<string | null>('command-line file');

function commandLineReasonOf(file: FileModel): string | null {
  const commands = file.packageCommands();
  // A server that ships a command to start it (parse-server's `parse-server`) is still a server.
  const server = SERVER_FRAMEWORKS.find((name) => file.projectDependsOn(name));
  if (commands.length > 0 && !server)
    return `its package.json declares the command${commands.length > 1 ? 's' : ''} ${commands.map((command) => `\`${command}\``).join(', ')} (bin): a command-line tool's console output is its interface`;
  for (const module of file.importedModules)
    if (CLI_LIBRARIES.test(module))
      return `it imports '${module}', a command-line interface library: its console output is the interface`;
  if (TERMINAL_CURSOR.test(file.text))
    return 'it moves the terminal cursor (a progress bar, a redrawn line): its output is drawn for a person at a terminal';
  return null;
}
