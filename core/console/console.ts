/**
 * Console and stdout/stderr output: what counts as the global console, and the logger call that
 * replaces a console call. Shared by `no-console` and the `console-to-logger` codemod.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { nearestManifest } from '../model/manifest';
import {
  addBoundNames,
  calleeName,
  isSideEffectFree,
  isStringLiteral,
  memberPath,
  propertyName,
  staticKeyName,
  unwrap,
  type Node,
  importedName,
} from '../model/ast';
import type { Edit } from '../model/edits';
import { memoTable, type FileModel } from '../model/file';
import { isErrorExpression, stringifiedError } from '../messages/fields';
import {
  contractOfExport,
  errorKeyOf,
  errorPlacementText,
  loggerDefinitionFile,
  readModule,
} from '../loggers/contract';
import type { FamilyId } from '../loggers/families';
import { resolveImport } from '../loggers/modules';
import { commandLineReason, isStringLike, localLogger, type LogCall } from '../loggers/log-calls';
import { analyzeMessage, staticText, type MessagePart } from '../messages/message';
import { contextEventName, isGenericText } from '../messages/context-name';
import {
  eventNameFor,
  eventNameInFile,
  fieldsFromParts,
  hasCommentInside,
  preferredQuote,
  propertyText,
  quoteString,
  type RewriteResult,
} from '../messages/rewrite';
import { isFieldsFirst, type LoggerStyle, type Settings } from '../model/settings';

const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'global', 'self']);

/** console method -> logger level. Methods missing here (table, dir, time...) have no logger equivalent. */
export const CONSOLE_LEVELS: Readonly<Record<string, string>> = {
  log: 'info',
  info: 'info',
  warn: 'warn',
  error: 'error',
  debug: 'debug',
  trace: 'trace',
};

/**
 * Levels a logger family names differently or lacks: NestJS's Logger has `log` and `verbose`, not
 * `info` and `trace`; winston's default levels have no `trace`.
 */
const METHOD_FOR_LEVEL: Partial<Record<LoggerStyle, Readonly<Record<string, string>>>> = {
  nestjs: { info: 'log', trace: 'verbose' },
  winston: { trace: 'debug' },
};

export interface ConsoleAccess {
  /** The console method or stream written to: 'log', 'error'..., or 'stdout'/'stderr' for process writes. */
  method: string;
  stream: 'console' | 'stdout' | 'stderr';
}

function isGlobal(identifier: TSESTree.Identifier, file: FileModel): boolean {
  if (!file.mayDeclare(identifier.name)) return true;
  const variable = file.resolve(identifier);
  return variable === null || variable.defs.length === 0;
}

/** `console`, `globalThis.console`, `window.console`: the global one, not a shadowing local. */
export function isGlobalConsole(node: Node, file: FileModel): boolean {
  const target = unwrap(node);
  if (target.type === 'Identifier') return target.name === 'console' && isGlobal(target, file);
  if (target.type === 'MemberExpression' && propertyName(target) === 'console') {
    const object = unwrap(target.object);
    return (
      object.type === 'Identifier' && GLOBAL_OBJECTS.has(object.name) && isGlobal(object, file)
    );
  }
  return false;
}

/** Every console access and process write this module classifies names one of these. */
const CONSOLE_TEXT = /\bconsole\b|\bstd(?:out|err)\b/;

/** Cheap text test: can this file print through console or process.stdout/stderr? */
export function mayContainConsole(text: string): boolean {
  return CONSOLE_TEXT.test(text);
}

/** Classifies `console.x` / `console['x']` / `process.stdout.write`; null for anything else. */
export function consoleAccess(
  member: TSESTree.MemberExpression,
  file: FileModel,
): ConsoleAccess | null {
  const name = propertyName(member);
  if (isGlobalConsole(member.object, file))
    return { method: name ?? '[computed]', stream: 'console' };
  if (name !== 'write') return null;
  const path = memberPath(member.object);
  if (path?.length !== 2 || path[0] !== 'process' || (path[1] !== 'stdout' && path[1] !== 'stderr'))
    return null;
  const processObject = unwrap(
    (unwrap(member.object) as TSESTree.MemberExpression).object,
  ) as TSESTree.Identifier;
  return isGlobal(processObject, file) ? { method: 'write', stream: path[1] } : null;
}

/** What Node's and browsers' console print with; its other members (`_stdout`, `Console`, `_times`) print nothing. */
const PRINTING_MEMBERS = new Set([
  ...Object.keys(CONSOLE_LEVELS),
  'assert',
  'clear',
  'count',
  'countReset',
  'dir',
  'dirxml',
  'exception',
  'group',
  'groupCollapsed',
  'groupEnd',
  'profile',
  'profileEnd',
  'table',
  'time',
  'timeEnd',
  'timeLog',
  'timeStamp',
]);

/**
 * Why reading this console member, not calling it, prints nothing, or null: a member that is no print
 * method (`console._stderr = console._stdout`, `new console.Console(stream)`), unless it is written to
 * (`console._stdout.write(...)`); or a print method only tested or deleted (`typeof console.table`,
 * `delete console.debug`). A print method passed as a value (`items.forEach(console.log)`) still prints.
 */
function silentConsoleRead(member: TSESTree.MemberExpression): string | null {
  if (memberPath(member.object)?.[0] === 'process') return null;
  const parent = member.parent;
  if (
    parent?.type === 'UnaryExpression' &&
    (parent.operator === 'typeof' || parent.operator === 'delete')
  )
    return `${parent.operator} reads the console member: it prints nothing`;
  const name = propertyName(member);
  if (name === null || PRINTING_MEMBERS.has(name)) return null;
  const written =
    parent?.type === 'MemberExpression' &&
    parent.object === member &&
    propertyName(parent) === 'write' &&
    parent.parent?.type === 'CallExpression' &&
    parent.parent.callee === parent;
  return written ? null : 'not a print method of console: reading it prints nothing';
}

/** Level methods a logger implementation defines; console calls inside them are the logger printing. */
const LOGGER_METHODS = new Set([
  'log',
  'info',
  'warn',
  'warning',
  'error',
  'debug',
  'trace',
  'fatal',
  'verbose',
  'notice',
  'critical',
  'write',
  'print',
  'emit',
]);
const LOGGER_NAME = /(^|[a-z_$])(logger|Logger|log|Log)$|^(logger|log)$/;

/** The name the class or object around a method goes by: its class name, or the variable or property it is bound to. */
function ownerName(owner: TSESTree.Node): string | null {
  if (owner.type === 'ClassDeclaration' || owner.type === 'ClassExpression')
    return (
      owner.id?.name ??
      (owner.parent?.type === 'VariableDeclarator' && owner.parent.id.type === 'Identifier'
        ? owner.parent.id.name
        : null)
    );
  const holder = owner.parent;
  if (holder?.type === 'VariableDeclarator' && holder.id.type === 'Identifier')
    return holder.id.name;
  if (holder?.type === 'Property') return staticKeyName(holder);
  if (holder?.type === 'AssignmentExpression') return memberPath(holder.left)?.at(-1) ?? null;
  if (holder?.type === 'ReturnStatement' || holder?.type === 'ArrowFunctionExpression')
    return 'log';
  return null;
}

function implementsLoggerService(owner: TSESTree.Node): boolean {
  if (owner.type !== 'ClassDeclaration' && owner.type !== 'ClassExpression') return false;
  const parents = [
    ...(owner.implements ?? []).map((heritage) => heritage.expression),
    ...(owner.superClass ? [owner.superClass] : []),
  ];
  return parents.some(
    (parent) =>
      parent.type === 'Identifier' && /^(LoggerService|ConsoleLogger|Logger)$/.test(parent.name),
  );
}

/**
 * Why this console access is the logger itself rather than output a logger should take over, or null:
 * - console used as a value, not called at this place (`{ error: console.error }`, `console.log.bind(console)`,
 *   saving or patching `process.stdout.write`): it is wired into something that logs;
 * - a call inside a level method (`info`, `error`...) of a class named like a logger or implementing Nest's
 *   `LoggerService`, or of an object bound to a logger's name (`const log = { info(m) { console.log(m) } }`).
 */
export function loggerImplementationReason(member: TSESTree.MemberExpression): string | null {
  const parent = member.parent;
  const called = parent?.type === 'CallExpression' && parent.callee === member;
  if (!called) {
    const quiet = silentConsoleRead(member);
    if (quiet) return quiet;
    if (parent?.type === 'Property' && parent.value === member)
      return 'used as a value in a logger object: the logger itself prints';
    if (parent?.type === 'AssignmentExpression' && parent.left === member)
      return 'the stream is patched here, not written to';
    if (
      parent?.type === 'MemberExpression' &&
      parent.object === member &&
      /^(bind|call|apply)$/.test(propertyName(parent) ?? '')
    )
      return 'bound into a logger: the logger itself prints';
    // Saving a stream's write to restore it later; `const print = console.log` stays reported: it hides output.
    const stream = memberPath(member.object)?.[0] === 'process';
    if (
      stream &&
      (parent?.type === 'VariableDeclarator' ||
        parent?.type === 'AssignmentExpression' ||
        parent?.type === 'Property')
    )
      return 'kept as a value here (to restore or wrap it), not written to';
  }
  for (let current: TSESTree.Node | undefined = member.parent; current; current = current.parent) {
    const method =
      current.type === 'MethodDefinition'
        ? current
        : current.type === 'Property' &&
            (current.value.type === 'FunctionExpression' ||
              current.value.type === 'ArrowFunctionExpression')
          ? current
          : null;
    if (!method) continue;
    const name = staticKeyName(method);
    const owner = method.parent?.type === 'ClassBody' ? method.parent.parent : method.parent;
    if (!name || !LOGGER_METHODS.has(name) || !owner) return null;
    const ownerLabel = ownerName(owner);
    if (implementsLoggerService(owner) || (ownerLabel !== null && LOGGER_NAME.test(ownerLabel)))
      return `inside ${ownerLabel ?? 'a logger'}.${name}(), a logger implementation: the logger itself prints`;
    return null;
  }
  return null;
}

/**
 * Browser-automation methods whose function argument is serialised and run in the page (Playwright,
 * Puppeteer): there is no `require`, no server logger, and its console is the page's devtools.
 * `exposeFunction`'s callback runs in Node, but on the page's behalf inside an automation script (a
 * test, a scraper): its output is for whoever runs that script, not the service's logs.
 */
const BROWSER_CALLBACK_METHODS = new Set([
  'evaluate',
  'evaluateHandle',
  'evaluateAll',
  '$eval',
  '$$eval',
  'addInitScript',
  'evaluateOnNewDocument',
  'waitForFunction',
  'exposeFunction',
]);
const AUTOMATION_MODULES =
  /^(@playwright\/|playwright(-core)?$|playwright\/|puppeteer(-core)?(\/|$))/;
/** Receivers named like a page object (`page`, `this.page`, `frame`, `locator`, `handle`), for files that only get a `Page` passed in. */
const PAGE_LIKE = /(page|frame|locator|handle|element)$/i;

function drivesABrowser(receiver: Node, file: FileModel): boolean {
  for (const module of file.importedModules) if (AUTOMATION_MODULES.test(module)) return true;
  const target = unwrap(receiver);
  const name =
    target.type === 'Identifier'
      ? target.name
      : target.type === 'MemberExpression'
        ? propertyName(target)
        : target.type === 'CallExpression'
          ? calleeName(target)
          : null;
  return name !== null && PAGE_LIKE.test(name);
}

/**
 * Why this node's code runs for a browser (inside a callback passed to `page.evaluate` and the like),
 * or null: its console is neither reported nor rewritten.
 */
export function browserCallbackReason(node: Node, file: FileModel): string | null {
  for (
    let child: Node = node, parent = node.parent;
    parent;
    child = parent, parent = parent.parent
  ) {
    if (
      (child.type !== 'ArrowFunctionExpression' && child.type !== 'FunctionExpression') ||
      parent.type !== 'CallExpression'
    )
      continue;
    const callee = unwrap(parent.callee);
    if (
      !parent.arguments.includes(child as TSESTree.CallExpressionArgument) ||
      callee.type !== 'MemberExpression'
    )
      continue;
    const method = propertyName(callee);
    if (
      method === null ||
      !BROWSER_CALLBACK_METHODS.has(method) ||
      !drivesABrowser(callee.object, file)
    )
      continue;
    return method === 'exposeFunction'
      ? 'runs for the page in a browser-automation script: a callback passed to exposeFunction()'
      : `runs in the browser: a callback passed to ${method}()`;
  }
  return null;
}

/** `require.main === module`, `import.meta.main`, `process.argv[1] === import.meta.filename`... */
const RUN_DIRECTLY = /\brequire\.main\b|\bimport\.meta\.main\b|\bprocess\.argv\[1\]/;

/**
 * Why this node prints as a script's output, or null: inside the branch a module takes only when it
 * is run directly (`if (require.main === module)`, `if (import.meta.main)`), where what it prints (a
 * schema, a report) is the command's result, not the module's logging.
 */
export function scriptEntryReason(node: Node, file: FileModel): string | null {
  for (
    let child: Node = node, parent = node.parent;
    parent;
    child = parent, parent = parent.parent
  ) {
    if (parent.type !== 'IfStatement' || parent.consequent !== child) continue;
    if (RUN_DIRECTLY.test(file.getText(parent.test)))
      return `prints the script's output: inside \`if (${file.getText(parent.test)})\`, which runs only when the file is run directly`;
  }
  return null;
}

/** Families whose library runs in browsers as well as in Node: a client file may import them. */
const ISOMORPHIC_FAMILIES: ReadonlySet<FamilyId | undefined> = new Set<FamilyId>([
  'consola',
  'loglevel',
  'tslog',
  'roarr',
]);

/**
 * Whether the configured logger is known to run in a browser: its module is, or creates its logger
 * with, an isomorphic library. A style setting alone does not say how the module was built (a pino
 * logger with file transports does not bundle), and a Remix `.server` module never reaches the client.
 */
function loggerRunsInBrowsers(file: FileModel, settings: Settings, cwd: string): boolean {
  const logger = settings.logger;
  if (!logger || /\.server(\.|\/|$)/.test(logger.importFrom)) return false;
  const answer = contractOfExport(
    file,
    specifierFor(file, logger.importFrom, cwd),
    logger.importKind === 'default' ? 'default' : logger.importName,
    'info',
    settings,
  );
  return (
    answer.ok &&
    answer.contract.source.how !== 'settings' &&
    ISOMORPHIC_FAMILIES.has(answer.contract.family)
  );
}

const HOOK_NAME = /^use[A-Z]/;

/** `function useCart()` or `const useCart = () => ...`: a React hook's definition. */
function isHookDefinition(node: Node): boolean {
  if (node.type === 'FunctionDeclaration') return node.id !== null && HOOK_NAME.test(node.id.name);
  if (
    node.type !== 'VariableDeclarator' ||
    node.id.type !== 'Identifier' ||
    !HOOK_NAME.test(node.id.name) ||
    !node.init
  )
    return false;
  const init = unwrap(node.init);
  return init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression';
}

/** What makes a file a React component or hook module: JSX (a component returns it), or a hook's definition. */
function reactSign(root: Node): string | null {
  // No names in the reason: the CLI's summary counts skips by reason, one key per kind.
  return findInTree(root, (node) =>
    node.type === 'JSXElement' || node.type === 'JSXFragment'
      ? 'React component: the file contains JSX'
      : isHookDefinition(node)
        ? 'React hook: the file defines a use* function'
        : null,
  );
}

/** The first answer `test` gives for a node of the tree, or null. */
function findInTree(root: Node, test: (node: Node) => string | null): string | null {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const answer = test(node);
    if (answer !== null) return answer;
    for (const key in node) {
      if (key === 'parent' || key === 'loc' || key === 'range') continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value)
          if (item && typeof (item as Node).type === 'string') stack.push(item as Node);
      } else if (value && typeof (value as Node).type === 'string') {
        stack.push(value as Node);
      }
    }
  }
  return null;
}

/**
 * Why a log call's output reaches no server's logs, or null: it prints to a command-line tool's
 * terminal (commandLineReason) or a browser's devtools (browserLoggerReason). The message rules
 * leave such calls.
 */
export function outsideServerLogsReason(
  call: LogCall,
  file: FileModel,
  settings: Settings,
  cwd: string,
): string | null {
  return commandLineReason(file, settings) ?? browserLoggerReason(call, file, cwd);
}

/** Packages that run only in a browser: a module importing one is browser code. */
const BROWSER_ONLY_PACKAGES =
  /^(@sentry\/(react|browser|vue|angular|svelte|solid|ember|gatsby)|posthog-js|@datadog\/browser-[\w-]+|logrocket|mixpanel-browser|@amplitude\/analytics-browser|@logtail\/browser)$/;

const BROWSER_LOGGER = memoTable<string | null>('browser logger definition');
/** One key object per working directory: the answer names paths relative to it. */
const byWorkingDirectory = new Map<string, object>();

/**
 * Why a log call writes to a browser's console, or null: its logger is defined in browser code (a
 * client file, or one importing a browser-only package such as `@sentry/react`). A front end's
 * logger prints to devtools, which no log pipeline groups by event name: the message rules leave
 * its calls, as no-console leaves console in client code. The calling file itself may not say so
 * (a MobX store, an API client of a single-page app).
 */
export function browserLoggerReason(call: LogCall, file: FileModel, cwd: string): string | null {
  const defined = loggerDefinitionFile(call, file);
  if (!defined || defined === file) return null;
  let key = byWorkingDirectory.get(cwd);
  if (!key) byWorkingDirectory.set(cwd, (key = {}));
  return defined.remember(BROWSER_LOGGER, key, defined.ast, () => {
    const browserImport = [...defined.importedModules].find((module) =>
      BROWSER_ONLY_PACKAGES.test(module),
    );
    const sign =
      clientSign(defined, cwd) ?? (browserImport ? `it imports '${browserImport}'` : null);
    const label = path.relative(cwd, defined.filename) || defined.filename;
    return sign ? `its logger is defined in browser code (${label}: ${sign})` : null;
  });
}

/** Why this file is client code, or null: the signs frameworks and bundlers go by. */
function clientSign(file: FileModel, cwd: string): string | null {
  const directives = file.ast.body
    .filter(
      (statement): statement is TSESTree.ExpressionStatement =>
        statement.type === 'ExpressionStatement' &&
        'directive' in statement &&
        typeof statement.directive === 'string',
    )
    .map((statement) => statement.directive);
  const base = path.basename(file.filename);
  // Server actions and Remix `.server` modules never run in the browser, whatever they contain (an email template's JSX).
  if (directives.includes('use server') || /\.server\./.test(base)) return null;
  if (directives.includes('use client')) return "'use client' file";
  if (/^entry\.client\./.test(base)) return 'entry.client.* browser entry';
  if (/\.client\./.test(base)) return '*.client.* file';
  const amd = amdSign(file);
  if (amd) return amd;
  // Express's `static('public')`, Next.js and most front-end builds serve this folder to browsers.
  const relative = path.relative(cwd, file.filename);
  if (!relative.startsWith('..') && relative.split(path.sep).slice(0, -1).includes('public'))
    return 'a file under public/, which web servers hand to browsers';
  // The full walk only where its signs can be: `.ts` files cannot hold JSX.
  const jsxPossible = !/\.[cm]?ts$/.test(file.filename) && /<[A-Za-z>]/.test(file.text);
  return jsxPossible || /\buse[A-Z]/.test(file.text) ? reactSign(file.ast) : null;
}

const AMD_REQUIRE_TEXT = /\brequire(?:js)?\s*\(\s*\[/;

/** `['jquery', 'hooks']`: an AMD dependency list. */
function isDependencyList(node: Node | undefined): boolean {
  return (
    node?.type === 'ArrayExpression' &&
    node.elements.every((element) => element !== null && isStringLiteral(element))
  );
}

function isFactory(node: Node | undefined): boolean {
  return node?.type === 'FunctionExpression' || node?.type === 'ArrowFunctionExpression';
}

/** A call of the global `define`, `require` or `requirejs` (not a local function of that name). */
function calleeIsGlobal(call: TSESTree.CallExpression, names: readonly string[], file: FileModel) {
  return (
    call.callee.type === 'Identifier' &&
    names.includes(call.callee.name) &&
    isGlobal(call.callee, file)
  );
}

/**
 * An AMD (RequireJS) module, which a browser loads: a top-level `define([...deps], factory)`,
 * `define('id', [...], factory)` or `define(function (require) {...})`, or anywhere a
 * `require([...deps], callback)`, AMD's asynchronous require (Node's takes a string). A UMD wrapper
 * calls `define` inside a guard, not at the top level: that module runs in Node too.
 */
function amdSign(file: FileModel): string | null {
  if (/\bdefine\s*\(/.test(file.text)) {
    for (const statement of file.ast.body) {
      const call = statement.type === 'ExpressionStatement' ? unwrap(statement.expression) : null;
      if (call?.type !== 'CallExpression' || !calleeIsGlobal(call, ['define'], file)) continue;
      const args = call.arguments;
      let at = args.length > 1 && isStringLiteral(args[0]) ? 1 : 0;
      if (isDependencyList(args[at])) at++;
      if (at === args.length - 1 && isFactory(args[at]))
        return 'AMD module: define(...) at the top level';
    }
  }
  if (!AMD_REQUIRE_TEXT.test(file.text)) return null;
  return findInTree(file.ast, (node) =>
    node.type === 'CallExpression' &&
    calleeIsGlobal(node, ['require', 'requirejs'], file) &&
    isDependencyList(node.arguments[0]) &&
    isFactory(node.arguments[1])
      ? 'AMD require([...], callback)'
      : null,
  );
}

/**
 * Servers that speak a protocol over stdout: there `console.error` goes to stderr on purpose, and a
 * logger writing to stdout would corrupt the protocol. `names` are the imports that set it up.
 */
const STDIO_PROTOCOLS: ReadonlyArray<{ module: RegExp; names: readonly string[]; what: string }> = [
  {
    module: /^@modelcontextprotocol\/sdk\//,
    names: ['StdioServerTransport'],
    what: 'an MCP server over stdio',
  },
  {
    module: /^vscode-languageserver(\/node)?$/,
    names: ['createConnection'],
    what: 'a language server',
  },
  {
    module: /^vscode-jsonrpc(\/node)?$/,
    names: ['StreamMessageWriter', 'createMessageConnection'],
    what: 'a JSON-RPC server',
  },
];

function stdioProtocol(file: FileModel): { what: string; name: string; source: string } | null {
  for (const binding of file.imports.values()) {
    for (const protocol of STDIO_PROTOCOLS) {
      if (!protocol.module.test(binding.source)) continue;
      // A namespace or default import: the setup call is then `lsp.createConnection(...)`.
      const name = protocol.names.find(
        (candidate) =>
          candidate === binding.imported ||
          ((binding.imported === '*' || binding.imported === 'default') &&
            file.text.includes(`.${candidate}`)),
      );
      if (name) return { what: protocol.what, name, source: binding.source };
    }
  }
  return null;
}

export type ConsoleFileVerdict =
  /** Browser code: console there is not the server logging this plugin is about. */
  | { kind: 'client'; reason: string }
  /** stdout carries a protocol: stderr output is the log channel, stdout output a bug. */
  | { kind: 'stdio-protocol'; reason: string }
  /** A command-line tool's package: its console output is its interface. */
  | { kind: 'command-line'; reason: string };

/**
 * Why this file's console calls stay console, or null when they may become logger calls. Shared by
 * `no-console` (client: nothing reported; stdio protocol: only stdout output reported, with no
 * suggestion) and `console-to-logger` (every call left with the reason).
 */
export function consoleFileVerdict(
  file: FileModel,
  settings: Settings,
  cwd: string,
): ConsoleFileVerdict | null {
  const client = clientSign(file, cwd);
  if (client && !loggerRunsInBrowsers(file, settings, cwd)) {
    return {
      kind: 'client',
      reason: `client code (${client}) runs in the browser, where importing a server logger breaks the build; a logger built on consola, loglevel, tslog or roarr would be used here`,
    };
  }
  const protocol = stdioProtocol(file);
  if (protocol) {
    return {
      kind: 'stdio-protocol',
      reason: `${protocol.what} (${protocol.name} from '${protocol.source}') uses stdout as its protocol: console.error goes to stderr on purpose, and a logger writing to stdout would corrupt the protocol`,
    };
  }
  const commandLine = commandLineReason(file, settings);
  if (commandLine) return { kind: 'command-line', reason: commandLine };
  return null;
}

/** Whether Node's console method or process write goes to stderr (error, warn, trace, assert). */
export function writesToStderr(access: ConsoleAccess): boolean {
  return (
    access.stream === 'stderr' ||
    (access.stream === 'console' && ['error', 'warn', 'trace', 'assert'].includes(access.method))
  );
}

function levelFor(access: ConsoleAccess): string | undefined {
  if (access.stream === 'stdout') return 'info';
  if (access.stream === 'stderr') return 'error';
  return CONSOLE_LEVELS[access.method];
}

/**
 * The extension a relative specifier of the module needs in this file: '' when none is needed, null
 * when one is needed and no file on disk says which. Node's own ESM loader needs it (TypeScript and
 * bundlers do not). Relative settings paths are from the project root (ESLint's cwd), so one setting
 * serves every file.
 */
function esmExtension(file: FileModel, configured: string, cwd: string): string | null {
  const importFrom = rootRelative(configured, cwd);
  if (
    !importFrom.startsWith('.') ||
    !path.isAbsolute(file.filename) ||
    !file.nativeEsm() ||
    path.extname(importFrom) !== ''
  )
    return '';
  const target = path.resolve(cwd, importFrom);
  let extension = extensionsOnDisk.get(target);
  if (extension === undefined)
    extensionsOnDisk.set(
      target,
      (extension =
        ['.js', '.mjs', '.cjs'].find((candidate) => fs.existsSync(`${target}${candidate}`)) ??
        null),
    );
  return extension;
}

/**
 * The extension each configured module path has on disk, looked up once per run (as package.json files
 * are): the rule asks for every console call it reports, the codemods for every file.
 */
const extensionsOnDisk = new Map<string, string | null>();

/**
 * A configured path written from the project root without `./` (`apps/worker/src/utils/logger`),
 * whose first folder exists there, is that path, not a package of that name: a package name has no
 * folder of the project root (scoped packages start with `@`).
 */
function rootRelative(importFrom: string, cwd: string): string {
  if (/^[.@/]/.test(importFrom) || !importFrom.includes('/')) return importFrom;
  const first = importFrom.slice(0, importFrom.indexOf('/'));
  return fs.existsSync(path.join(cwd, first)) &&
    !fs.existsSync(path.join(cwd, 'node_modules', first))
    ? `./${importFrom}`
    : importFrom;
}

/** The module specifier for the configured logger (or redactor) as seen from this file. */
function specifierFor(file: FileModel, configured: string, cwd: string): string {
  const importFrom = rootRelative(configured, cwd);
  if (!importFrom.startsWith('.') || !path.isAbsolute(file.filename)) return importFrom;
  let relative = path
    .relative(path.dirname(file.filename), path.resolve(cwd, importFrom))
    .split(path.sep)
    .join('/');
  if (!relative.startsWith('.')) relative = `./${relative}`;
  return relative + (esmExtension(file, importFrom, cwd) ?? '');
}

/**
 * Why this file cannot import the configured module, or null when it can: an import Node would fail
 * to load is worse than the console call it replaces. `setting` names where the path is configured.
 */
export function importProblem(
  file: FileModel,
  module: { importFrom: string },
  cwd: string,
  setting: string,
): string | null {
  if (esmExtension(file, module.importFrom, cwd) !== null) return null;
  return `Node's ES module loader needs the file extension of '${module.importFrom}', and no .js, .mjs or .cjs file of that name exists: give it in settings['structured-logging'].${setting}.importFrom`;
}

/** What a module exports, read from its source: enough to import its logger the way it is exported. */
interface ExportShape {
  default: boolean;
  /** `module.exports = logger` or `export = logger`: the module itself is the value. */
  whole: boolean;
  names: ReadonlySet<string>;
  /** `export * from`, a spread into module.exports: names the shape cannot list. */
  open: boolean;
}

/** What a module exports, from its parse (shared with the logger contracts, once per run). */
function exportShape(filename: string): ExportShape | null {
  const model = readModule(filename);
  return model ? readExportShape(model.ast) : null;
}

function readExportShape(ast: TSESTree.Program): ExportShape {
  const shape = { default: false, whole: false, names: new Set<string>(), open: false };
  const add = (name: string) =>
    name === 'default' ? (shape.default = true) : shape.names.add(name);
  for (const statement of ast.body) {
    if (statement.type === 'ExportDefaultDeclaration') shape.default = true;
    else if (statement.type === 'TSExportAssignment') shape.whole = true;
    else if (statement.type === 'ExportAllDeclaration') {
      if (statement.exported) add(moduleExportName(statement.exported));
      else shape.open = true;
    } else if (statement.type === 'ExportNamedDeclaration') {
      const declaration = statement.declaration;
      if (declaration?.type === 'VariableDeclaration') {
        const names = new Set<string>();
        for (const declarator of declaration.declarations) addBoundNames(declarator.id, names);
        names.forEach(add);
      } else if (declaration && 'id' in declaration && declaration.id?.type === 'Identifier') {
        add(declaration.id.name);
      }
      for (const specifier of statement.specifiers) add(moduleExportName(specifier.exported));
    } else if (
      statement.type === 'ExpressionStatement' &&
      statement.expression.type === 'AssignmentExpression'
    ) {
      const target = memberPath(statement.expression.left)?.join('.');
      const value = unwrap(statement.expression.right);
      if (target === 'module.exports' && value.type === 'ObjectExpression') {
        for (const property of value.properties) {
          const key = property.type === 'Property' ? staticKeyName(property) : null;
          if (key === null) shape.open = true;
          else add(key);
        }
      } else if (target === 'module.exports') shape.whole = true;
      else if (target?.startsWith('module.exports.') || target?.startsWith('exports.'))
        add(target.slice(target.lastIndexOf('.') + 1));
    }
  }
  return shape;
}

/** `export { a as 'b' }`: an exported name may be a string. */
function moduleExportName(name: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return name.type === 'Identifier' ? name.name : name.value;
}

/** A top-level import or require of the file: its local name, its source, and what it takes. */
interface Binding {
  local: string;
  source: string;
  /** 'default', a named export, or '*' (a namespace import, or a whole-module require). */
  imported: string;
  esm: boolean;
}

function fileBindings(file: FileModel): Binding[] {
  const bindings: Binding[] = [];
  for (const statement of file.ast.body) {
    if (statement.type === 'ImportDeclaration') {
      if (statement.importKind === 'type') continue;
      for (const specifier of statement.specifiers) {
        if (specifier.type === 'ImportSpecifier' && specifier.importKind === 'type') continue;
        const imported = importedName(specifier);
        bindings.push({
          local: specifier.local.name,
          source: statement.source.value,
          imported,
          esm: true,
        });
      }
    } else if (
      statement.type === 'TSImportEqualsDeclaration' &&
      statement.importKind !== 'type' &&
      statement.moduleReference.type === 'TSExternalModuleReference'
    ) {
      const source = statement.moduleReference.expression.value;
      bindings.push({ local: statement.id.name, source, imported: '*', esm: false });
    } else if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        if (!declarator.init) continue;
        let init = unwrap(declarator.init);
        // `require('./log').logger`, `require('./log').default`
        const member = init.type === 'MemberExpression' ? propertyName(init) : null;
        if (member !== null) init = unwrap((init as TSESTree.MemberExpression).object);
        const source = requiredSource(init);
        if (source === null) continue;
        if (declarator.id.type === 'Identifier')
          bindings.push({ local: declarator.id.name, source, imported: member ?? '*', esm: false });
        else if (declarator.id.type === 'ObjectPattern' && member === null)
          for (const property of declarator.id.properties) {
            const key = property.type === 'Property' ? staticKeyName(property) : null;
            if (
              key !== null &&
              property.type === 'Property' &&
              property.value.type === 'Identifier'
            )
              bindings.push({ local: property.value.name, source, imported: key, esm: false });
          }
      }
    }
  }
  return bindings;
}

/** `require('x')`: its source, else null. */
function requiredSource(node: Node): string | null {
  return node.type === 'CallExpression' &&
    node.callee.type === 'Identifier' &&
    node.callee.name === 'require' &&
    node.arguments.length === 1 &&
    isStringLiteral(node.arguments[0])
    ? node.arguments[0].value
    : null;
}

const TYPESCRIPT_SOURCE = /\.(ts|tsx|mts|cts)$/;
const JAVASCRIPT_SOURCE = /\.(js|cjs|mjs)$/;

/** How the file gets the configured logger: a binding it already has, or the import to add. */
export type LoggerImportPlan =
  | { ok: false; reason: string }
  | {
      ok: true;
      /** The name the logger goes by in this file. */
      local: string;
      /** Already bound by an import or require of the file: nothing to add. */
      existing: boolean;
      /** The module's export that is the logger: 'default', a name, or '*' (the module itself). */
      exported: string;
      specifier: string;
      /** Whether the module's exports were read (else `exported` is what the settings say). */
      read: boolean;
    };

const PLANS = memoTable<LoggerImportPlan>('console-logger-import');

/**
 * How this file reaches the configured logger. An import or require the file already has of the same
 * module (by this or any other specifier that resolves to the same file: a tsconfig alias, a relative
 * path, with or without extension or index) and export is reused, under its local name. Otherwise the
 * import takes what the module actually exports (`export default` from a named setting, a CommonJS
 * `module.exports = logger`, `require(...).default` of an ES module), and a JavaScript file that Node
 * loads itself is not given a TypeScript module or a tsconfig alias it could not load.
 */
export function loggerImportPlan(
  file: FileModel,
  logger: NonNullable<Settings['logger']>,
  cwd: string,
  settings: object = logger,
): LoggerImportPlan {
  return file.remember(PLANS, settings, file.ast, () => planImport(file, logger, cwd));
}

function planImport(
  file: FileModel,
  logger: NonNullable<Settings['logger']>,
  cwd: string,
): LoggerImportPlan {
  let specifier = specifierFor(file, logger.importFrom, cwd);
  const target = path.isAbsolute(file.filename) ? resolveImport(file.filename, specifier) : null;
  const shape = target ? exportShape(target) : null;
  const wanted = logger.importKind === 'default' ? 'default' : logger.importName;
  const exported = !shape
    ? wanted
    : wanted === 'default'
      ? shape.default
        ? 'default'
        : shape.whole
          ? '*'
          : shape.names.has(logger.importName)
            ? logger.importName
            : wanted
      : shape.names.has(wanted) || shape.open
        ? wanted
        : shape.default
          ? 'default'
          : shape.whole
            ? '*'
            : wanted;
  const sameModule = (source: string): boolean => {
    if (source === specifier || source === logger.importFrom) return true;
    const resolved = target && resolveImport(file.filename, source);
    if (target && resolved) return resolved === target;
    return source.endsWith(logger.importFrom.replace(/^(\.\.?\/)+/, ''));
  };
  const takesLogger = (binding: Binding): boolean =>
    binding.imported === exported ||
    (exported === '*' && binding.esm && binding.imported === 'default') ||
    // What a module of unknown shape gives a default import or a whole require.
    (!shape && wanted === 'default' && !binding.esm && binding.imported === '*') ||
    (!shape && binding.local === logger.importName);
  // Cheap tests first: resolving a specifier may read the disk.
  const bindings = fileBindings(file);
  const candidates = bindings.filter(
    (binding) => takesLogger(binding) && sameModule(binding.source),
  );
  const reused = candidates.find((binding) => binding.local === logger.importName) ?? candidates[0];
  // The name is bound to the module, but not to its logger (an earlier `const logger =
  // require('./logger')` of an `export default` module): say what to write instead.
  const misbound = reused
    ? undefined
    : bindings.find(
        (binding) =>
          binding.local === logger.importName &&
          !takesLogger(binding) &&
          sameModule(binding.source),
      );
  if (misbound && shape)
    return {
      ok: false,
      reason: `\`${misbound.local}\` is bound to ${exportText(misbound.imported)} of '${misbound.source}', but the logger is ${exportText(exported)}: write \`${bindingText(misbound, exported)}\``,
    };
  if (reused)
    return {
      ok: true,
      local: reused.local,
      existing: true,
      exported,
      specifier: reused.source,
      read: shape !== null,
    };
  // Node loads a CommonJS .js file, or native ESM, from source: no TypeScript, no tsconfig paths.
  const loadedByNode =
    JAVASCRIPT_SOURCE.test(file.filename) &&
    (file.nativeEsm() || file.moduleSystem() === 'commonjs');
  // Only a module the file's own package can reach: itself, or a package it declares.
  const boundary = target ? packageBoundaryProblem(file.filename, target, cwd) : null;
  if (boundary) return { ok: false, reason: boundary };
  if (loadedByNode && target) {
    const label = path.relative(cwd, target) || target;
    if (TYPESCRIPT_SOURCE.test(target) && !/\.d\.[cm]?ts$/.test(target)) {
      const compiled = ['.js', '.cjs', '.mjs']
        .map((extension) => target.replace(TYPESCRIPT_SOURCE, extension))
        .some((candidate) => fs.existsSync(candidate));
      if (!compiled)
        return {
          ok: false,
          reason: `'${specifier}' is ${label}, TypeScript, which Node cannot load from this JavaScript file: set settings['structured-logging'].logger.importFrom to the compiled JavaScript module, or leave this file out if a TypeScript loader runs it`,
        };
    }
    // A tsconfig alias means nothing to Node: the path to the module does.
    if (!specifier.startsWith('.') && !isPackageOf(specifier, target)) {
      let relative = path.relative(path.dirname(file.filename), target).split(path.sep).join('/');
      if (!relative.startsWith('.')) relative = `./${relative}`;
      specifier = file.nativeEsm() ? relative : relative.replace(/(\/index)?\.c?js$/, '');
    }
  }
  return {
    ok: true,
    local: logger.importName,
    existing: false,
    exported,
    specifier,
    read: shape !== null,
  };
}

/** An export in words, for reasons: `its default export`, `the whole module`, `its export \`logger\``. */
function exportText(name: string): string {
  if (name === 'default') return 'its default export';
  return name === '*' ? 'the whole module' : `its export \`${name}\``;
}

/** The import or require that binds `binding.local` to `exported` of the same source. */
function bindingText(binding: Binding, exported: string): string {
  const source = `'${binding.source}'`;
  if (binding.esm)
    return exported === 'default' || exported === '*'
      ? `import ${binding.local} from ${source}`
      : `import { ${exported === binding.local ? exported : `${exported} as ${binding.local}`} } from ${source}`;
  const access = exported === '*' ? '' : `.${exported}`;
  return `const ${binding.local} = require(${source})${access}`;
}

interface Manifest {
  directory: string;
  name?: string;
  declared: ReadonlySet<string>;
}

const DEPENDENCY_FIELDS = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
] as const;

/** The package a file belongs to: its folder, name and every dependency it declares. */
function packageOf(file: string): Manifest | null {
  const manifest = nearestManifest(file);
  if (!manifest?.json) return null;
  const { json } = manifest;
  const declared = new Set<string>();
  for (const field of DEPENDENCY_FIELDS)
    for (const name of Object.keys((json[field] as object | undefined) ?? {})) declared.add(name);
  return {
    directory: manifest.directory,
    name: typeof json.name === 'string' ? json.name : undefined,
    declared,
  };
}

/**
 * Why the file's package may not import the logger module: it lies in another package of the
 * repository that this one does not declare as a dependency (an undeclared dependency, and a cycle
 * when that package depends on this one). Null for the same package, a declared one, or when no
 * package.json tells.
 */
function packageBoundaryProblem(fromFile: string, target: string, cwd: string): string | null {
  const own = packageOf(fromFile);
  const theirs = packageOf(target);
  if (!own || !theirs || own.directory === theirs.directory) return null;
  if (theirs.name !== undefined && own.declared.has(theirs.name)) return null;
  const where = (manifest: Manifest) =>
    manifest.name ?? (path.relative(cwd, manifest.directory) || '.');
  const cycle =
    own.name !== undefined && theirs.declared.has(own.name)
      ? `, which depends on ${where(own)}`
      : '';
  return `the logger module is in the package ${where(theirs)}${cycle}, and ${where(own)} does not declare it as a dependency: importing it would add an undeclared dependency${cycle ? ' and a cycle' : ''}; point importFrom at a logger this package owns (settings per folder), or declare the dependency`;
}

/** Whether `target` is in the package a bare specifier names (a workspace package), not behind an alias. */
function isPackageOf(specifier: string, target: string): boolean {
  const name = specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
  return packageOf(target)?.name === name;
}

/** Whether a top-level statement is an import, or declares what a `require` outside any function returns. */
function isImportStatement(statement: TSESTree.ProgramStatement): boolean {
  if (statement.type === 'ImportDeclaration' || statement.type === 'TSImportEqualsDeclaration')
    return true;
  return (
    statement.type === 'VariableDeclaration' &&
    statement.declarations.some((d) => d.init !== null && requiresOutsideFunctions(d.init))
  );
}

/** `require('x')`, `require('x').y`, `require('debug')('app')`, `interop(require('x'))`, not `() => require('x')`. */
function requiresOutsideFunctions(node: Node): boolean {
  const target = unwrap(node);
  if (requiredSource(target) !== null) return true;
  if (target.type === 'MemberExpression') return requiresOutsideFunctions(target.object);
  if (target.type === 'CallExpression')
    return (
      requiresOutsideFunctions(target.callee) ||
      target.arguments.some((arg) => arg.type !== 'SpreadElement' && requiresOutsideFunctions(arg))
    );
  if (target.type === 'AwaitExpression') return requiresOutsideFunctions(target.argument);
  return false;
}

/**
 * The import or require of the configured logger, or null when the file already has it. `firstUse`
 * is where the logger is first called: a `require` must come before it (imports are hoisted). It
 * goes after the last top-level import or require, else after the directives ('use strict'), else
 * before the first statement (after a shebang and leading comments).
 */
export function loggerImportEdit(
  file: FileModel,
  logger: NonNullable<Settings['logger']>,
  cwd: string,
  firstUse = Infinity,
  settings: object = logger,
): Edit | null {
  const plan = loggerImportPlan(file, logger, cwd, settings);
  if (!plan.ok || plan.existing) return null;
  // Only reachable for a file's own logger (see consoleRewrite): nothing to import.
  if (file.isDeclared(logger.importName)) return null;
  const { specifier, exported } = plan;
  const body = file.ast.body;
  const esm = file.moduleSystem() === 'esm';
  const target = path.isAbsolute(file.filename) ? resolveImport(file.filename, specifier) : null;
  // `import { Injectable } from '@nestjs/common'` already there: the name joins it, no second import.
  const sameModule =
    esm && exported !== 'default' && exported !== '*'
      ? body.find(
          (statement): statement is TSESTree.ImportDeclaration =>
            statement.type === 'ImportDeclaration' &&
            (statement.source.value === specifier ||
              (target !== null &&
                resolveImport(file.filename, statement.source.value) === target)) &&
            statement.importKind !== 'type' &&
            statement.specifiers.length > 0 &&
            statement.specifiers.every((s) => s.type === 'ImportSpecifier'),
        )
      : undefined;
  if (sameModule) {
    const last = sameModule.specifiers[sameModule.specifiers.length - 1];
    const text = exported === logger.importName ? exported : `${exported} as ${logger.importName}`;
    return { range: [last.range[1], last.range[1]], text: `, ${text}` };
  }
  const quote = preferredQuote(file);
  // A file with any line ending in `;` uses semicolons; one with none (standard style) gets none.
  const usesSemicolons = body.length === 0 || /;[ \t]*(\r?\n|$)/.test(file.text);
  const end = usesSemicolons ? ';' : '';
  const source = quoteString(specifier, quote);
  const name = logger.importName;
  const text = esm
    ? `import ${exported === 'default' || exported === '*' ? name : exported === name ? `{ ${name} }` : `{ ${exported} as ${name} }`} from ${source}${end}`
    : exported === '*'
      ? `const ${name} = require(${source})${end}`
      : exported === 'default'
        ? !plan.read
          ? `const ${name} = require(${source})${end}`
          : `const ${name} = require(${source}).default${end}`
        : `const ${exported === name ? `{ ${name} }` : `{ ${exported}: ${name} }`} = require(${source})${end}`;
  const imports = body.filter(isImportStatement);
  const usable = esm ? imports : imports.filter((statement) => statement.range[1] <= firstUse);
  const last = usable.length > 0 ? usable[usable.length - 1] : undefined;
  if (last) return { range: [last.range[1], last.range[1]], text: `\n${text}` };
  const directives = body.filter(
    (statement) =>
      statement.type === 'ExpressionStatement' && 'directive' in statement && statement.directive,
  );
  const user =
    imports.length > 0
      ? body.find((statement) => statement.range[0] <= firstUse && firstUse < statement.range[1])
      : undefined;
  if (user && !directives.includes(user))
    return { range: [user.range[0], user.range[0]], text: `${text}\n` };
  const anchor = directives.length > 0 ? directives[directives.length - 1] : undefined;
  if (anchor) return { range: [anchor.range[1], anchor.range[1]], text: `\n${text}` };
  const first = body[0];
  // After a shebang and leading comments (licence headers), before the first statement.
  const comments = first ? [] : file.commentsWithin([0, file.text.length]);
  const at = first
    ? first.range[0]
    : comments.length > 0
      ? comments[comments.length - 1].range[1]
      : 0;
  return { range: [at, at], text: `${text}\n${first ? '' : '\n'}` };
}

/** Names of the core `no-console` rule in disable comments: ESLint's, and oxlint's (either spelling). */
const CORE_CONSOLE_RULES = new Set(['no-console', 'eslint/no-console']);
const OWN_CONSOLE_RULE = 'structured-logging/no-console';
const DIRECTIVE = /^\s*(eslint|oxlint)-(disable|enable|disable-line|disable-next-line)(?=\s|$)/;

/** Where a file's disable comments for the core `no-console` allow console output. */
interface AllowedConsole {
  /** Line (from 1) -> the `-disable-line` / `-disable-next-line` comment that allows it. */
  lines: Map<number, string>;
  /** `eslint-disable no-console` ... `eslint-enable` ranges of offsets. */
  ranges: Array<{ from: number; to: number; comment: string }>;
  lineStarts: number[];
}

const ALLOWED_CONSOLE = memoTable<AllowedConsole>('console-disable-directives');

function allowedConsole(file: FileModel): AllowedConsole {
  return file.remember(ALLOWED_CONSOLE, ALLOWED_CONSOLE, file.ast, () => {
    const text = file.text;
    const allowed: AllowedConsole = { lines: new Map(), ranges: [], lineStarts: [0] };
    if (!/[eo][sx]lint-disable/.test(text)) return allowed;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1))
      allowed.lineStarts.push(at + 1);
    let open: { from: number; comment: string } | null = null;
    for (const comment of file.commentsWithin([0, text.length])) {
      const [start, end] = comment.range;
      const block = text.startsWith('/*', start);
      const value = block ? text.slice(start + 2, end - 2) : text.slice(start + 2, end);
      const directive = DIRECTIVE.exec(value);
      if (!directive) continue;
      const [, linter, kind] = directive;
      // ESLint reads only the line forms in `//` comments (oxlint all), and `-line` on one line only.
      if (linter === 'eslint' && !block && (kind === 'disable' || kind === 'enable')) continue;
      if (kind === 'disable-line' && value.includes('\n')) continue;
      const after = value.slice(directive[0].length);
      const description = /\s-{2,}\s/.exec(after);
      const rules = (description ? after.slice(0, description.index) : after)
        .split(',')
        .map((rule) => rule.trim())
        .filter(Boolean);
      const core = rules.some((rule) => CORE_CONSOLE_RULES.has(rule));
      // One reason per kind of comment (the CLI counts skips by reason), not its whole rule list.
      const label = `${linter}-${kind} no-console`;
      if (kind === 'enable') {
        // A bare eslint-enable turns every rule back on; a bare oxlint-enable, oxlint's.
        if (open && (core || rules.length === 0)) allowed.ranges.push({ ...open, to: start });
        if (core || rules.length === 0) open = null;
      } else if (!core) {
        continue;
      } else if (kind === 'disable') {
        open ??= { from: start, comment: label };
      } else {
        const line =
          lineOf(allowed.lineStarts, kind === 'disable-line' ? start : end) +
          (kind === 'disable-next-line' ? 1 : 0);
        if (!allowed.lines.has(line)) allowed.lines.set(line, label);
      }
    }
    if (open) allowed.ranges.push({ ...open, to: text.length });
    return allowed;
  });
}

/** The line (from 1) of an offset, by binary search in the offsets lines start at. */
function lineOf(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

/**
 * Why a disable comment for the core `no-console` (ESLint's or oxlint's) allows the console output at
 * this node, or null: `// eslint-disable-next-line no-console`, `// eslint-disable-line no-console`,
 * `/* eslint-disable no-console *\/` until its `eslint-enable`, and their `oxlint-` forms. The team
 * already allowed this output; this plugin's rule is another rule id, which ESLint would not silence.
 * Shared by both faces: the rule does not report the call, the codemod leaves it, comment included.
 * Comments naming `structured-logging/no-console`, or no rule, ESLint applies to the rule itself.
 */
export function consoleDirectiveReason(node: Node, file: FileModel): string | null {
  const allowed = allowedConsole(file);
  if (allowed.lines.size === 0 && allowed.ranges.length === 0) return null;
  const at = node.range[0];
  const comment =
    allowed.lines.get(lineOf(allowed.lineStarts, at)) ??
    allowed.ranges.find((range) => range.from <= at && at < range.to)?.comment;
  return comment === undefined
    ? null
    : `a disable comment for the core no-console allows this console output: \`${comment}\`; remove it to have the call rewritten`;
}

/** A line directive for this plugin's rule: calls under the core rule's directives are left alone. */
const CONSOLE_RULES = new Set([OWN_CONSOLE_RULE]);
const LINE_DIRECTIVE = /^\s*eslint-disable-(next-line|line)(?=\s|$)/;
const MENTIONS_CONSOLE = /\bconsole\b|\bstd(?:out|err)\b/;

/** Start and end (before the newline) of the line holding an offset. */
function lineAround(text: string, offset: number): [number, number] {
  const end = text.indexOf('\n', offset);
  return [text.lastIndexOf('\n', offset - 1) + 1, end === -1 ? text.length : end];
}

/**
 * Edits removing the `eslint-disable-next-line` / `eslint-disable-line` directives for
 * `structured-logging/no-console` that a rewrite of this call makes stale (ESLint applies them to the
 * rule; the codemod converts the call). One for the core `no-console` never gets here: the call is left. A directive that
 * names other rules keeps them and loses only the console one; a directive naming no rule (it
 * disables every rule) stays; so does one whose line has other console output, which it still covers.
 */
export function staleDirectiveEdits(call: Node, file: FileModel): Edit[] {
  const text = file.text;
  const [lineStart, lineEnd] = lineAround(text, call.range[0]);
  const edits: Edit[] = [];
  const from = lineStart === 0 ? 0 : lineAround(text, lineStart - 1)[0];
  for (const comment of file.commentsWithin([from, lineEnd])) {
    const [start, end] = comment.range;
    const raw = text.slice(start, end);
    const value = raw.startsWith('/*') ? raw.slice(2, -2) : raw.slice(2);
    const directive = LINE_DIRECTIVE.exec(value);
    if (!directive || value.includes('\n')) continue;
    // next-line on the line before the call, line on the call's own line.
    if ((directive[1] === 'next-line') !== end <= lineStart) continue;
    const after = value.slice(directive[0].length);
    const description = /\s-{2,}\s/.exec(after);
    const list = description ? after.slice(0, description.index) : after;
    const rules = list
      .split(',')
      .map((rule) => rule.trim())
      .filter(Boolean);
    const kept = rules.filter((rule) => !CONSOLE_RULES.has(rule));
    if (rules.length === 0 || kept.length === rules.length) continue;
    // The rest of the call's line: other console output there still needs the directive.
    let rest = '';
    let at = lineStart;
    for (const [from, to] of [call.range, comment.range].sort((a, b) => a[0] - b[0])) {
      if (from > at) rest += text.slice(at, Math.min(from, lineEnd));
      at = Math.max(at, to);
    }
    if (at < lineEnd) rest += text.slice(at, lineEnd);
    if (MENTIONS_CONSOLE.test(rest)) continue;
    if (kept.length > 0) {
      const listAt = start + 2 + directive[0].length + (list.length - list.trimStart().length);
      edits.push({ range: [listAt, listAt + list.trim().length], text: kept.join(', ') });
      continue;
    }
    const [commentLineStart, commentLineEnd] = lineAround(text, start);
    const alone =
      text.slice(commentLineStart, start).trim() === '' &&
      text.slice(end, commentLineEnd).trim() === '';
    const spaceBefore = /[ \t]*$/.exec(text.slice(commentLineStart, start))![0].length;
    edits.push(
      alone && commentLineEnd < text.length
        ? { range: [commentLineStart, commentLineEnd + 1], text: '' }
        : { range: [start - spaceBefore, end], text: '' },
    );
  }
  return edits;
}

/** The parts of what a console call prints: its arguments, joined by spaces as console does. */
function partsOf(
  args: readonly TSESTree.CallExpressionArgument[],
  file: FileModel,
): MessagePart[] | null {
  if (args.some((arg) => arg.type === 'SpreadElement')) return null;
  const parts: MessagePart[] = [];
  let rest = args as TSESTree.Expression[];
  if (args.length > 0 && isStringLike(args[0])) {
    const message = analyzeMessage(args[0], args.slice(1), file);
    if (message.kind === 'constant') parts.push({ kind: 'text', text: message.text });
    else if (message.kind === 'dynamic') parts.push(...message.parts);
    else parts.push({ kind: 'value', node: args[0] as TSESTree.Expression });
    rest = rest.slice(1 + (message.kind === 'dynamic' ? message.consumedArgs : 0));
  }
  for (const arg of rest) {
    // console joins its arguments with spaces; later strings and templates are text too.
    const message = isStringLike(arg) ? analyzeMessage(arg, [], file, false) : undefined;
    if (message?.kind === 'constant') parts.push({ kind: 'text', text: ` ${message.text}` });
    else if (message?.kind === 'dynamic') parts.push({ kind: 'text', text: ' ' }, ...message.parts);
    else parts.push({ kind: 'value', node: arg });
  }
  return parts;
}

/**
 * The structured logger call for a console call (`console.log('job failed', job.id, err)` ->
 * `logger.error({ jobId: job.id, err }, 'job.failed')`), without the import (see loggerImportEdit).
 */
export function consoleRewrite(
  call: TSESTree.CallExpression,
  access: ConsoleAccess,
  file: FileModel,
  settings: Settings,
  cwd: string,
): RewriteResult {
  const allowed = consoleDirectiveReason(call, file);
  if (allowed) return { ok: false, reason: allowed };
  const logger = settings.logger;
  if (!logger)
    return {
      ok: false,
      reason:
        "no logger configured: set settings['structured-logging'].logger = { importFrom: './logger', importName: 'logger' }",
    };
  const level = levelFor(access);
  if (!level) return { ok: false, reason: `console.${access.method} has no logger equivalent` };
  const plan = loggerImportPlan(file, logger, cwd, settings);
  if (!plan.ok) return plan;
  // A file that creates its own logger under that name (`const logger = winston.createLogger()`) uses it.
  const local =
    plan.existing || file.imports.has(logger.importName)
      ? null
      : localLogger(logger.importName, file);
  // The contract of the logger the call will go to: the module it is imported from, followed to its creation.
  const answer = contractOfExport(
    file,
    plan.specifier,
    local ? logger.importName : plan.exported,
    METHOD_FOR_LEVEL.winston?.[level] ?? level,
    settings,
  );
  if (!answer.ok) return { ok: false, reason: answer.reason };
  // A logger whose output drops fields can still take a call that has none: its message is all.
  const refusal = answer.contract.refusal;
  const style = answer.contract.style;
  const errorKey = errorKeyOf(answer.contract, settings);
  const existing = plan.existing ? undefined : file.imports.get(logger.importName);
  if (existing) {
    return {
      ok: false,
      reason: `\`${logger.importName}\` is already imported from '${existing.source}'`,
    };
  }
  if (!plan.existing && file.isDeclared(logger.importName) && !local)
    return {
      ok: false,
      reason: `\`${logger.importName}\` already means something else in this file`,
    };
  if (hasCommentInside(call.range, file))
    return { ok: false, reason: 'a comment inside the call would be lost' };
  // Object literals after the message are already fields: their properties are kept as written.
  const objects = call.arguments
    .slice(1)
    .filter((arg): arg is TSESTree.ObjectExpression => arg.type === 'ObjectExpression');
  const parts = partsOf(
    call.arguments.filter((arg) => !objects.includes(arg as TSESTree.ObjectExpression)),
    file,
  );
  if (!parts) return { ok: false, reason: 'spread arguments cannot be named as fields' };
  // Text that only says something went wrong ("Error:") names nothing: the code around the call does.
  const printed = staticText(parts);
  // Values are marked, so the words that only name them stay out of the name.
  const fromText = eventNameFor(parts, settings);
  const textual = !isGenericText(printed) && fromText !== '';
  const eventName =
    (textual && fromText) ||
    contextEventName(call, file.filename, level, settings.eventName.case) ||
    fromText;
  if (!eventName) return { ok: false, reason: 'the output has no static words to name the event' };
  const keptProperties = objects.flatMap((object) => object.properties);
  const existingKeys = new Map<string, string>();
  for (const property of keptProperties) {
    const key = property.type === 'Property' ? staticKeyName(property) : null;
    if (property.type === 'Property' && key === null)
      return {
        ok: false,
        reason: 'an object argument has computed keys that a new field could collide with',
      };
    if (property.type === 'Property' && key !== null)
      existingKeys.set(file.getText(property.value), key);
  }
  const values = parts.filter((part) => part.kind === 'value').map((part) => part.node);
  // Moving object properties ahead of earlier values must not reorder side effects.
  if (
    keptProperties.length > 0 &&
    values.some((value) => !isSideEffectFree(value)) &&
    objects.some((object) => !isSideEffectFree(object))
  ) {
    return {
      ok: false,
      reason:
        'merging the object argument into the fields would change the order side effects run in',
    };
  }
  // Where no key keeps an Error (winston), an error console printed whole stays the whole fields argument.
  // the other values going to a child logger (winston and bunyan have one).
  const wholeErrors =
    errorKey === null
      ? values.filter((value) => isErrorExpression(value, file) && !stringifiedError(value, file))
      : [];
  // NestJS before 11 keeps an Error only as error()'s stack string: an Error object in its place
  // prints as a context tag (and nestjs-pino, behind the static Logger, prints it as `context: {}`).
  if (wholeErrors.length > 0 && answer.contract.error?.kind !== 'fields-argument') {
    const placement = errorPlacementText(answer.contract, settings);
    const where = answer.contract.source.where ? `${answer.contract.source.where}: ` : '';
    return {
      ok: false,
      reason: `${where}this logger keeps an Error's message and stack ${placement.where}${placement.unlock ? `: ${placement.unlock}` : ''}, which this call cannot be rewritten to safely`,
    };
  }
  const hasChild = answer.contract.family === 'winston' || answer.contract.family === 'bunyan';
  if (
    wholeErrors.length > 1 ||
    (wholeErrors.length === 1 && !hasChild && (values.length > 1 || keptProperties.length > 0))
  ) {
    return {
      ok: false,
      reason: `${answer.contract.source.where ? `${answer.contract.source.where}: ` : ''}this logger keeps an Error's message and stack only as the whole fields argument; log the other values in a call of their own`,
    };
  }
  const wholeError = wholeErrors.length === 1 ? file.getText(wholeErrors[0]) : undefined;
  if (wholeError) existingKeys.set(wholeError, '\0');
  const newFields = fieldsFromParts(
    parts,
    existingKeys,
    file,
    settings,
    wholeError ? '\0' : errorKey,
  );
  const fields = [
    ...keptProperties.map((property) => file.getText(property)),
    ...newFields.map((field) => propertyText(field.key, field.valueText)),
  ];
  if (refusal && (fields.length > 0 || wholeError)) return { ok: false, reason: refusal };
  // As structured-messages does: a name of one word takes the subject its first field names
  // ("Skipping ${filePath}" -> file.skipped).
  const subject = newFields.find((field) => field.key !== errorKey)?.key;
  const named = textual ? eventNameInFile(parts, file, settings, subject) : eventName;
  const event = quoteString(named, preferredQuote(file));
  const object = wholeError ?? (fields.length > 0 ? `{ ${fields.join(', ')} }` : undefined);
  const args = !object
    ? event
    : isFieldsFirst(style)
      ? `${object}, ${event}`
      : `${event}, ${object}`;
  const receiver =
    wholeError && fields.length > 0 ? `${plan.local}.child({ ${fields.join(', ')} })` : plan.local;
  const text = `${receiver}.${METHOD_FOR_LEVEL[style]?.[level] ?? level}(${args})`;
  return {
    ok: true,
    edits: [...staleDirectiveEdits(call, file), { range: call.range, text }].sort(
      (a, b) => a.range[0] - b.range[0],
    ),
    preview: text,
  };
}
