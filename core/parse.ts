/**
 * Parsing for the codemods: typescript-estree, so the codemods see the same ESTree as the rules
 * under typescript-eslint, and TypeScript-only syntax (`<T>x`, decorators, `satisfies`) parses.
 */
import { analyze } from '@typescript-eslint/scope-manager';
import { parse, type TSESTree } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import * as path from 'node:path';
import { forEachComment } from 'ts-api-utils';
import * as ts from 'typescript';
import { createFileModel, type FileModel } from './file';

type NodeType = `${TSESTree.Node['type']}`;
type NodeOfType<T extends NodeType> = Extract<TSESTree.Node, { type: T }>;

/** A parsed file as the codemods see it: the shared model plus an index of its nodes by type. */
export interface ParsedModel extends FileModel {
  /** Every node of the given types, in source order; indexed while parents are set, so no codemod walks the tree. */
  nodesOfType<T extends NodeType>(...types: T[]): ReadonlyArray<NodeOfType<T>>;
}

export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

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

/** `.ts` files cannot contain JSX (`<T>x` is a cast there); every other extension may. */
function jsxFor(filename: string): boolean {
  return !/\.[mc]?ts$/.test(filename);
}

function scriptKind(filename: string): ts.ScriptKind {
  if (/\.[mc]?ts$/.test(filename)) return ts.ScriptKind.TS;
  if (/\.tsx$/.test(filename)) return ts.ScriptKind.TSX;
  // Plain JavaScript may hold JSX (React projects often keep it in .js files).
  return ts.ScriptKind.JSX;
}

/**
 * Parses a file into the model the analysis reads; throws ParseError, never anything else. Without
 * comments: they are found on demand (`commentsWithin`). With locations, though nothing reads them:
 * asking for none makes typescript-estree walk the tree again to delete them, which costs more.
 */
export function parseFile(text: string, filename: string): ParsedModel {
  let ast;
  try {
    ast = parse(text, { range: true, loc: true, comment: false, jsx: jsxFor(filename), filePath: path.basename(filename) });
  } catch (error) {
    const failure = error as { message?: string; lineNumber?: number; column?: number };
    throw new ParseError(filename, failure.message ?? String(error), failure.lineNumber, failure.column);
  }
  const index = setParentsAndIndex(ast);
  const isModule = ast.body.some((statement) => /^(Import|Export)/.test(statement.type)) || /\.m[jt]s$/.test(filename);
  // No lib globals: an unresolved name is a global to the analysis, which is all it needs to know.
  const scopeManager = () => analyze(ast, { sourceType: isModule ? 'module' : 'script', jsxPragma: null, lib: [] });
  const comments = () => commentRanges(text, filename);
  const model = createFileModel({ text, ast, filename: path.resolve(filename), scopeManager, comments });
  return Object.assign(model, {
    nodesOfType<T extends NodeType>(...types: T[]): ReadonlyArray<NodeOfType<T>> {
      const lists = types.map((type) => (index.get(type) ?? []) as Array<NodeOfType<T>>);
      return lists.length === 1 ? lists[0] : lists.flat().sort((a, b) => a.range[0] - b.range[0]);
    },
  });
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
        const child = children[c] as TSESTree.Node | null | undefined;
        if (child && typeof child === 'object' && 'type' in child) {
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
  const source = ts.createSourceFile(path.basename(filename), text, ts.ScriptTarget.Latest, false, scriptKind(filename));
  const ranges: Array<{ range: [number, number] }> = [];
  forEachComment(source, (_, comment) => ranges.push({ range: [comment.pos, comment.end] }), source);
  return ranges;
}

/**
 * Whether text is syntactically valid, using only TypeScript's parser (a tenth of the cost of a full
 * ESTree parse): the check every rewritten file passes before it is written.
 */
export function syntaxError(text: string, filename: string): string | null {
  const source = ts.createSourceFile(path.basename(filename), text, ts.ScriptTarget.Latest, false, scriptKind(filename));
  const diagnostics = (source as unknown as { parseDiagnostics?: ReadonlyArray<{ messageText: string | { messageText: string } }> }).parseDiagnostics ?? [];
  if (diagnostics.length === 0) return null;
  const first = diagnostics[0].messageText;
  return typeof first === 'string' ? first : first.messageText;
}
