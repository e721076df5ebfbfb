/**
 * Type-checks consumer files (an `eslint.config.mts` and `.cts`) with the TypeScript compiler API,
 * against one ESLint major: `paths` maps the modules `eslint` and `eslint/config` to the given ESLint
 * package, for the fixtures and for the plugin's own declarations alike. The plugin is resolved the
 * way a user's TypeScript resolves it (its package.json `exports`, `types` condition), from where the
 * fixtures are: by self-reference inside this repository, or from node_modules in a consumer project.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

export interface TypeCheck {
  /** ESLint's version, as the type-check saw it. */
  eslintVersion: string;
  /** Every diagnostic in the fixtures and the plugin's declarations, formatted; empty when all is well. */
  diagnostics: string[];
  /** The plugin's declaration files the program read, relative to its root: proof that they were checked. */
  pluginFiles: string[];
}

export type Resolution = 'NodeNext' | 'Bundler';

/**
 * `fixtures`: files to check. `eslintPackage`: the directory of an ESLint package (node_modules/eslint,
 * node_modules/eslint-v9). `pluginRoot`: the plugin package whose `dist/` declarations are checked too,
 * so that an error in them (a type ESLint 9 lacks) cannot hide behind skipLibCheck as `any`.
 */
export function typeCheck(
  fixtures: readonly string[],
  eslintPackage: string,
  pluginRoot: string,
  resolution: Resolution = 'NodeNext',
): TypeCheck {
  const types = path.join(eslintPackage, 'lib/types');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    types: [],
    lib: ['lib.es2022.d.ts'],
    target: ts.ScriptTarget.ES2022,
    ...(resolution === 'NodeNext'
      ? { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext }
      : { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }),
    paths: {
      eslint: [path.join(types, 'index.d.ts')],
      'eslint/config': [path.join(types, 'config-api.d.ts')],
    },
  };
  const program = ts.createProgram(
    fixtures.map((file) => path.resolve(file)),
    options,
  );
  const pluginDist = fs.realpathSync(path.join(pluginRoot, 'dist')) + path.sep;
  const checked = program
    .getSourceFiles()
    .filter(
      (file) =>
        fixtures.some((fixture) => path.resolve(fixture) === path.resolve(file.fileName)) ||
        path.resolve(file.fileName).startsWith(pluginDist),
    );
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...checked.flatMap((file) => [
      ...program.getSyntacticDiagnostics(file),
      ...program.getSemanticDiagnostics(file),
    ]),
  ];
  const host: ts.FormatDiagnosticsHost = {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => process.cwd(),
    getNewLine: () => '\n',
  };
  return {
    eslintVersion: (
      JSON.parse(fs.readFileSync(path.join(eslintPackage, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version,
    diagnostics: diagnostics.map((diagnostic) => ts.formatDiagnostic(diagnostic, host).trim()),
    pluginFiles: checked
      .map((file) => path.relative(pluginDist, path.resolve(file.fileName)))
      .filter((name) => !name.startsWith('..')),
  };
}
