/**
 * What the analysis knows about one file: its text, its AST, its imports and how identifiers resolve.
 * Built the same way from ESLint's SourceCode (rules) and from typescript-estree (codemods), so both
 * faces ask identical questions of identical data.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import * as path from 'node:path';
import { nearestManifest } from './manifest';
import { addBoundNames, importedName, isStringLiteral, unwrap, type Node } from './ast';
import type * as TypeScript from 'typescript';
import { styleOfModule } from '../loggers/families';
import type { LoggerStyle } from './settings';

/** The subset of a scope manager (eslint-scope or @typescript-eslint/scope-manager) the analysis reads. */
export interface ScopeManagerLike {
  scopes: ReadonlyArray<{
    references: ReadonlyArray<{
      identifier: { range?: [number, number] } | TSESTree.Node;
      resolved: VariableLike | null;
    }>;
    variables: ReadonlyArray<VariableLike>;
  }>;
}

export interface VariableLike {
  name: string;
  defs: ReadonlyArray<{
    type: string;
    node: TSESTree.Node | { type: string };
    parent?: TSESTree.Node | null | { type: string };
  }>;
}

export interface ImportBinding {
  source: string;
  /** The imported name: 'default', '*' for namespaces and whole-module requires, or the named export. */
  imported: string;
}

export interface FileModel {
  readonly text: string;
  readonly ast: TSESTree.Program;
  readonly filename: string;
  /** The TypeScript program of typed linting or the CLI's --project, when there is one. */
  readonly program?: TypeScript.Program;
  getText(node: Node): string;
  /** The variable an identifier refers to, or null for globals and unresolved names. */
  resolve(identifier: TSESTree.Identifier): VariableLike | null;
  /** Local name -> where it was imported or required from (top level only). */
  readonly imports: ReadonlyMap<string, ImportBinding>;
  readonly importedModules: ReadonlySet<string>;
  /*
   * The three questions below are methods, not getters: V8 gives an object literal whose getters close
   * over a file a map of its own in the old generation, which keeps the whole file (its tree, through
   * the model) alive through every young-generation collection until the next full one.
   */
  /** Style implied by the nearest package.json's dependencies, when it names exactly one family. */
  projectStyle(): LoggerStyle | undefined;
  /** Whether the nearest package.json lists this package among its dependencies or peer dependencies. */
  projectDependsOn(name: string): boolean;
  /**
   * The `bin` commands of the nearest package.json: a package that declares some is a command-line
   * tool, whose console output is its interface.
   */
  packageCommands(): readonly string[];
  /** Whether `import`/`export` or `require` is this file's module system. */
  moduleSystem(): 'esm' | 'commonjs';
  /** JavaScript that Node itself loads as an ES module (`.mjs`, or `.js` under `"type": "module"`). */
  nativeEsm(): boolean;
  /** Whether any scope of the file declares this name (so a new import of it would clash). */
  isDeclared(name: string): boolean;
  /**
   * False when the text shows the name is declared nowhere in the file: each time it appears, it is
   * a property (`x.console`) or has a member read from it (`console.log`), which no declaration
   * does. A cheap answer before any scope analysis; true means "look it up".
   */
  mayDeclare(name: string): boolean;
  /**
   * False when no variable declarator of the file that passes `test` binds this name, so resolving the
   * name cannot lead to such a declarator and needs no scope analysis. Always true where the host keeps
   * no index of declarators (under ESLint, whose scope lookup costs little).
   */
  mayBeBoundBy(name: string, test: DeclaratorTest): boolean;
  /** The comments lying wholly inside a range, in source order. */
  commentsWithin(
    range: readonly [number, number],
  ): ReadonlyArray<{ range: readonly [number, number] }>;
  /**
   * The answer `compute` gives for a node of this file under a settings object, computed once.
   * Keyed by the node's range: no weak map keyed by AST nodes (whose entries cost the garbage
   * collector more than the lookups save), and the answers are dropped with the file.
   */
  remember<T>(table: MemoTable<T>, settings: object, node: TSESTree.Node, compute: () => T): T;
}

/**
 * A question asked of every variable declarator of a file at once, the first time a name needs it;
 * compared by identity, so define each test once, at module level.
 */
export type DeclaratorTest = (declarator: TSESTree.VariableDeclarator, file: FileModel) => boolean;

/** One kind of memoised answer (a table of `remember`); compare by identity. */
export interface MemoTable<T> {
  readonly name: string;
  /** Only carries the type of the answers. */
  readonly answer?: T;
}

export function memoTable<T>(name: string): MemoTable<T> {
  return { name };
}

/** Start and end offsets make one number; no node of a file below 64 MiB shares both with another node of its type. */
const RANGE_FACTOR = 2 ** 26;

export function createFileModel(options: {
  text: string;
  ast: TSESTree.Program;
  filename: string;
  /** The scope manager, or a function that builds it on first use (most files never need one). */
  scopeManager: ScopeManagerLike | null | (() => ScopeManagerLike);
  /**
   * A direct lookup, when the host has one (ESLint's scope chain): no map of every reference needs
   * building, which keeps a rule's cost per file proportional to what it asks.
   */
  lookup?: (identifier: TSESTree.Identifier) => VariableLike | null;
  /**
   * Where comments come from when the AST carries none: the codemods parse without them (converting
   * every comment of every file costs a third of the parse) and look them up only when a rewrite asks.
   */
  comments?: () => ReadonlyArray<{ range: readonly [number, number] }>;
  /**
   * Every variable declarator of the file, from a host that indexes its nodes: a codemod then builds
   * no scope analysis for a file whose names no declarator of interest binds (see mayBeBoundBy).
   */
  declarators?: () => readonly TSESTree.VariableDeclarator[];
  program?: TypeScript.Program;
}): FileModel {
  const { text, ast, filename } = options;
  let built: ScopeManagerLike | null | undefined =
    typeof options.scopeManager === 'function' ? undefined : options.scopeManager;
  const scopes = (): ScopeManagerLike | null =>
    built === undefined ? (built = (options.scopeManager as () => ScopeManagerLike)()) : built;
  let resolutions: Map<number, VariableLike | null> | undefined;
  const { imports, modules } = collectImports(ast);
  let manifest: PackageFacts | undefined;
  const packageFacts = () => (manifest ??= packageFactsFor(filename));
  let declared: Set<string> | undefined;
  const namesBoundBy = new Map<DeclaratorTest, Set<string>>();
  let allComments: ReadonlyArray<{ range: readonly [number, number] }> | undefined;
  const tables = new Map<MemoTable<unknown>, Map<object, Map<number, unknown>>>();
  const declarable = new Map<string, boolean>();
  const mayDeclare = (name: string): boolean => {
    let answer = declarable.get(name);
    if (answer === undefined) declarable.set(name, (answer = mayBeDeclaredIn(text, name)));
    return answer;
  };
  const model: FileModel = {
    text,
    ast,
    filename,
    program: options.program,
    imports,
    importedModules: modules,
    getText: (node) => text.slice(node.range[0], node.range[1]),
    resolve(identifier) {
      if (options.lookup) return options.lookup(identifier);
      const scopeManager = scopes();
      if (!scopeManager) return null;
      // Built lazily: most files never need a resolution, and one pass over references is linear.
      if (!resolutions) {
        resolutions = new Map();
        for (const scope of scopeManager.scopes) {
          for (const reference of scope.references) {
            const range = (reference.identifier as { range?: [number, number] }).range;
            if (range) resolutions.set(range[0], reference.resolved);
          }
        }
      }
      return resolutions.get(identifier.range[0]) ?? null;
    },
    projectStyle() {
      return packageFacts().style;
    },
    projectDependsOn(name) {
      return packageFacts().dependencies.has(name);
    },
    packageCommands() {
      return packageFacts().commands;
    },
    moduleSystem() {
      return moduleSystemOf(ast, filename, () => packageFacts().type);
    },
    nativeEsm() {
      return (
        /\.mjs$/.test(filename) || (/\.js$/.test(filename) && packageFacts().type === 'module')
      );
    },
    isDeclared(name) {
      if (!mayDeclare(name)) return false;
      declared ??= new Set(
        scopes()?.scopes.flatMap((scope) =>
          scope.variables.filter((v) => v.defs.length > 0).map((v) => v.name),
        ) ?? [],
      );
      return declared.has(name);
    },
    mayDeclare,
    mayBeBoundBy(name, test) {
      if (!options.declarators) return true;
      let names = namesBoundBy.get(test);
      if (!names) {
        names = new Set();
        for (const declarator of options.declarators())
          if (test(declarator, model)) addBoundNames(declarator.id, names);
        namesBoundBy.set(test, names);
      }
      return names.has(name);
    },
    commentsWithin(range) {
      const slice = text.slice(range[0], range[1]);
      // Every comment starts with one of these; most ranges have neither and need no comment list.
      if (!slice.includes('//') && !slice.includes('/*')) return [];
      allComments ??= ast.comments ?? options.comments?.() ?? [];
      return allComments.filter(
        (comment) => comment.range[0] >= range[0] && comment.range[1] <= range[1],
      );
    },
    remember<T>(table: MemoTable<T>, settings: object, node: TSESTree.Node, compute: () => T): T {
      let bySettings = tables.get(table);
      if (!bySettings) tables.set(table, (bySettings = new Map()));
      let answers = bySettings.get(settings);
      if (!answers) bySettings.set(settings, (answers = new Map()));
      const key = node.range[0] * RANGE_FACTOR + node.range[1];
      const known = answers.get(key);
      if (known !== undefined || answers.has(key)) return known as T;
      const answer = compute();
      answers.set(key, answer);
      return answer;
    },
  };
  return model;
}

function moduleSystemOf(
  ast: TSESTree.Program,
  filename: string,
  packageType: () => string | undefined,
): 'esm' | 'commonjs' {
  if (/\.(mjs|mts)$/.test(filename)) return 'esm';
  if (/\.(cjs|cts)$/.test(filename)) return 'commonjs';
  if (ast.body.some((statement) => /^(Import|Export)/.test(statement.type))) return 'esm';
  if (
    ast.body.some(
      (statement) =>
        statement.type === 'VariableDeclaration' &&
        statement.declarations.some((d) => requireSource(d.init) !== null),
    )
  )
    return 'commonjs';
  // TypeScript compiles `import` to whatever the project targets; plain JavaScript follows package.json.
  if (/\.tsx?$/.test(filename)) return 'esm';
  return packageType() === 'module' ? 'esm' : 'commonjs';
}

function requireSource(node: TSESTree.Node | null | undefined): string | null {
  if (!node) return null;
  const call = unwrap(node);
  if (
    call.type === 'CallExpression' &&
    call.callee.type === 'Identifier' &&
    call.callee.name === 'require' &&
    call.arguments.length === 1 &&
    isStringLiteral(call.arguments[0])
  ) {
    return call.arguments[0].value;
  }
  if (call.type === 'MemberExpression') return requireSource(call.object);
  return null;
}

function collectImports(ast: TSESTree.Program): {
  imports: Map<string, ImportBinding>;
  modules: Set<string>;
} {
  const imports = new Map<string, ImportBinding>();
  const modules = new Set<string>();
  for (const statement of ast.body) {
    if (statement.type === 'ImportDeclaration') {
      const source = statement.source.value;
      modules.add(source);
      for (const specifier of statement.specifiers) {
        const imported = importedName(specifier);
        imports.set(specifier.local.name, { source, imported });
      }
    } else if (
      statement.type === 'TSImportEqualsDeclaration' &&
      statement.moduleReference.type === 'TSExternalModuleReference'
    ) {
      const source = statement.moduleReference.expression.value;
      modules.add(source);
      imports.set(statement.id.name, { source, imported: '*' });
    } else if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        const source = requireSource(declarator.init);
        if (source === null) continue;
        modules.add(source);
        if (declarator.id.type === 'Identifier') {
          imports.set(declarator.id.name, { source, imported: '*' });
        } else if (declarator.id.type === 'ObjectPattern') {
          for (const property of declarator.id.properties) {
            if (
              property.type === 'Property' &&
              property.key.type === 'Identifier' &&
              property.value.type === 'Identifier'
            ) {
              imports.set(property.value.name, { source, imported: property.key.name });
            }
          }
        }
      }
    } else if (statement.type === 'ExpressionStatement') {
      const source = requireSource(statement.expression);
      if (source !== null) modules.add(source);
    }
  }
  return { imports, modules };
}

interface PackageFacts {
  style: LoggerStyle | undefined;
  type: string | undefined;
  dependencies: ReadonlySet<string>;
  commands: readonly string[];
}

const packageCache = new Map<string, PackageFacts>();
const NO_FACTS: PackageFacts = {
  style: undefined,
  type: undefined,
  dependencies: new Set(),
  commands: [],
};

/**
 * Facts from the nearest package.json: its module `type`, and a project-wide logger style, but only
 * when its dependencies name one logging family (a project with both pino and winston gets no guess).
 */
function packageFactsFor(filename: string): PackageFacts {
  if (!path.isAbsolute(filename)) return NO_FACTS;
  const manifest = nearestManifest(filename);
  if (!manifest?.json) return NO_FACTS;
  let facts = packageCache.get(manifest.directory);
  if (facts) return facts;
  const json = manifest.json as {
    name?: string;
    bin?: string | Record<string, string>;
    type?: string;
    dependencies?: object;
    peerDependencies?: object;
  };
  const names = Object.keys({ ...json.dependencies, ...json.peerDependencies });
  const styles = new Set(names.map(styleOfModule).filter((s): s is LoggerStyle => s !== undefined));
  facts = {
    style: styles.size === 1 ? [...styles][0] : undefined,
    type: typeof json.type === 'string' ? json.type : undefined,
    dependencies: new Set(names),
    // `"bin": "./cli.js"` names the command after the package.
    commands:
      typeof json.bin === 'string'
        ? [json.name?.replace(/^@[^/]+\//, '') ?? 'bin']
        : Object.keys(json.bin ?? {}),
  };
  packageCache.set(manifest.directory, facts);
  return facts;
}

const IDENTIFIER_CHAR = /[\p{ID_Continue}$\u200c\u200d]/u;
const NAMESPACE_BEFORE = /\b(?:namespace|module)\s+$/;

function isBlank(character: string): boolean {
  return character === ' ' || character === '\t' || character === '\n' || character === '\r';
}

/** The first character after `offset` that is not white space, with the one after it. */
function nextVisible(text: string, offset: number): string {
  let at = offset;
  while (at < text.length && isBlank(text[at])) at++;
  return text.slice(at, at + 2);
}

/** The last character before `offset` that is not white space, with the two before it. */
function previousVisible(text: string, offset: number): string {
  let at = offset;
  while (at > 0 && isBlank(text[at - 1])) at--;
  return text.slice(Math.max(0, at - 3), at);
}

/** See `FileModel.mayDeclare`. */
function mayBeDeclaredIn(text: string, name: string): boolean {
  // A unicode escape can spell the name without its letters (`const \u0063onsole`).
  if (text.includes('\\u')) return true;
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) {
    const end = at + name.length;
    if (
      (at > 0 && IDENTIFIER_CHAR.test(text[at - 1])) ||
      (end < text.length && IDENTIFIER_CHAR.test(text[end]))
    )
      continue;
    const before = previousVisible(text, at);
    // A property (`x.console`, `x?.console`), but not a rest element (`...console`).
    if (before.endsWith('.') && !before.endsWith('...')) continue;
    const after = nextVisible(text, end);
    // A member read, unless the name opens a dotted TypeScript namespace (`namespace console.x {}`).
    if (
      (after[0] === '.' || after[0] === '[' || after === '?.') &&
      !NAMESPACE_BEFORE.test(text.slice(Math.max(0, at - 12), at))
    )
      continue;
    return true;
  }
  return false;
}

/** The line (from 1) of an offset in a text. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1))
    line++;
  return line;
}
