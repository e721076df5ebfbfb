/**
 * The logger contract of a call site: which argument takes fields (if any), where an Error keeps its
 * message and stack, whether the configured output prints fields at all, and how that was learned.
 * No rewrite is made without one. Learned, in order, from settings, the receiver's creation in the
 * file, its declaration followed across files (a factory call, a class, an interface, a wrapper's
 * parameters), and otherwise not at all: then the answer says what would tell.
 *
 * Computed only when a rewrite is needed, never for a report alone: following imports reads files.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  isStringLiteral,
  memberPath,
  propertyName,
  staticKeyName,
  unwrap,
  type Node,
} from '../model/ast';
import { oneLine } from '../model/edits';
import { lineAt, memoTable, type FileModel } from '../model/file';
import {
  analyzeLogCall,
  callWithShape,
  isStringLike,
  PINO_RECEIVERS,
  type LogCall,
} from './log-calls';
import { parseFile } from '../model/parse';
import { errorKeyFor, type LoggerStyle, type Settings } from '../model/settings';
import {
  family,
  familyOfModule,
  type ErrorPlacement,
  type FamilyId,
  type LoggerFamily,
} from './families';
import { libraryMajor, resolveImport } from './modules';
import { redactCovers, redactPathsFor, redactTarget, type RedactTarget } from './redact';
import { declaredMethod, type DeclaredMethod } from './types';

export interface ContractSource {
  how: 'settings' | 'library' | 'creation' | 'declaration' | 'types';
  /** `src/logger.ts:12`, where the logger is created or declared (relative to the working directory). */
  where?: string;
  /** What was read there: `pino()`, `winston.createLogger()`, `class AppLogger`, `info(message: string)`. */
  what: string;
}

export interface LoggerContract {
  /** The library behind the logger; undefined for a repository's own wrapper read from its declaration. */
  family: FamilyId | undefined;
  /** The argument order used to locate the message and the fields. */
  style: LoggerStyle;
  /** A wrapper's own positions, when its declaration gives them. */
  messageArg?: number;
  fieldsArg?: number;
  /** Where an Error survives; undefined when nothing tells (then no rewrite moves an error). */
  error: ErrorPlacement | undefined;
  source: ContractSource;
  /** Why no structured call may be written through this logger, naming its definition and what to change. */
  refusal?: string;
  /** A pino logger created in the project: where its `redact` option can take more paths. */
  redact?: RedactTarget;
}

export type ContractAnswer = { ok: true; contract: LoggerContract } | { ok: false; reason: string };

const MAX_DEPTH = 6;

/** A file the analysis reads: the one being linted, or another it followed an import into. */
interface Source {
  file: FileModel;
  /** The file's path for messages, relative to the working directory. */
  label: string;
}

function sourceOf(file: FileModel): Source {
  return { file, label: path.relative(process.cwd(), file.filename) || file.filename };
}

function where(source: Source, node: Node): string {
  return `${source.label}:${lineAt(source.file.text, node.range[0])}`;
}

const moduleCache = new Map<string, { mtime: number; model: FileModel | null }>();

/** Another file of the project, parsed once per run (again when it changed, for the editor). */
export function readModule(filename: string): FileModel | null {
  let mtime: number;
  try {
    mtime = fs.statSync(filename).mtimeMs;
  } catch {
    return null;
  }
  const cached = moduleCache.get(filename);
  if (cached?.mtime === mtime) return cached.model;
  let model: FileModel | null = null;
  try {
    model = parseFile(fs.readFileSync(filename, 'utf8'), filename);
  } catch {
    model = null;
  }
  moduleCache.set(filename, { mtime, model });
  return model;
}

/** What a name or export stands for: the node that defines it and the file it is in. */
interface Definition {
  node: Node;
  source: Source;
}

/** The top-level definition of `name` in a file: a variable's initialiser, a class, a function, an interface, or an import followed. */
function localDefinition(
  name: string,
  source: Source,
  depth: number,
  near?: Node,
): Definition | null {
  // Declarations in the blocks around the use first (`const format = ...` inside a factory), then the module's.
  for (let block = near?.parent; block; block = block.parent) {
    if (block.type !== 'BlockStatement' && block.type !== 'StaticBlock') continue;
    for (const statement of block.body) {
      const found = definitionIn(statement, name, source);
      if (found) return found;
    }
  }
  for (const statement of source.file.ast.body) {
    const declaration =
      statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration'
        ? statement.declaration
        : statement;
    const found = definitionIn(declaration, name, source);
    if (found) return found;
  }
  const binding = source.file.imports.get(name);
  if (binding) return importedDefinition(binding.source, binding.imported, source, depth + 1);
  return null;
}

function definitionIn(
  declaration: Node | null | undefined,
  name: string,
  source: Source,
): Definition | null {
  if (!declaration) return null;
  switch (declaration.type) {
    case 'VariableDeclaration':
      for (const declarator of declaration.declarations) {
        if (declarator.id.type !== 'Identifier' || declarator.id.name !== name) continue;
        // `export declare const logger: Logger` in a declaration file: the type says what it is.
        const node = declarator.init ?? declarator.id.typeAnnotation?.typeAnnotation;
        return node ? { node, source } : null;
      }
      return null;
    case 'ClassDeclaration':
    case 'FunctionDeclaration':
    case 'TSInterfaceDeclaration':
    case 'TSTypeAliasDeclaration':
      return declaration.id?.name === name ? { node: declaration, source } : null;
    default:
      return null;
  }
}

/** The definition behind `import { imported } from specifier`, when the module is the project's own. */
function importedDefinition(
  specifier: string,
  imported: string,
  from: Source,
  depth: number,
): Definition | null {
  if (depth > MAX_DEPTH) return null;
  const target = resolveImport(from.file.filename, specifier);
  const model = target ? readModule(target) : null;
  return model ? exportedDefinition(model, imported, depth) : null;
}

/** What a module exports under a name ('default', or '*' for the whole module as `require` gives it). */
function exportedDefinition(model: FileModel, name: string, depth: number): Definition | null {
  const source = sourceOf(model);
  for (const statement of model.ast.body) {
    if (statement.type === 'ExportDefaultDeclaration' && (name === 'default' || name === '*')) {
      const declaration = statement.declaration;
      if (declaration.type === 'Identifier')
        return localDefinition(declaration.name, source, depth);
      return { node: declaration, source };
    }
    if (statement.type === 'ExportNamedDeclaration') {
      const found = definitionIn(statement.declaration, name, source);
      if (found) return found;
      for (const specifier of statement.specifiers) {
        const exported =
          specifier.exported.type === 'Identifier'
            ? specifier.exported.name
            : specifier.exported.value;
        if (exported !== name) continue;
        const local =
          specifier.local.type === 'Identifier' ? specifier.local.name : specifier.local.value;
        return statement.source
          ? importedDefinition(statement.source.value, local, source, depth + 1)
          : localDefinition(local, source, depth);
      }
    }
    if (statement.type === 'ExpressionStatement') {
      const assigned = commonJsExport(statement.expression, name);
      if (assigned)
        return assigned.type === 'Identifier'
          ? (localDefinition(assigned.name, source, depth) ?? { node: assigned, source })
          : { node: assigned, source };
    }
  }
  for (const statement of model.ast.body) {
    if (statement.type !== 'ExportAllDeclaration' || statement.exported) continue;
    const found = importedDefinition(statement.source.value, name, source, depth + 1);
    if (found) return found;
  }
  return null;
}

/** `module.exports = x`, `module.exports.name = x`, `exports.name = x`: the value exported under `name`. */
function commonJsExport(expression: Node, name: string): Node | null {
  if (expression.type !== 'AssignmentExpression' || expression.operator !== '=') return null;
  const target = memberPath(expression.left);
  if (!target) return null;
  const whole = target.join('.') === 'module.exports';
  if (whole && (name === 'default' || name === '*')) return expression.right;
  if (whole && expression.right.type === 'ObjectExpression') {
    for (const property of expression.right.properties) {
      if (
        property.type === 'Property' &&
        !property.computed &&
        property.key.type === 'Identifier' &&
        property.key.name === name
      )
        return property.value;
    }
  }
  const named =
    (target.length === 3 && target[0] === 'module' && target[1] === 'exports') ||
    (target.length === 2 && target[0] === 'exports');
  return named && target[target.length - 1] === name ? expression.right : null;
}

/**
 * NestJS 11 and later print an object argument with util.inspect, an Error inside it with its stack;
 * before, with JSON.stringify, which prints an Error as {}. The version the project has decides.
 */
const NEST_INSPECTS_SINCE = 11;

function libraryContract(
  entry: LoggerFamily,
  source: ContractSource,
  error: ErrorPlacement | undefined = entry.error,
  file?: FileModel,
): LoggerContract {
  if (entry.id === 'nestjs' && file) {
    const major = libraryMajor(file.filename, '@nestjs/common');
    if (major !== null && major >= NEST_INSPECTS_SINCE) error = { kind: 'inspected', key: 'error' };
  }
  return {
    family: entry.id,
    style: entry.style,
    error,
    source,
    refusal: entry.fields
      ? undefined
      : `${source.where ? `${source.where}: ` : ''}${entry.noFields}`,
  };
}

/** The family whose module a name was imported from (`pino`, `createLogger` from 'winston'). */
function importedFamily(name: string, file: FileModel): LoggerFamily | undefined {
  const binding = file.imports.get(name);
  if (binding?.source === 'nestjs-pino')
    return family(binding.imported === 'PinoLogger' ? 'pino' : 'nestjs');
  return binding ? familyOfModule(binding.source) : undefined;
}

/** The root identifier of a callee (`winston` in `winston.createLogger`, `pino` in `pino.default`). */
function calleeRoot(callee: Node): TSESTree.Identifier | null {
  let target = unwrap(callee);
  while (target.type === 'MemberExpression') target = unwrap(target.object);
  return target.type === 'Identifier' ? target : null;
}

/** Methods that derive a logger from another of the same family. */
const DERIVING_METHODS = new Set([
  'child',
  'with',
  'withTag',
  'withDefaults',
  'getSubLogger',
  'getLogger',
  'withContext',
]);

/**
 * The contract of a logger defined by this node: a factory call of a known library (with what its
 * options say), a derived logger, a class, an interface, an object of methods, or a name to follow.
 */
function contractOfDefinition(
  definition: Definition,
  method: string,
  depth: number,
): ContractAnswer {
  if (depth > MAX_DEPTH)
    return { ok: false, reason: 'the logger is defined too many steps away to follow' };
  const { source } = definition;
  const node = unwrap(definition.node);
  switch (node.type) {
    case 'MemberExpression': {
      // `require('./log').logger`: that export of the module.
      const required = requiredModule(node.object);
      const name = propertyName(node);
      const target =
        required && name ? importedDefinition(required, name, source, depth + 1) : null;
      if (target) return contractOfDefinition(target, method, depth + 1);
      return {
        ok: false,
        reason: `${where(source, node)}: the logger is defined by an expression the analysis does not follow`,
      };
    }
    case 'CallExpression':
    case 'NewExpression': {
      const callee = unwrap(node.callee);
      // `require('./log')`: the module's whole export.
      const required = requiredModule(node);
      if (required) {
        const target = importedDefinition(required, '*', source, depth + 1);
        if (target) return contractOfDefinition(target, method, depth + 1);
        const entry = familyOfModule(required);
        if (entry)
          return {
            ok: true,
            contract: creationContract(entry, node as TSESTree.CallExpression, source),
          };
        return { ok: false, reason: `${where(source, node)}: '${required}' could not be read` };
      }
      const root = calleeRoot(callee);
      const entry = root ? importedFamily(root.name, source.file) : undefined;
      if (entry) return { ok: true, contract: creationContract(entry, node, source) };
      if (callee.type === 'MemberExpression' && DERIVING_METHODS.has(propertyName(callee) ?? '')) {
        return contractOfDefinition({ node: callee.object, source }, method, depth + 1);
      }
      if (callee.type === 'Identifier') {
        const target = localDefinition(callee.name, source, depth, node);
        if (target && node.type === 'NewExpression')
          return contractOfDefinition(target, method, depth + 1);
        const returned = target ? returnedValue(target.node) : null;
        if (target && returned)
          return contractOfDefinition({ node: returned, source: target.source }, method, depth + 1);
        if (target && isFunction(target.node))
          return {
            ok: false,
            reason: `${where(target.source, target.node)}: ${callee.name}() returns more than one kind of value and declares no return type: declare it, or describe the logger in settings.loggers`,
          };
      }
      return {
        ok: false,
        reason: `${where(source, node)}: the logger comes from ${source.file.getText(callee)}(), which is not followed`,
      };
    }
    case 'Identifier': {
      const target = localDefinition(node.name, source, depth, node);
      if (target) return contractOfDefinition(target, method, depth + 1);
      const entry = importedFamily(node.name, source.file);
      if (entry)
        return {
          ok: true,
          contract: libraryContract(
            entry,
            {
              how: 'library',
              what: `${node.name} from '${source.file.imports.get(node.name)!.source}'`,
              where: where(source, node),
            },
            undefined,
            source.file,
          ),
        };
      return { ok: false, reason: `${where(source, node)}: cannot tell what \`${node.name}\` is` };
    }
    case 'ClassDeclaration':
    case 'ClassExpression':
      return classContract(node, method, source, depth);
    case 'TSInterfaceDeclaration':
      return membersContract(
        node.body.body,
        `interface ${node.id.name}`,
        node,
        method,
        source,
        node.extends.map((heritage) => heritage.expression),
        depth,
      );
    case 'TSTypeAliasDeclaration':
      return typeContract(node.typeAnnotation, method, source, depth);
    case 'TSTypeReference':
    case 'TSTypeLiteral':
    case 'TSTypeQuery':
    case 'TSIndexedAccessType':
      return typeContract(node, method, source, depth);
    case 'LogicalExpression':
    case 'ConditionalExpression':
      return {
        ok: false,
        reason: `${where(source, node)}: the logger is chosen at run time (${oneLine(source.file.getText(node), 60)}), and each choice may take another shape`,
      };
    case 'ObjectExpression':
      return objectContract(node, method, source);
    default:
      return {
        ok: false,
        reason: `${where(source, node)}: the logger is defined by an expression the analysis does not follow`,
      };
  }
}

/** The module of a `require('...')` call, or null. */
function requiredModule(node: Node): string | null {
  const target = unwrap(node);
  if (
    target.type !== 'CallExpression' ||
    target.callee.type !== 'Identifier' ||
    target.callee.name !== 'require'
  )
    return null;
  const [argument] = target.arguments;
  return argument && isStringLiteral(argument) ? argument.value : null;
}

function isFunction(
  node: Node,
): node is
  TSESTree.FunctionDeclaration | TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression {
  return (
    node.type === 'FunctionDeclaration' ||
    node.type === 'ArrowFunctionExpression' ||
    node.type === 'FunctionExpression'
  );
}

/**
 * What a factory function returns: its declared return type, or the value of its one `return` at
 * the top level (or an arrow's body expression). Null when it returns several things and says nothing.
 */
function returnedValue(node: Node): Node | null {
  if (!isFunction(node)) return null;
  if (node.returnType) return node.returnType.typeAnnotation;
  if (node.body.type !== 'BlockStatement') return node.body;
  const returns = node.body.body.filter(
    (statement): statement is TSESTree.ReturnStatement => statement.type === 'ReturnStatement',
  );
  return returns.length === 1 ? returns[0].argument : null;
}

/** A library's logger as created: the options of the creating call refine the family's defaults. */
function creationContract(
  entry: LoggerFamily,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  source: Source,
): LoggerContract {
  const at = where(source, call);
  const what = `${source.file.getText(call.callee)}()`;
  const contract = libraryContract(
    entry,
    { how: 'creation', where: at, what },
    undefined,
    source.file,
  );
  const options = call.arguments.find(
    (argument): argument is TSESTree.ObjectExpression =>
      unwrap(argument).type === 'ObjectExpression',
  );
  if (entry.id === 'pino' && options) contract.error = pinoErrorPlacement(options, source);
  if (entry.id === 'pino' && call.type === 'CallExpression')
    contract.redact = redactTarget(call, source.file, at);
  if (entry.id === 'bunyan') contract.error = bunyanErrorPlacement(options, source);
  if (entry.id === 'winston' && options) {
    const dropping = droppingFormat(options, source, 0);
    if (dropping)
      contract.refusal = `${dropping}: this winston format prints only the message, so fields would never reach the output: print the rest of the info object (e.g. \`...meta\` and JSON.stringify(meta)) or use format.json(), then run again`;
  }
  return contract;
}

function property(object: TSESTree.ObjectExpression, key: string): TSESTree.Property | undefined {
  return object.properties.find(
    (entry): entry is TSESTree.Property =>
      entry.type === 'Property' && staticKeyName(entry) === key,
  );
}

/** pino keeps an Error's message and stack under `errorKey` (default `err`), through its error serializer. */
function pinoErrorPlacement(options: TSESTree.ObjectExpression, source: Source): ErrorPlacement {
  const errorKey = property(options, 'errorKey')?.value;
  if (errorKey && isStringLiteral(errorKey)) return { kind: 'key', key: errorKey.value };
  const serializers = property(options, 'serializers')?.value;
  if (serializers?.type === 'ObjectExpression' && !property(serializers, 'err')) {
    const custom = serializers.properties.find(
      (entry) =>
        entry.type === 'Property' &&
        /stdSerializers\.err|errSerializer|serializeError/.test(source.file.getText(entry.value)),
    );
    if (custom?.type === 'Property' && custom.key.type === 'Identifier')
      return { kind: 'key', key: custom.key.name };
  }
  return { kind: 'key', key: 'err' };
}

/** bunyan serialises `err` only with its error serializer; without one an Error survives only as the fields argument itself. */
function bunyanErrorPlacement(
  options: TSESTree.ObjectExpression | undefined,
  source: Source,
): ErrorPlacement {
  const serializers = options ? property(options, 'serializers')?.value : undefined;
  if (!serializers) return { kind: 'fields-argument' };
  const text = source.file.getText(serializers);
  return /stdSerializers\b(?!\.(?!err\b))|\berr\s*:/.test(text)
    ? { kind: 'key', key: 'err' }
    : { kind: 'fields-argument' };
}

/**
 * Where a winston logger's output drops the fields: a `printf` whose template reads only named
 * properties of the info object, in the logger's format or a transport's. Null when none is found.
 */
function droppingFormat(
  options: TSESTree.ObjectExpression,
  source: Source,
  depth: number,
): string | null {
  const formats: Node[] = [];
  const format = property(options, 'format')?.value;
  if (format) formats.push(format);
  const transports = property(options, 'transports')?.value;
  const transportList = transports
    ? unwrap(transports).type === 'ArrayExpression'
      ? (unwrap(transports) as TSESTree.ArrayExpression).elements
      : [transports]
    : [];
  for (const transport of transportList) {
    const created = transport && unwrap(transport);
    if (created?.type !== 'NewExpression') continue;
    const transportOptions = created.arguments[0] && unwrap(created.arguments[0]);
    const transportFormat =
      transportOptions?.type === 'ObjectExpression'
        ? property(transportOptions, 'format')?.value
        : undefined;
    if (transportFormat) formats.push(transportFormat);
  }
  for (const candidate of formats) {
    const found = printfDroppingFields(candidate, source, depth);
    if (found) return found;
  }
  return null;
}

function printfDroppingFields(node: Node, source: Source, depth: number): string | null {
  if (depth > 4) return null;
  const target = unwrap(node);
  if (target.type === 'Identifier') {
    const definition = localDefinition(target.name, source, depth, target);
    return definition ? printfDroppingFields(definition.node, definition.source, depth + 1) : null;
  }
  // A format chosen at run time (`json ? jsonFormat : textFormat`): either may be the one in use.
  if (target.type === 'ConditionalExpression')
    return (
      printfDroppingFields(target.consequent, source, depth + 1) ??
      printfDroppingFields(target.alternate, source, depth + 1)
    );
  if (target.type === 'LogicalExpression')
    return (
      printfDroppingFields(target.left, source, depth + 1) ??
      printfDroppingFields(target.right, source, depth + 1)
    );
  if (target.type !== 'CallExpression') return null;
  const callee = unwrap(target.callee);
  const name =
    callee.type === 'Identifier'
      ? callee.name
      : callee.type === 'MemberExpression'
        ? propertyName(callee)
        : null;
  if (name === 'printf') {
    const template = target.arguments[0] && unwrap(target.arguments[0]);
    return template && templateDropsFields(template, source) ? where(source, target) : null;
  }
  for (const argument of target.arguments) {
    const found = printfDroppingFields(argument, source, depth + 1);
    if (found) return found;
  }
  return null;
}

/** Keys of the info object that carry the rest of it (format.metadata()'s `metadata`, the splat). */
const CARRIERS = /^(metadata|meta|splat|rest|fields|extra|data)$/i;

function templateDropsFields(template: Node, source: Source): boolean {
  if (template.type === 'Identifier') {
    const definition = localDefinition(template.name, source, 0, template);
    return definition ? templateDropsFields(definition.node, definition.source) : false;
  }
  if (template.type !== 'ArrowFunctionExpression' && template.type !== 'FunctionExpression')
    return false;
  const [info] = template.params;
  if (!info) return true;
  if (info.type === 'ObjectPattern') {
    return !info.properties.some(
      (entry) =>
        entry.type === 'RestElement' ||
        (entry.type === 'Property' &&
          (entry.computed || (entry.key.type === 'Identifier' && CARRIERS.test(entry.key.name)))),
    );
  }
  if (info.type !== 'Identifier') return false;
  // The info object used whole (stringified, spread, inspected, iterated) or a carrier read from it.
  const body = source.file.getText(template.body);
  const name = info.name.replace(/[$]/g, '\\$');
  const whole = new RegExp(
    `(stringify|inspect|keys|entries|assign)\\(\\s*${name}\\b|\\.\\.\\.${name}\\b|${name}\\s*\\[|\\b${name}\\.(metadata|meta|splat|rest|fields|extra|data)\\b`,
  );
  return !whole.test(body);
}

/** The contract of a class: its own method, or the method it inherits from a library's logger class. */
function classContract(
  node: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  method: string,
  source: Source,
  depth: number,
): ContractAnswer {
  const name = node.id?.name ?? 'the class';
  const own = node.body.body.find(
    (member): member is TSESTree.MethodDefinition =>
      member.type === 'MethodDefinition' &&
      member.key.type === 'Identifier' &&
      member.key.name === method,
  );
  if (own)
    return {
      ok: true,
      contract: signatureContract(own.value.params, `${name}.${method}`, own, source),
    };
  const parent = node.superClass ? unwrap(node.superClass) : null;
  if (parent?.type === 'Identifier') {
    const entry = importedFamily(parent.name, source.file);
    if (entry)
      return {
        ok: true,
        contract: libraryContract(
          entry,
          {
            how: 'declaration',
            where: where(source, node),
            what: `class ${name} extends ${parent.name}`,
          },
          undefined,
          source.file,
        ),
      };
    const definition = localDefinition(parent.name, source, depth);
    if (definition) return contractOfDefinition(definition, method, depth + 1);
  }
  return { ok: false, reason: `${where(source, node)}: class ${name} has no method \`${method}\`` };
}

/** An interface's or type literal's members: the method's signature, or what an extended type says. */
function membersContract(
  members: readonly TSESTree.TypeElement[],
  label: string,
  node: Node,
  method: string,
  source: Source,
  heritage: readonly Node[],
  depth: number,
): ContractAnswer {
  for (const member of members) {
    const key = 'key' in member && member.key.type === 'Identifier' ? member.key.name : null;
    if (key !== method) continue;
    const signatureLabel = label ? `${label.replace(/^\w+ /, '')}.${method}` : method;
    if (member.type === 'TSMethodSignature')
      return {
        ok: true,
        contract: signatureContract(member.params, signatureLabel, member, source),
      };
    const type =
      member.type === 'TSPropertySignature' ? member.typeAnnotation?.typeAnnotation : undefined;
    if (type?.type === 'TSFunctionType')
      return { ok: true, contract: signatureContract(type.params, signatureLabel, member, source) };
  }
  for (const parent of heritage) {
    if (parent.type === 'Identifier') {
      const entry = importedFamily(parent.name, source.file);
      if (entry)
        return {
          ok: true,
          contract: libraryContract(
            entry,
            {
              how: 'declaration',
              where: where(source, node),
              what: `${label} extends ${parent.name}`,
            },
            undefined,
            source.file,
          ),
        };
      const definition = localDefinition(parent.name, source, depth);
      if (definition) return contractOfDefinition(definition, method, depth + 1);
    }
  }
  return {
    ok: false,
    reason: `${where(source, node)}: ${label || 'the type'} declares no method \`${method}\``,
  };
}

/** A logger whose declared type is a library's: that library's contract, learned from the type. */
function typedContract(entry: LoggerFamily, type: Node, source: Source): ContractAnswer {
  return {
    ok: true,
    contract: libraryContract(
      entry,
      {
        how: 'declaration',
        where: where(source, type),
        what: `typed ${source.file.getText(type)}`,
      },
      undefined,
      source.file,
    ),
  };
}

function typeContract(type: Node, method: string, source: Source, depth: number): ContractAnswer {
  // `FastifyRequest['log']`: a property of a library's type is that library's logger.
  if (
    type.type === 'TSIndexedAccessType' &&
    type.objectType.type === 'TSTypeReference' &&
    type.objectType.typeName.type === 'Identifier'
  ) {
    const entry = importedFamily(type.objectType.typeName.name, source.file);
    if (entry) return typedContract(entry, type, source);
  }
  if (type.type === 'TSTypeLiteral')
    return membersContract(type.members, '', type, method, source, [], depth);
  if (type.type === 'TSTypeQuery' && type.exprName.type === 'Identifier')
    return contractOfDefinition({ node: type.exprName, source }, method, depth + 1);
  // `ReturnType<typeof createLogger>`: what the factory returns.
  const returned =
    type.type === 'TSTypeReference' &&
    type.typeName.type === 'Identifier' &&
    type.typeName.name === 'ReturnType'
      ? type.typeArguments?.params[0]
      : undefined;
  if (returned?.type === 'TSTypeQuery' && returned.exprName.type === 'Identifier') {
    const factory = localDefinition(returned.exprName.name, source, depth, type);
    if (factory && isFunction(factory.node)) {
      const value = returnedValue(factory.node);
      if (value)
        return contractOfDefinition({ node: value, source: factory.source }, method, depth + 1);
      return {
        ok: false,
        reason: `${where(factory.source, factory.node)}: ${returned.exprName.name}() returns more than one kind of value and declares no return type: declare it, or describe the logger in settings.loggers`,
      };
    }
  }
  if (type.type === 'TSTypeReference') {
    const name =
      type.typeName.type === 'Identifier'
        ? type.typeName.name
        : type.typeName.type === 'TSQualifiedName' && type.typeName.left.type === 'Identifier'
          ? type.typeName.left.name
          : null;
    if (!name)
      return {
        ok: false,
        reason: `${where(source, type)}: cannot tell what type ${source.file.getText(type)} is`,
      };
    const binding = source.file.imports.get(name);
    const entry = binding
      ? typeFamily(
          binding.source,
          binding.imported,
          type.typeName.type === 'TSQualifiedName' ? type.typeName.right.name : null,
        )
      : undefined;
    if (entry === null)
      return {
        ok: false,
        reason: `${where(source, type)}: typed as ${source.file.getText(type)}, an interface whose implementation is injected elsewhere: type it with the class that implements it, or describe it in settings.loggers`,
      };
    if (entry) return typedContract(entry, type, source);
    const definition = localDefinition(name, source, depth);
    if (definition) return contractOfDefinition(definition, method, depth + 1);
  }
  return {
    ok: false,
    reason: `${where(source, type)}: cannot tell what type ${source.file.getText(type)} is`,
  };
}

/**
 * The family a library type names: `Logger` from 'pino' or 'winston', `PinoLogger` from nestjs-pino,
 * Nest's `Logger`/`ConsoleLogger`. Null for Nest's `LoggerService`: an interface any logger implements.
 */
function typeFamily(
  module: string,
  imported: string,
  qualified: string | null,
): LoggerFamily | null | undefined {
  if (module === 'nestjs-pino')
    return imported === 'PinoLogger' ? family('pino') : family('nestjs');
  if (module === '@nestjs/common')
    return imported === 'LoggerService'
      ? null
      : imported === 'Logger' || imported === 'ConsoleLogger'
        ? family('nestjs')
        : undefined;
  const entry = familyOfModule(module);
  if (!entry) return undefined;
  return qualified === null || /Logger|Instance/.test(qualified) ? entry : undefined;
}

function objectContract(
  node: TSESTree.ObjectExpression,
  method: string,
  source: Source,
): ContractAnswer {
  const member = property(node, method);
  const value = member ? unwrap(member.value) : undefined;
  if (
    member?.type === 'Property' &&
    (value?.type === 'ArrowFunctionExpression' || value?.type === 'FunctionExpression')
  ) {
    return { ok: true, contract: signatureContract(value.params, method, member, source) };
  }
  const shorthand = node.properties.find(
    (entry): entry is TSESTree.Property =>
      entry.type === 'Property' &&
      entry.key.type === 'Identifier' &&
      entry.key.name === method &&
      entry.method,
  );
  if (shorthand)
    return {
      ok: true,
      contract: signatureContract(
        (shorthand.value as TSESTree.FunctionExpression).params,
        method,
        shorthand,
        source,
      ),
    };
  return {
    ok: false,
    reason: `${where(source, node)}: the logger object has no function \`${method}\``,
  };
}

/** Parameter names that say they take fields, for JavaScript wrappers without types. */
const FIELDS_NAMES =
  /^(meta|metadata|fields|data|extra|details|attributes|attrs|props|properties|payload|context|ctx|obj|object|info|params|bindings)$/i;

function parameterName(parameter: TSESTree.Parameter): string | null {
  const target = parameter.type === 'TSParameterProperty' ? parameter.parameter : parameter;
  if (target.type === 'Identifier') return target.name;
  if (target.type === 'AssignmentPattern' && target.left.type === 'Identifier')
    return target.left.name;
  if (target.type === 'RestElement' && target.argument.type === 'Identifier')
    return target.argument.name;
  return null;
}

function parameterType(parameter: TSESTree.Parameter): TSESTree.TypeNode | undefined {
  const target = parameter.type === 'TSParameterProperty' ? parameter.parameter : parameter;
  const annotated = target.type === 'AssignmentPattern' ? target.left : target;
  return 'typeAnnotation' in annotated ? annotated.typeAnnotation?.typeAnnotation : undefined;
}

/** Whether a declared type accepts an object of fields (and is not only text or numbers). */
function acceptsObject(
  type: TSESTree.TypeNode | undefined,
  source?: Source,
  depth = 0,
): boolean | undefined {
  if (!type) return undefined;
  switch (type.type) {
    case 'TSStringKeyword':
    case 'TSNumberKeyword':
    case 'TSBooleanKeyword':
    case 'TSLiteralType':
    case 'TSTemplateLiteralType':
    case 'TSUndefinedKeyword':
    case 'TSNullKeyword':
      return false;
    case 'TSUnionType':
      return type.types.some((member) => acceptsObject(member, source, depth) === true);
    case 'TSAnyKeyword':
    case 'TSUnknownKeyword':
      return undefined;
    case 'TSArrayType':
    case 'TSTupleType':
    case 'TSFunctionType':
      return false;
    case 'TSTypeReference': {
      if (type.typeName.type !== 'Identifier') return true;
      if (/^(String|Number|Boolean|Error|Date|Array)$/.test(type.typeName.name)) return false;
      // A type of the same file (`type LogCategory = 'http' | 'worker'`) says what it is.
      const declared = source && depth < MAX_DEPTH ? localType(type.typeName.name, source) : null;
      if (declared?.type === 'TSTypeAliasDeclaration')
        return acceptsObject(declared.typeAnnotation, source, depth + 1);
      return declared?.type !== 'TSEnumDeclaration';
    }
    default:
      return true;
  }
}

/** A type alias, enum or interface declared at the top level of a file, exported or not. */
function localType(
  name: string,
  source: Source,
):
  | TSESTree.TSTypeAliasDeclaration
  | TSESTree.TSEnumDeclaration
  | TSESTree.TSInterfaceDeclaration
  | null {
  for (const statement of source.file.ast.body) {
    const declaration =
      statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (
      (declaration?.type === 'TSTypeAliasDeclaration' ||
        declaration?.type === 'TSEnumDeclaration' ||
        declaration?.type === 'TSInterfaceDeclaration') &&
      declaration.id.name === name
    )
      return declaration;
  }
  return null;
}

/** The error key a fields type declares (`{ err?: Error }`), if any. */
function declaredErrorKey(type: TSESTree.TypeNode | undefined): string | undefined {
  if (type?.type !== 'TSTypeLiteral') return undefined;
  for (const member of type.members) {
    if (
      member.type === 'TSPropertySignature' &&
      member.key.type === 'Identifier' &&
      /^(err|error)$/.test(member.key.name)
    )
      return member.key.name;
  }
  return undefined;
}

/**
 * A repository's own logging method, read from its parameters: the message is the first; the fields
 * are the first later parameter declared to take an object (or, untyped, named like `meta`). A rest
 * parameter may print its values or drop them: only the body could tell, so it unlocks nothing.
 */
function signatureContract(
  params: readonly TSESTree.Parameter[],
  label: string,
  node: Node,
  source: Source,
): LoggerContract {
  const at = where(source, node);
  const signature = `${label}(${params.map((parameter) => source.file.getText(parameter)).join(', ')})`;
  const contract: LoggerContract = {
    family: undefined,
    style: 'winston',
    messageArg: 0,
    error: undefined,
    source: { how: 'declaration', where: at, what: signature },
  };
  const unlock =
    'add a fields parameter that reaches the output (meta?: Record<string, unknown>), or describe this logger in settings.loggers';
  // pino's own order, `(obj, msg?)`: fields first, the message second.
  if (
    params.length >= 2 &&
    /^(msg|message|text)$/i.test(parameterName(params[1]) ?? '') &&
    acceptsObject(parameterType(params[1]), source) !== true
  ) {
    const first = params[0];
    const firstType = parameterType(first);
    if (
      acceptsObject(firstType, source) === true ||
      (acceptsObject(firstType, source) === undefined &&
        FIELDS_NAMES.test(parameterName(first) ?? ''))
    ) {
      const key = declaredErrorKey(firstType);
      return {
        ...contract,
        style: 'pino',
        messageArg: 1,
        fieldsArg: 0,
        error: key ? { kind: 'key', key } : undefined,
      };
    }
  }
  // A category first (`info(label: LogCategory, message: string, extra?)`): the message is the
  // parameter named so, after text parameters that prefix it.
  const messageAt = params.findIndex(
    (parameter, index) =>
      index > 0 &&
      /^(message|msg)$/i.test(parameterName(parameter) ?? '') &&
      params
        .slice(0, index)
        .every(
          (before) =>
            acceptsObject(parameterType(before), source) !== true &&
            !FIELDS_NAMES.test(parameterName(before) ?? ''),
        ),
  );
  if (messageAt > 0) contract.messageArg = messageAt;
  for (let index = Math.max(messageAt, 0) + 1; index < params.length; index++) {
    const parameter = params[index];
    const name = parameterName(parameter) ?? '';
    const type = parameterType(parameter);
    if (
      (parameter.type === 'TSParameterProperty' ? parameter.parameter : parameter).type ===
      'RestElement'
    ) {
      contract.refusal = `${at}: ${signature} passes extra arguments on as ...${name}; whether they reach the output depends on its body: ${unlock}`;
      return contract;
    }
    const accepts = acceptsObject(type, source);
    if (
      accepts === true ||
      (accepts === undefined &&
        FIELDS_NAMES.test(name) &&
        !/^(context|ctx)$/i.test(name) === true) ||
      (type === undefined && FIELDS_NAMES.test(name))
    ) {
      contract.fieldsArg = index;
      const key = declaredErrorKey(type);
      if (key) contract.error = { kind: 'key', key };
      return contract;
    }
  }
  contract.refusal = `${at}: ${signature} takes no fields: ${unlock}`;
  return contract;
}

/** The class around a node, for `this.logger`. */
function enclosingClass(node: Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'ClassDeclaration' || current.type === 'ClassExpression') return current;
  }
  return null;
}

/**
 * What `this.<name>` holds in a class: a property's initialiser or declared type, a constructor
 * parameter property's type, or what the constructor assigns.
 */
function classMemberDefinition(
  name: string,
  classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  source: Source,
): Definition | null {
  for (const member of classNode.body.body) {
    if (
      member.type === 'PropertyDefinition' &&
      member.key.type === 'Identifier' &&
      member.key.name === name
    ) {
      const node = member.value ?? member.typeAnnotation?.typeAnnotation;
      if (node) return { node, source };
    }
    if (member.type === 'MethodDefinition' && member.kind === 'constructor') {
      for (const parameter of member.value.params) {
        if (parameter.type === 'TSParameterProperty' && parameterName(parameter) === name) {
          const type = parameterType(parameter);
          if (type) return { node: type, source };
        }
      }
      for (const statement of member.value.body?.body ?? []) {
        if (
          statement.type !== 'ExpressionStatement' ||
          statement.expression.type !== 'AssignmentExpression'
        )
          continue;
        const target = memberPath(statement.expression.left);
        if (target?.length === 2 && target[0] === 'this' && target[1] === name)
          return { node: statement.expression.right, source };
      }
    }
  }
  return null;
}

/** A class member's definition in the class or, failing that, the classes it extends (followed across files). */
function inheritedMemberDefinition(
  name: string,
  classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  source: Source,
  depth: number,
): Definition | null {
  const own = classMemberDefinition(name, classNode, source);
  if (own || depth > 4) return own;
  const parent = classNode.superClass ? unwrap(classNode.superClass) : null;
  if (parent?.type !== 'Identifier') return null;
  const definition = localDefinition(parent.name, source, depth, classNode);
  const node = definition ? unwrap(definition.node) : null;
  return node && (node.type === 'ClassDeclaration' || node.type === 'ClassExpression')
    ? inheritedMemberDefinition(name, node, definition!.source, depth + 1)
    : null;
}

/** The definition of a receiver in the file being linted: `logger`, `this.logger`, a parameter's type. */
function receiverDefinition(receiver: Node, file: FileModel): Definition | { reason: string } {
  const source = sourceOf(file);
  const target = unwrap(receiver);
  if (target.type === 'CallExpression') {
    const callee = unwrap(target.callee);
    if (callee.type === 'MemberExpression' && DERIVING_METHODS.has(propertyName(callee) ?? ''))
      return receiverDefinition(callee.object, file);
  }
  const receiverPath = memberPath(target);
  const text = file.getText(target);
  if (receiverPath?.length === 2 && receiverPath[0] === 'this') {
    const classNode = enclosingClass(target);
    const definition = classNode
      ? inheritedMemberDefinition(receiverPath[1], classNode, source, 0)
      : null;
    return (
      definition ?? {
        reason: `cannot find what \`${text}\` is in its class or the classes it extends`,
      }
    );
  }
  if (target.type === 'Identifier') {
    const variable = file.resolve(target);
    const definition = variable?.defs[0];
    if (definition?.type === 'Variable' && definition.node.type === 'VariableDeclarator') {
      const declarator = definition.node as TSESTree.VariableDeclarator;
      const node = declarator.init ?? declarator.id.typeAnnotation?.typeAnnotation;
      if (node) return { node, source };
    }
    const parameterName =
      definition?.type === 'Parameter'
        ? (definition as { name?: TSESTree.Identifier }).name
        : undefined;
    if (parameterName) {
      const type = parameterName.typeAnnotation?.typeAnnotation;
      if (type) return { node: type, source };
      return { reason: `\`${text}\` is a parameter without a type` };
    }
    if (definition?.type === 'ImportBinding' || (!variable && file.imports.has(target.name))) {
      const binding = file.imports.get(target.name);
      if (binding) {
        if (importedFamily(target.name, file)) return { node: target, source };
        const followed = importedDefinition(binding.source, binding.imported, source, 0);
        return (
          followed ?? {
            reason: `\`${text}\` is imported from '${binding.source}', which could not be read`,
          }
        );
      }
    }
    return { reason: `cannot find where \`${text}\` is defined` };
  }
  return { reason: `cannot tell what \`${text}\` is` };
}

/** The contract of a method the checker found: a library's by its package, a project's by its parameters. */
function contractOfDeclared(declared: DeclaredMethod, method: string): ContractAnswer | null {
  const label = `${path.relative(process.cwd(), declared.filename)}`;
  if (declared.library) {
    const entry =
      declared.library === 'nestjs-pino' ? family('pino') : familyOfModule(declared.library);
    return entry
      ? {
          ok: true,
          contract: libraryContract(entry, {
            how: 'types',
            what: `${method}() declared by ${declared.library}`,
          }),
        }
      : null;
  }
  const model = readModule(declared.filename);
  const node = model ? nodeEndingAt(model.ast, declared.range[1]) : null;
  if (!model || !node) return null;
  const source = sourceOf(model);
  const params =
    node.type === 'MethodDefinition' || node.type === 'TSAbstractMethodDefinition'
      ? node.value.params
      : node.type === 'TSMethodSignature'
        ? node.params
        : node.type === 'TSPropertySignature' &&
            node.typeAnnotation?.typeAnnotation.type === 'TSFunctionType'
          ? node.typeAnnotation.typeAnnotation.params
          : null;
  if (!params) return { ok: false, reason: `${label}: ${method} is not declared as a method` };
  const contract = signatureContract(params, method, node, source);
  return { ok: true, contract: { ...contract, source: { ...contract.source, how: 'types' } } };
}

const METHOD_DECLARATIONS = new Set([
  'MethodDefinition',
  'TSAbstractMethodDefinition',
  'TSMethodSignature',
  'TSPropertySignature',
]);

/** The method declaration of a tree that ends at an offset (the checker's declaration, found again in ESTree). */
function nodeEndingAt(
  root: Node,
  end: number,
):
  | (
      | TSESTree.MethodDefinition
      | TSESTree.TSAbstractMethodDefinition
      | TSESTree.TSMethodSignature
      | TSESTree.TSPropertySignature
    )
  | null {
  if (root.range[1] < end || root.range[0] > end) return null;
  if (METHOD_DECLARATIONS.has(root.type) && root.range[1] === end) return root as never;
  for (const [key, value] of Object.entries(root)) {
    if (key === 'parent') continue;
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) {
      if (
        !child ||
        typeof child !== 'object' ||
        typeof (child as Node).type !== 'string' ||
        !(child as Node).range
      )
        continue;
      const found = nodeEndingAt(child as Node, end);
      if (found) return found;
    }
  }
  return null;
}

/**
 * The contract of the logger a module exports (what console-to-logger imports): `importName` from
 * `specifier` as seen from `file`, or the file's own logger of that name.
 */
export function contractOfExport(
  file: FileModel,
  specifier: string,
  exported: string,
  method: string,
  settings: Settings,
): ContractAnswer {
  const source = sourceOf(file);
  const entry = familyOfModule(specifier);
  let answer: ContractAnswer;
  if (entry) {
    answer = {
      ok: true,
      contract: libraryContract(entry, { how: 'library', what: `'${specifier}'` }, undefined, file),
    };
  } else {
    const definition =
      localDefinition(exported, source, 0) ?? importedDefinition(specifier, exported, source, 0);
    answer = definition
      ? contractOfDefinition(definition, method, 0)
      : { ok: false, reason: `cannot read '${specifier}' from this file` };
  }
  if (answer.ok || settings.style === 'auto') return answer;
  return {
    ok: true,
    contract: libraryContract(
      family(settings.style),
      { how: 'settings', what: `style: '${settings.style}'` },
      undefined,
      file,
    ),
  };
}

/**
 * The key an Error keeps its message and stack under in this logger's fields; null when no key does
 * (winston, bunyan without serializers, NestJS: the Error must be an argument of its own). What the
 * logger's creation or declaration says comes first: a global errorKey setting cannot make pino
 * serialise `error`. The setting decides where nothing else tells.
 */
export function errorKeyOf(contract: LoggerContract, settings: Settings): string | null {
  const placement = contract.error;
  const fromPlacement =
    placement?.kind === 'key' || placement?.kind === 'inspected' ? placement.key : null;
  if (placement && contract.source.how !== 'settings') return fromPlacement;
  return settings.errorKey ?? (placement ? fromPlacement : null);
}

/**
 * Where a logger keeps an Error, in words (`under \`err\``, `only as the whole fields argument`), and,
 * where no key keeps one, what would let a rewrite keep it: for reasons and the loggers list alike.
 */
export function errorPlacementText(
  contract: LoggerContract,
  settings: Settings,
): { where: string; unlock?: string } {
  const key = errorKeyOf(contract, settings);
  if (key !== null) return { where: `under \`${key}\`` };
  switch (contract.error?.kind) {
    case 'fields-argument':
      return {
        where: 'only as the whole fields argument',
        unlock:
          'log the other values in their own call, or add a format that serialises nested errors and set errorKey',
      };
    case 'stack-argument':
      return { where: "only as error()'s stack argument", unlock: 'pass err.stack there' };
    default:
      return {
        where: 'nowhere the analysis can see',
        unlock: 'set settings errorKey to the key its output serialises errors under',
      };
  }
}

/**
 * The key a log call's logger keeps errors under, for reports: its contract's (which may follow
 * imports, so ask only for calls that have something to report); the style's default when no contract
 * is known. Null when the logger keeps an Error nowhere inside its fields (winston: only as the whole meta).
 */
export function callErrorKey(call: LogCall, file: FileModel, settings: Settings): string | null {
  const answer = contractOf(call, file, settings);
  if (answer.ok && answer.contract.error) return errorKeyOf(answer.contract, settings);
  return call.style ? errorKeyFor(settings, call.style) : (settings.errorKey ?? 'err');
}

/**
 * When an Error object sits under `own` in a call's fields but its logger serialises errors only under
 * another key (pino: `err`), that key and the logger, for the report; else null. Only where the
 * logger's creation was read (its serializers known) or is a framework's (`req.log`).
 */
export function errorKeyMismatch(
  call: LogCall,
  own: string,
  file: FileModel,
  settings: Settings,
): { key: string; logger: string } | null {
  const answer = contractOf(call, file, settings);
  if (
    !answer.ok ||
    answer.contract.error?.kind !== 'key' ||
    !/^(creation|library)$/.test(answer.contract.source.how)
  )
    return null;
  const key = errorKeyOf(answer.contract, settings);
  if (key === null || key === own) return null;
  const { family: name, source } = answer.contract;
  return { key, logger: source.where ? `${name} (${source.where})` : String(name) };
}

/** A shape from settings.loggers: the user said where the message and the fields are. */
function settingsContract(call: LogCall, settings: Settings): LoggerContract {
  const shape = call.shape!;
  const index = settings.loggers.indexOf(shape);
  const fieldsFirst = shape.fieldsArg !== undefined && shape.fieldsArg < shape.messageArg;
  const errorKey = settings.errorKey;
  return {
    family: undefined,
    style: fieldsFirst ? 'pino' : 'winston',
    messageArg: shape.messageArg,
    fieldsArg: shape.fieldsArg,
    error: errorKey
      ? { kind: 'key', key: errorKey }
      : fieldsFirst
        ? { kind: 'key', key: 'err' }
        : { kind: 'key', key: 'error' },
    source: { how: 'settings', what: `settings.loggers[${index}] (match '${shape.match}')` },
    refusal:
      shape.fieldsArg === undefined
        ? `settings.loggers[${index}] (match '${shape.match}') gives no fieldsArg: this logger takes no fields`
        : undefined,
  };
}

/**
 * The contract for a log call, or why there is none. Memoised on the call. With a configured style
 * and nothing more specific found, the style's library contract stands (the user said so).
 */
const DECLARED_CALLS = memoTable<LogCall | null>('log calls as declared');

/**
 * A log call as the analysis reads it (analyzeLogCall), then as its logger's declaration places the
 * message (callAsDeclared): what the message rules and structured-messages look at. Once per node.
 */
export function analyzeDeclaredLogCall(
  node: TSESTree.CallExpression,
  file: FileModel,
  settings: Settings,
): LogCall | null {
  return file.remember(DECLARED_CALLS, settings, node, () => {
    const call = analyzeLogCall(node, file, settings);
    return call && callAsDeclared(call, file, settings);
  });
}

/**
 * The call read with its message where the logger's declaration puts it, when that is after a
 * category the quick analysis took for the message (`Logger.info('http', \`Request ${id} failed\`)`
 * under `info(label: LogCategory, message: string, extra?)`); otherwise the call itself. Asked only
 * of calls whose first argument is a string literal and whose second is text.
 */
export function callAsDeclared(call: LogCall, file: FileModel, settings: Settings): LogCall {
  if (
    call.messageIndex !== 0 ||
    call.shape ||
    call.args.length < 2 ||
    !isStringLiteral(unwrap(call.args[0])) ||
    !isStringLike(call.args[1])
  )
    return call;
  const answer = contractOf(call, file, settings);
  if (!answer.ok || !answer.contract.messageArg || answer.contract.source.how !== 'declaration')
    return call;
  return callWithShape(call, answer.contract.style, answer.contract, file);
}

/** The file that defines a log call's receiver (the logger's creation or class), when it can be followed. */
export function loggerDefinitionFile(call: LogCall, file: FileModel): FileModel | null {
  if (call.shape) return null;
  const callee = unwrap(call.node.callee) as TSESTree.MemberExpression;
  const definition = receiverDefinition(callee.object, file);
  return 'reason' in definition ? null : definition.source.file;
}

export function contractOf(call: LogCall, file: FileModel, settings: Settings): ContractAnswer {
  call.memo.contract ??= contractUncached(call, file, settings);
  return call.memo.contract;
}

function contractUncached(call: LogCall, file: FileModel, settings: Settings): ContractAnswer {
  if (call.shape) return { ok: true, contract: settingsContract(call, settings) };
  const callee = unwrap(call.node.callee) as TSESTree.MemberExpression;
  const receiver = callee.object;
  const receiverText = memberPath(receiver)?.join('.') ?? '';
  let answer: ContractAnswer;
  if (PINO_RECEIVERS.test(receiverText)) {
    answer = {
      ok: true,
      contract: libraryContract(family('pino'), {
        how: 'library',
        what: `${receiverText} (pino-http, Fastify)`,
      }),
    };
  } else {
    const definition = receiverDefinition(receiver, file);
    answer =
      'reason' in definition
        ? { ok: false, reason: definition.reason }
        : contractOfDefinition(definition, call.method, 0);
  }
  // What the syntax could not follow (an injected service, an inferred type), the checker may know.
  if (!answer.ok && file.program) {
    const declared = declaredMethod(
      file.program,
      file.filename,
      file.text,
      receiver.range,
      call.method,
    );
    if (declared) answer = contractOfDeclared(declared, call.method) ?? answer;
  }
  // A static `Logger.log()` has no context of its own: nestjs-pino keeps Nest's shape for it, unless
  // the call ends with a context (see analyzeLogCall), which pino's shape then precedes.
  const staticNest =
    unwrap(receiver).type === 'Identifier' &&
    file.imports.get((unwrap(receiver) as TSESTree.Identifier).name)?.source === '@nestjs/common';
  if (answer.ok)
    return answer.contract.family === 'nestjs' && (!staticNest || call.contextIndex !== undefined)
      ? behindNestjsPino(answer.contract, file)
      : answer;
  if (settings.style !== 'auto') {
    const entry = family(settings.style);
    return {
      ok: true,
      contract: {
        ...libraryContract(
          entry,
          { how: 'settings', what: `style: '${settings.style}'` },
          undefined,
          file,
        ),
      },
    };
  }
  return {
    ok: false,
    reason: `${answer.reason}; so the logger's shape is unknown: set settings['structured-logging'].style, or describe it in settings.loggers`,
  };
}

/**
 * With nestjs-pino installed as Nest's logger, an instance of Nest's Logger hands its fields to pino:
 * pino's shape and error key (see nestLoggerInstanceStyle in log-calls).
 */
function behindNestjsPino(contract: LoggerContract, file: FileModel): ContractAnswer {
  if (!file.projectDependsOn('nestjs-pino')) return { ok: true, contract };
  return {
    ok: true,
    contract: {
      ...contract,
      family: 'pino',
      style: 'pino',
      error: { kind: 'key', key: 'err' },
      source: { ...contract.source, what: `${contract.source.what}, with nestjs-pino behind it` },
    },
  };
}

/**
 * The `redact` option a log call's values pass through: a pino logger created in the project, whose
 * option can take more paths. Null for any other logger, or when the option cannot be edited.
 */
export function redactTargetOfCall(
  node: TSESTree.CallExpression,
  file: FileModel,
  settings: Settings,
): RedactTarget | null {
  const call = analyzeLogCall(node, file, settings);
  if (!call) return null;
  const answer = contractOf(call, file, settings);
  return answer.ok && answer.contract.redact && !answer.contract.redact.problem
    ? answer.contract.redact
    : null;
}

/**
 * Whether the call's logger censors a finding itself: its path is in the `redact` option of the pino
 * logger it logs through. The rule does not report those, and the codemod does not touch them.
 */
export function loggerCensors(
  node: TSESTree.CallExpression,
  file: FileModel,
  settings: Settings,
): (finding: { kind: string; fieldPath?: string }) => boolean {
  let target: RedactTarget | null | undefined;
  return (finding) => {
    if (!finding.fieldPath) return false;
    target ??= redactTargetOfCall(node, file, settings);
    // A pino logger takes its fields first, whatever the file alone told.
    const paths = target ? redactPathsFor(finding, true) : undefined;
    return paths !== undefined && paths.every((path) => redactCovers(target!.paths, path));
  };
}
