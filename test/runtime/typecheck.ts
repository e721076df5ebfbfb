/**
 * Type-checks a case's modules as a real project would: an in-memory TypeScript program over the files
 * on disk, with some of them replaced by rewritten texts, against the installed packages' own types.
 */
import * as path from 'node:path';
import ts from 'typescript';
import { ROOT } from './harness';

/** The declaration of 'structured-logging-test-sink' that fixtures import. */
export const SINK_DECLARATION = path.join(__dirname, 'sink-module.d.ts');

export const TYPECHECK_OPTIONS: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  // CommonJS with classic node resolution: @nestjs/common and consola ship ES modules whose types a
  // Node16 CommonJS program may not import (TS1479), while the code runs fine under Node 20's require.
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  esModuleInterop: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  skipLibCheck: true,
  noEmit: true,
  types: ['node'],
  typeRoots: [path.join(ROOT, 'node_modules/@types')],
  lib: ['lib.es2022.d.ts'],
};

/**
 * Diagnostics of a program made of `files` (absolute paths of .ts modules), where `overlay` replaces
 * the text of some of them. Returns them formatted, one string each; none means the code type-checks.
 */
/**
 * Parsed files from disk (the standard library, @types/node, the packages' declarations), shared by
 * every program: parsing them again for each check would take most of the time.
 */
const diskSourceFiles = new Map<string, ts.SourceFile | undefined>();

export function typecheck(
  files: readonly string[],
  overlay: ReadonlyMap<string, string> = new Map(),
): string[] {
  const host = ts.createCompilerHost(TYPECHECK_OPTIONS, true);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (fileName) => overlay.get(path.resolve(fileName)) ?? readFile(fileName);
  host.fileExists = (fileName) => overlay.has(path.resolve(fileName)) || fileExists(fileName);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const absolute = path.resolve(fileName);
    const text = overlay.get(absolute);
    if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
    const key = `${absolute}\0${JSON.stringify(languageVersion)}`;
    if (!diskSourceFiles.has(key))
      diskSourceFiles.set(key, getSourceFile(fileName, languageVersion, onError, shouldCreate));
    return diskSourceFiles.get(key);
  };
  const program = ts.createProgram({
    rootNames: [...files, SINK_DECLARATION],
    options: TYPECHECK_OPTIONS,
    host,
  });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  return diagnostics.map((diagnostic) => {
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!diagnostic.file || diagnostic.start === undefined) return `TS${diagnostic.code}: ${text}`;
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${path.relative(ROOT, diagnostic.file.fileName)}:${line + 1}:${character + 1} TS${diagnostic.code}: ${text}`;
  });
}
