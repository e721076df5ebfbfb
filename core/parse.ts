/**
 * Parsing for the codemods: typescript-estree, so the codemods see the same ESTree as the rules
 * under typescript-eslint, and TypeScript-only syntax (`<T>x`, decorators, `satisfies`) parses.
 */
import { analyze } from '@typescript-eslint/scope-manager';
import { parse, type TSESTree } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import * as path from 'node:path';
import * as ts from 'typescript';
import { createFileModel, type FileModel } from './file';

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

/** Parses a file into the FileModel the analysis reads; throws ParseError, never anything else. */
export function parseFile(text: string, filename: string): FileModel {
  let ast;
  try {
    ast = parse(text, { range: true, loc: true, comment: true, jsx: jsxFor(filename), filePath: path.basename(filename) });
  } catch (error) {
    const failure = error as { message?: string; lineNumber?: number; column?: number };
    throw new ParseError(filename, failure.message ?? String(error), failure.lineNumber, failure.column);
  }
  setParents(ast);
  const isModule = ast.body.some((statement) => /^(Import|Export)/.test(statement.type)) || /\.m[jt]s$/.test(filename);
  // No lib globals: an unresolved name is a global to the analysis, which is all it needs to know.
  const scopeManager = () => analyze(ast, { sourceType: isModule ? 'module' : 'script', jsxPragma: null, lib: [] });
  return createFileModel({ text, ast, filename: path.resolve(filename), scopeManager });
}

/** ESLint gives every node a `parent`; typescript-estree does not. The shared analysis reads it. */
function setParents(root: TSESTree.Node): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && 'type' in child) {
          (child as { parent?: TSESTree.Node }).parent = node;
          stack.push(child as TSESTree.Node);
        }
      }
    }
  }
}

/**
 * Whether text is syntactically valid, using only TypeScript's parser (a tenth of the cost of a full
 * ESTree parse): the check every rewritten file passes before it is written.
 */
export function syntaxError(text: string, filename: string): string | null {
  const kind = /\.[mc]?ts$/.test(filename) ? ts.ScriptKind.TS : /\.tsx$/.test(filename) ? ts.ScriptKind.TSX : /\.jsx$/.test(filename) ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
  const source = ts.createSourceFile(path.basename(filename), text, ts.ScriptTarget.Latest, false, kind === ts.ScriptKind.JS ? ts.ScriptKind.JSX : kind);
  const diagnostics = (source as unknown as { parseDiagnostics?: ReadonlyArray<{ messageText: string | { messageText: string } }> }).parseDiagnostics ?? [];
  if (diagnostics.length === 0) return null;
  const first = diagnostics[0].messageText;
  return typeof first === 'string' ? first : first.messageText;
}
