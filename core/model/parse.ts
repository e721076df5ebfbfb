/**
 * Parsing for the codemods, into the ESTree the rules see under ESLint: espree (ESLint's own parser)
 * for JavaScript, typescript-estree (typescript-eslint's) for TypeScript and for JavaScript espree
 * rejects. The analysis is tested on both trees. TypeScript is loaded only when a file needs it: it
 * is most of the start-up time, and a JavaScript repository may never need it.
 */
import { analyze } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import * as eslintScope from 'eslint-scope';
import * as espree from 'espree';
import * as path from 'node:path';
import type * as TypeScript from 'typescript';
import { applyEditsWithin, type Edit } from './edits';
import { createFileModel, type FileModel, type ScopeManagerLike } from './file';

let typescriptModules:
  | {
      ts: typeof TypeScript;
      estree: typeof import('@typescript-eslint/typescript-estree');
      apiUtils: typeof import('ts-api-utils');
    }
  | undefined;
function typescript() {
  // require, not import: loaded on first use (see above).
  typescriptModules ??= {
    ts: require('typescript'),
    estree: require('@typescript-eslint/typescript-estree'),
    apiUtils: require('ts-api-utils'),
  };
  return typescriptModules;
}

type NodeType = `${TSESTree.Node['type']}`;
type NodeOfType<T extends NodeType> = Extract<TSESTree.Node, { type: T }>;

/** A parsed file as the codemods see it: the shared model plus an index of its nodes by type. */
export interface ParsedModel extends FileModel {
  /** Every node of the given types, in source order; indexed while parents are set, so no codemod walks the tree. */
  nodesOfType<T extends NodeType>(...types: T[]): ReadonlyArray<NodeOfType<T>>;
  /** Which parser built the tree: espree (JavaScript it accepts) or typescript-estree (the rest). */
  readonly parser: 'espree' | 'typescript-estree';
}

export const SOURCE_EXTENSIONS = [
  '.ts',
  '.tsx',
  '.mts',
  '.cts',
  '.js',
  '.jsx',
  '.mjs',
  '.cjs',
] as const;

export class ParseError extends Error {
  constructor(
    readonly filename: string,
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'ParseError';
  }
}

/**
 * Keys for the node types eslint-scope's built-in table lacks (JSX, static blocks). Given as a
 * fallback, not as `childVisitorKeys`: that table is copied for every pattern visitor it creates,
 * which made scope analysis four times slower.
 */
const childKeys = (node: { type: string }): string[] => [...(visitorKeys[node.type] ?? [])];

const JAVASCRIPT = /\.[mc]?jsx?$/;

/** `.ts` files cannot contain JSX (`<T>x` is a cast there); every other extension may. */
function jsxFor(filename: string): boolean {
  return !/\.[mc]?ts$/.test(filename);
}

/** The script kind typescript-estree gives a file name (its `getScriptKind`), so our own TypeScript parses match its. */
function scriptKind(filename: string): TypeScript.ScriptKind {
  const { ts } = typescript();
  if (/\.[mc]?ts$/.test(filename)) return ts.ScriptKind.TS;
  if (/\.tsx$/.test(filename)) return ts.ScriptKind.TSX;
  if (/\.jsx$/.test(filename)) return ts.ScriptKind.JSX;
  // Plain JavaScript may hold JSX too: TypeScript reads JS files with the JSX variant of the grammar.
  return ts.ScriptKind.JS;
}

/**
 * The TypeScript source file typescript-estree would build for this text when it has no project:
 * latest syntax, no JSDoc, and `.mts`/`.mjs` always modules. Every TypeScript parse here goes through
 * it, so the tree, the comment scan and the syntax check read a file alike: parsed JSDoc, for one,
 * made the comment scan find a comment inside `@scope/*) ...` in a JSDoc block.
 */
function typescriptSourceFile(
  text: string,
  filename: string,
  setParents = true,
): TypeScript.SourceFile {
  const { ts } = typescript();
  const alwaysModule = /\.m[jt]s$/.test(filename);
  const options: TypeScript.CreateSourceFileOptions = {
    languageVersion: ts.ScriptTarget.Latest,
    jsDocParsingMode: ts.JSDocParsingMode.ParseNone,
    setExternalModuleIndicator: alwaysModule
      ? (file) => Object.assign(file, { externalModuleIndicator: true })
      : undefined,
  };
  return ts.createSourceFile(
    path.basename(filename),
    text,
    options,
    setParents,
    scriptKind(filename),
  );
}

/**
 * TypeScript caches the children it lists for a node in one module-wide WeakMap keyed by the source
 * file; typescript-estree asks for them whenever it looks for a token (every `export`, every type
 * argument). V8's young-generation collector keeps a WeakMap entry alive when its value leads back to
 * its key, as children lead to their parents, so every TypeScript file's tree, and the ESTree built
 * from it, outlived its file until the next full collection. Moving the entry to a key of our own
 * (TypeScript's internal `transferSourceFileChildren`, used only if present) lets them die young.
 */
const releasedChildren = {};
function releaseChildrenCache(source: TypeScript.SourceFile): void {
  const { ts } = typescript();
  const transfer = (
    ts as unknown as {
      transferSourceFileChildren?: (from: TypeScript.SourceFile, to: object) => void;
    }
  ).transferSourceFileChildren;
  if (typeof transfer === 'function') transfer(source, releasedChildren);
}

/**
 * JavaScript through espree: as a module first (also right for most CommonJS), then as a sloppy-mode
 * script (octal literals, `with`, top-level `return`). Null when neither parses.
 */
export function parseJavaScript(
  text: string,
  sourceTypes: ReadonlyArray<'module' | 'commonjs'> = ['module', 'commonjs'],
): TSESTree.Program | null {
  for (const sourceType of sourceTypes) {
    try {
      return espree.parse(text, {
        ecmaVersion: 'latest',
        sourceType,
        range: true,
        loc: false,
        comment: true,
        ecmaFeatures: { jsx: true },
      }) as unknown as TSESTree.Program;
    } catch {
      // next
    }
  }
  return null;
}

/**
 * typescript-estree, without comments (found on demand by `commentsWithin`: converting them all costs
 * a third of the parse). With locations, though nothing reads them: asking for none makes
 * typescript-estree walk the tree again to delete them, which costs more. It is given the source
 * file it would build itself (typescript-estree accepts one in place of text), so that the children
 * cache can be released afterwards.
 */
export function parseTypeScript(text: string, filename: string): TSESTree.Program {
  const source = typescriptSourceFile(text, filename);
  try {
    return typescript().estree.parse(source as unknown as string, {
      range: true,
      loc: true,
      comment: false,
      jsx: jsxFor(filename),
      filePath: path.basename(filename),
      suppressDeprecatedPropertyWarnings: true,
    });
  } catch (error) {
    const failure = error as { message?: string; lineNumber?: number; column?: number };
    throw new ParseError(
      filename,
      failure.message ?? String(error),
      failure.lineNumber,
      failure.column,
    );
  } finally {
    releaseChildrenCache(source);
  }
}

/**
 * Parses a file into the model the analysis reads; throws ParseError, never anything else. With a
 * TypeScript program (the CLI's --project), the model carries it, so logger contracts can ask the checker.
 */
export function parseFile(
  text: string,
  filename: string,
  program?: TypeScript.Program,
): ParsedModel {
  const javascript = JAVASCRIPT.test(filename) ? parseJavaScript(text) : null;
  return modelOfTree(
    text,
    filename,
    javascript ?? parseTypeScript(text, filename),
    javascript ? 'espree' : 'typescript-estree',
    program,
  );
}

/** The model of a whole tree: parents set and nodes indexed here. */
export function modelOfTree(
  text: string,
  filename: string,
  ast: TSESTree.Program,
  parser: ParsedModel['parser'],
  program?: TypeScript.Program,
): ParsedModel {
  const index = setParentsAndIndex(ast);
  const isModule =
    ast.body.some((statement) => /^(Import|Export)/.test(statement.type)) ||
    /\.m[jt]s$/.test(filename);
  // Each tree with the scope analysis ESLint pairs it with: eslint-scope for espree's, typescript-eslint's
  // for its own (which expects TypeScript-only properties on every node). No lib globals: an
  // unresolved name is a global to the analysis, which is all it needs to know.
  const scopeManager = (): ScopeManagerLike =>
    parser === 'espree'
      ? (eslintScope.analyze(ast as never, {
          ecmaVersion: 2026,
          sourceType: isModule ? 'module' : 'commonjs',
          ignoreEval: true,
          fallback: childKeys,
        }) as unknown as ScopeManagerLike)
      : analyze(ast, { sourceType: isModule ? 'module' : 'script', jsxPragma: null, lib: [] });
  const comments = () => commentRanges(text, filename);
  const declarators = () =>
    (index.get('VariableDeclarator') ?? []) as TSESTree.VariableDeclarator[];
  const model = createFileModel({
    text,
    ast,
    filename: path.resolve(filename),
    scopeManager,
    comments,
    declarators,
    program,
  });
  return Object.assign(model, {
    parser,
    nodesOfType<T extends NodeType>(...types: T[]): ReadonlyArray<NodeOfType<T>> {
      const lists = types.map((type) => (index.get(type) ?? []) as Array<NodeOfType<T>>);
      return lists.length === 1 ? lists[0] : lists.flat().sort((a, b) => a.range[0] - b.range[0]);
    },
  });
}

/** Node types to which typescript-estree adds getters for deprecated aliases (`assertions` for `attributes`...). */
const ALIAS_HOLDERS: ReadonlySet<string> = new Set([
  'ImportDeclaration',
  'ExportNamedDeclaration',
  'ExportAllDeclaration',
  'ImportExpression',
  'TSImportType',
]);

/**
 * The node with its alias getters turned into plain values, or the node itself if it has none. V8
 * gives an object a map of its own in the old generation for each getter defined on it, and the
 * getter closes over the node: once the node has a parent, that keeps the whole tree alive through
 * every young-generation collection until the next full one. The copy has no getters, and the
 * original is emptied, so what its getters still hold is an empty object.
 */
function withoutAliasGetters<T extends TSESTree.Node>(node: T): T {
  const descriptors = Object.getOwnPropertyDescriptors(node);
  const aliases = Object.keys(descriptors).filter((key) => descriptors[key].get);
  if (aliases.length === 0) return node;
  const original = node as unknown as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(original)) copy[key] = original[key];
  for (const key of aliases)
    Object.defineProperty(copy, key, {
      value: original[key],
      writable: true,
      configurable: true,
      enumerable: false,
    });
  for (const key of Object.keys(original)) original[key] = undefined;
  return copy as unknown as T;
}

/**
 * ESLint gives every node a `parent`; typescript-estree does not, and the shared analysis reads it.
 * The same pass indexes nodes by type, in source order (children are pushed in reverse).
 */
function setParentsAndIndex(root: TSESTree.Node): Map<string, TSESTree.Node[]> {
  const index = new Map<string, TSESTree.Node[]>();
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const list = index.get(node.type);
    if (list) list.push(node);
    else index.set(node.type, [node]);
    const keys = visitorKeys[node.type] ?? [];
    for (let k = keys.length - 1; k >= 0; k--) {
      const value = (node as unknown as Record<string, unknown>)[keys[k]];
      const children = Array.isArray(value) ? value : [value];
      for (let c = children.length - 1; c >= 0; c--) {
        let child = children[c] as TSESTree.Node | null | undefined;
        if (child && typeof child === 'object' && 'type' in child) {
          if (ALIAS_HOLDERS.has(child.type)) {
            const copy = withoutAliasGetters(child);
            if (copy !== child) {
              if (Array.isArray(value)) value[c] = copy;
              else (node as unknown as Record<string, unknown>)[keys[k]] = copy;
              child = copy;
            }
          }
          (child as { parent?: TSESTree.Node }).parent = node;
          stack.push(child);
        }
      }
    }
  }
  return index;
}

/** Every comment of a file, from TypeScript's parser alone (the same scan typescript-estree uses). */
function commentRanges(text: string, filename: string): Array<{ range: [number, number] }> {
  const { apiUtils } = typescript();
  // With parent pointers: the comment walk asks each token's parent whether trivia may trail it.
  const source = typescriptSourceFile(text, filename);
  const ranges: Array<{ range: [number, number] }> = [];
  apiUtils.forEachComment(
    source,
    (_, comment) => ranges.push({ range: [comment.pos, comment.end] }),
    source,
  );
  releaseChildrenCache(source);
  return ranges;
}

/**
 * Whether text is syntactically valid: the check every rewritten file passes before it is written.
 * JavaScript that espree accepts is valid; otherwise TypeScript's parser alone decides (a fraction of
 * the cost of a full ESTree parse).
 */
export function syntaxError(text: string, filename: string): string | null {
  if (JAVASCRIPT.test(filename) && parseJavaScript(text) !== null) return null;
  const { diagnostics } = parseWithTypeScript(text, filename);
  if (diagnostics.length === 0) return null;
  const first = diagnostics[0].messageText;
  return typeof first === 'string' ? first : first.messageText;
}

/** TypeScript's parser alone, without parent pointers, and the syntax errors it found. */
function parseWithTypeScript(text: string, filename: string) {
  const source = typescriptSourceFile(text, filename, false);
  const diagnostics =
    (
      source as unknown as {
        parseDiagnostics?: ReadonlyArray<{ messageText: string | { messageText: string } }>;
      }
    ).parseDiagnostics ?? [];
  return { source, diagnostics };
}

/**
 * Statements that parse the same on their own as in place, once inside an async generator function
 * (so `await`, `yield` and `return` keep their meaning): nothing in them refers outside them the way
 * `break label` or `case` do. Each with the TypeScript kind it parses back as.
 */
const SELF_CONTAINED = {
  ExpressionStatement: 'ExpressionStatement',
  VariableDeclaration: 'VariableStatement',
  ReturnStatement: 'ReturnStatement',
  ThrowStatement: 'ThrowStatement',
} as const;

/** The self-contained statements around rewritten nodes, each once; null if a node is in none. */
export function rewrittenStatements(rewritten: readonly TSESTree.Node[]): TSESTree.Node[] | null {
  // A set: a file with tens of thousands of rewritten calls made `includes` quadratic.
  const statements = new Set<TSESTree.Node>();
  for (const node of rewritten) {
    const statement = enclosingStatement(node);
    if (!statement) return null;
    statements.add(statement);
  }
  return [...statements];
}

/** The innermost self-contained statement around a node; null when there is none to stand for it alone. */
function enclosingStatement(node: TSESTree.Node): TSESTree.Node | null {
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    if (!(current.type in SELF_CONTAINED)) continue;
    // `for (const x of xs)`: a declaration that is a loop's head, not a statement.
    return current.type === 'VariableDeclaration' && /^For/.test(current.parent?.type ?? '')
      ? null
      : current;
  }
  return null;
}

/**
 * The quick form of the last check on a rewrite: the statements holding the rewritten nodes, with
 * every edit inside them applied, parsed on their own, each wrapped in `async function*`. True when
 * each comes back as exactly one statement of its own kind: the rewrite is then valid in place,
 * since the rest of the file did not change. False means "not shown here", never "invalid": an edit
 * outside those statements (an added import), a node in no such statement, or a statement that
 * needs its surroundings (`super`) all leave the verdict to `syntaxError` on the whole file.
 */
export function rewrittenStatementsParse(
  file: FileModel,
  rewritten: readonly TSESTree.Node[],
  edits: readonly Edit[],
): boolean {
  if (edits.length === 0) return true;
  const statements = rewrittenStatements(rewritten);
  if (!statements) return false;
  // Sorted by start, non-overlapping edits also end in order: each statement finds its own by a
  // binary search, and the one edit that could cross its start is the last one starting before it.
  // (Every edit against every statement was quadratic in the calls of a large generated file.)
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const covered = new Set<Edit>();
  const wrapped: string[] = [];
  for (const statement of statements) {
    const [start, end] = statement.range;
    let first = 0;
    for (let high = sorted.length; first < high;) {
      const middle = (first + high) >> 1;
      if (sorted[middle].range[0] < start) first = middle + 1;
      else high = middle;
    }
    if (first > 0 && sorted[first - 1].range[1] > start) return false;
    const inside: Edit[] = [];
    for (let index = first; index < sorted.length && sorted[index].range[0] <= end; index++) {
      const edit = sorted[index];
      if (edit.range[1] <= end) (inside.push(edit), covered.add(edit));
      else if (edit.range[0] < end) return false;
    }
    wrapped.push(
      `async function* check() {\n${applyEditsWithin(file.text, statement.range, inside)}\n}\n`,
    );
  }
  if (covered.size !== edits.length) return false;
  const text = wrapped.join('');
  const kinds = statements.map((statement) => statement.type as keyof typeof SELF_CONTAINED);
  if (JAVASCRIPT.test(file.filename)) {
    const program = parseJavaScript(text);
    return (
      program !== null &&
      program.body.length === kinds.length &&
      program.body.every(
        (wrapper, i) =>
          wrapper.type === 'FunctionDeclaration' &&
          wrapper.body.body.length === 1 &&
          wrapper.body.body[0].type === kinds[i],
      )
    );
  }
  const { ts } = typescript();
  const { source, diagnostics } = parseWithTypeScript(text, file.filename);
  if (diagnostics.length > 0) return false;
  return (
    source.statements.length === kinds.length &&
    source.statements.every((wrapper, i) => {
      const body = ts.isFunctionDeclaration(wrapper) ? wrapper.body?.statements : undefined;
      return body?.length === 1 && body[0].kind === ts.SyntaxKind[SELF_CONTAINED[kinds[i]]];
    })
  );
}
