/**
 * The TypeScript checker's answer to "where is this logger's method declared", for typed linting
 * (typescript-eslint's `parserServices.program`) and the CLI's `--project`. Found by position, so a
 * tree from any parser can ask: the receiver's range in the file locates its node in the program.
 * TypeScript is required only here, and only when a program was given (so it is installed).
 */
import type * as TypeScript from 'typescript';

export interface DeclaredMethod {
  /** The file declaring the method (a project file or a library's .d.ts). */
  filename: string;
  /** The declaration's range in that file. */
  range: [number, number];
  /** The package a library's declaration comes from (`pino`, `@nestjs/common`), for a .d.ts in node_modules. */
  library: string | undefined;
}

function ts(): typeof TypeScript {
  return require('typescript') as typeof TypeScript;
}

/** The innermost node of a source file spanning exactly [start, end), or the innermost around it. */
function nodeAt(
  source: TypeScript.SourceFile,
  start: number,
  end: number,
): TypeScript.Node | undefined {
  let found: TypeScript.Node | undefined;
  const visit = (node: TypeScript.Node): void => {
    if (node.getStart(source) > start || node.getEnd() < end) return;
    found = node;
    node.forEachChild(visit);
  };
  source.forEachChild(visit);
  return found;
}

function libraryOf(filename: string): string | undefined {
  const match = /[/\\]node_modules[/\\]((?:@[^/\\]+[/\\])?[^/\\]+)[/\\]/.exec(filename);
  return match ? match[1].replace('\\', '/') : undefined;
}

/** Where the program declares `method` of the value at `range` in `filename`, if its type says. */
export function declaredMethod(
  program: TypeScript.Program,
  filename: string,
  text: string,
  range: readonly [number, number],
  method: string,
): DeclaredMethod | null {
  const source = program.getSourceFile(filename);
  // Positions only mean the same node in the text the program read (not after a codemod's rewrite).
  if (!source || source.text !== text) return null;
  const node = nodeAt(source, range[0], range[1]);
  if (!node) return null;
  const checker = program.getTypeChecker();
  const type = checker.getTypeAtLocation(node);
  const symbol = type.getProperty(method) ?? checker.getApparentType(type).getProperty(method);
  const declaration = symbol?.declarations?.[0];
  if (!declaration) return null;
  const file = declaration.getSourceFile();
  const { SyntaxKind } = ts();
  // A library's declaration names its family; a project's is read like any declaration.
  if (file.isDeclarationFile && libraryOf(file.fileName))
    return {
      filename: file.fileName,
      range: [declaration.getStart(file), declaration.getEnd()],
      library: libraryOf(file.fileName),
    };
  const isMethod = [
    SyntaxKind.MethodDeclaration,
    SyntaxKind.MethodSignature,
    SyntaxKind.PropertySignature,
    SyntaxKind.PropertyDeclaration,
  ].includes(declaration.kind);
  return isMethod
    ? {
        filename: file.fileName,
        range: [declaration.getStart(file), declaration.getEnd()],
        library: undefined,
      }
    : null;
}

const programs = new Map<string, TypeScript.Program>();

/**
 * The program of a tsconfig (the CLI's `--project`), built once per process: the codemods' worker
 * threads each build their own. A tsconfig that does not load is named in the error.
 */
export function programOf(tsconfig: string): TypeScript.Program {
  const known = programs.get(tsconfig);
  if (known) return known;
  const typescript = ts();
  const read = typescript.readConfigFile(tsconfig, typescript.sys.readFile);
  if (read.error)
    throw new Error(
      `${tsconfig}: ${typescript.flattenDiagnosticMessageText(read.error.messageText, '\n')}`,
    );
  const parsed = typescript.parseJsonConfigFileContent(
    read.config,
    typescript.sys,
    require('node:path').dirname(tsconfig),
  );
  const program = typescript.createProgram({
    rootNames: parsed.fileNames,
    options: { ...parsed.options, noEmit: true },
  });
  programs.set(tsconfig, program);
  return program;
}
