/**
 * Following an import to the file that defines it: relative paths, tsconfig `paths`, and workspace
 * packages (linked in node_modules, or found by the workspace's own package list when nothing is
 * installed). Answers are cached for the process: a run asks about the same few logger modules from
 * thousands of files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { manifestIn } from '../model/manifest';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.d.ts'];

function isFile(candidate: string): boolean {
  try {
    return fs.statSync(candidate).isFile();
  } catch {
    return false;
  }
}

/** A path as a module: the file itself, with an extension added, or its index file. */
function asModuleFile(base: string): string | null {
  if (isFile(base) && /\.[cm]?[jt]sx?$/.test(base)) {
    // TypeScript sources import their siblings by the compiled name (`./logger.js` for logger.ts).
    const source = base.replace(/\.([cm]?)js(x?)$/, '.$1ts$2');
    return source !== base && isFile(source) ? source : base;
  }
  const stripped = base.replace(/\.([cm]?)jsx?$/, '');
  for (const extension of EXTENSIONS) if (isFile(stripped + extension)) return stripped + extension;
  for (const extension of EXTENSIONS)
    if (isFile(path.join(base, `index${extension}`))) return path.join(base, `index${extension}`);
  return null;
}

/** JSON with comments and trailing commas, as tsconfig files are written. */
function readJsonc(file: string): Record<string, unknown> | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  let out = '';
  for (let at = 0; at < text.length; at++) {
    const character = text[at];
    if (character === '"') {
      const end = skipString(text, at);
      out += text.slice(at, end);
      at = end - 1;
    } else if (character === '/' && text[at + 1] === '/') {
      while (at < text.length && text[at] !== '\n') at++;
      out += '\n';
    } else if (character === '/' && text[at + 1] === '*') {
      at = text.indexOf('*/', at + 2);
      if (at === -1) break;
      at++;
    } else {
      out += character;
    }
  }
  try {
    return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

function skipString(text: string, start: number): number {
  let at = start + 1;
  while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
  return at + 1;
}

interface PathMapping {
  baseUrl: string;
  paths: Array<{ pattern: string; targets: string[] }>;
}

const tsconfigCache = new Map<string, PathMapping | null>();

/** The `paths` mapping of the nearest tsconfig.json (following one chain of relative `extends`). */
function pathMappingFor(directory: string): PathMapping | null {
  const cached = tsconfigCache.get(directory);
  if (cached !== undefined) return cached;
  let mapping: PathMapping | null = null;
  const config = path.join(directory, 'tsconfig.json');
  if (isFile(config)) mapping = readPathMapping(config, 0);
  else if (path.dirname(directory) !== directory) mapping = pathMappingFor(path.dirname(directory));
  tsconfigCache.set(directory, mapping);
  return mapping;
}

function readPathMapping(configFile: string, depth: number): PathMapping | null {
  const json = readJsonc(configFile);
  if (!json) return null;
  const options = (json.compilerOptions ?? {}) as {
    baseUrl?: string;
    paths?: Record<string, string[]>;
  };
  const directory = path.dirname(configFile);
  let inherited: PathMapping | null = null;
  if (typeof json.extends === 'string' && json.extends.startsWith('.') && depth < 4) {
    const parent = path.resolve(directory, json.extends);
    inherited = readPathMapping(parent.endsWith('.json') ? parent : `${parent}.json`, depth + 1);
  }
  if (!options.paths) return inherited;
  const baseUrl = path.resolve(directory, options.baseUrl ?? '.');
  return {
    baseUrl,
    paths: Object.entries(options.paths).map(([pattern, targets]) => ({ pattern, targets })),
  };
}

function viaPaths(specifier: string, mapping: PathMapping): string | null {
  for (const { pattern, targets } of mapping.paths) {
    const star = pattern.indexOf('*');
    let rest: string | null = null;
    if (star === -1) rest = pattern === specifier ? '' : null;
    else if (
      specifier.startsWith(pattern.slice(0, star)) &&
      specifier.endsWith(pattern.slice(star + 1))
    ) {
      rest = specifier.slice(star, specifier.length - (pattern.length - star - 1));
    }
    if (rest === null) continue;
    for (const target of targets) {
      const found = asModuleFile(path.resolve(mapping.baseUrl, target.replace('*', rest)));
      if (found) return found;
    }
  }
  return null;
}

/** The source entry of a package directory: its TypeScript sources when they sit beside the build. */
function packageEntry(directory: string, subpath: string): string | null {
  if (subpath)
    return (
      asModuleFile(path.join(directory, subpath)) ??
      asModuleFile(path.join(directory, 'src', subpath))
    );
  const manifest = manifestIn(directory) ?? {};
  const exported = manifest.exports as Record<string, unknown> | string | undefined;
  const dot =
    typeof exported === 'string'
      ? exported
      : exported && typeof exported === 'object'
        ? (exported['.'] ?? exported)
        : undefined;
  const conditions =
    typeof dot === 'string'
      ? [dot]
      : dot && typeof dot === 'object'
        ? ['source', 'types', 'import', 'require', 'default'].map(
            (key) => (dot as Record<string, unknown>)[key],
          )
        : [];
  const candidates = [
    manifest.source,
    ...conditions,
    manifest.types,
    manifest.typings,
    manifest.module,
    manifest.main,
    'src/index',
    'index',
  ].filter((value): value is string => typeof value === 'string');
  for (const candidate of candidates) {
    const found = asModuleFile(path.resolve(directory, candidate));
    if (!found) continue;
    // A build output whose sources are in the package too: read the sources.
    const source = found
      .replace(/[/\\](dist|build|lib|out)[/\\]/, `${path.sep}src${path.sep}`)
      .replace(/\.d\.ts$|\.[cm]?js$/, '');
    return (source !== found && asModuleFile(source)) || found;
  }
  return null;
}

const workspaceCache = new Map<string, Map<string, string> | null>();

/** Package name -> directory for the workspace around `directory` (npm/yarn `workspaces`, pnpm-workspace.yaml). */
function workspacePackages(directory: string): Map<string, string> | null {
  for (let current = directory; ; current = path.dirname(current)) {
    const cached = workspaceCache.get(current);
    if (cached !== undefined) {
      if (cached) return cached;
    } else {
      const patterns = workspacePatterns(current);
      const packages = patterns ? listWorkspace(current, patterns) : null;
      workspaceCache.set(current, packages);
      if (packages) return packages;
    }
    if (path.dirname(current) === current) return null;
  }
}

function workspacePatterns(root: string): string[] | null {
  const manifest = manifestIn(root);
  const workspaces = manifest?.workspaces as string[] | { packages?: string[] } | undefined;
  if (Array.isArray(workspaces)) return workspaces;
  if (workspaces && Array.isArray(workspaces.packages)) return workspaces.packages;
  try {
    const yaml = fs.readFileSync(path.join(root, 'pnpm-workspace.yaml'), 'utf8');
    return [...yaml.matchAll(/^\s*-\s*['"]?([^'"\n#]+?)['"]?\s*$/gm)].map((match) => match[1]);
  } catch {
    return null;
  }
}

/** Directories matched by workspace patterns of the forms `dir/*`, `dir/**` and `dir`. */
function listWorkspace(root: string, patterns: readonly string[]): Map<string, string> {
  const packages = new Map<string, string>();
  const add = (directory: string) => {
    const name = manifestIn(directory)?.name;
    if (typeof name === 'string') packages.set(name, directory);
  };
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) continue;
    const base = path.join(root, pattern.replace(/\/\*\*?$/, ''));
    if (!pattern.includes('*')) {
      add(base);
      continue;
    }
    let entries: fs.Dirent[] = [];
    try {
      entries = fs.readdirSync(base, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries)
      if (entry.isDirectory() && entry.name !== 'node_modules') add(path.join(base, entry.name));
  }
  return packages;
}

/** A bare specifier's package directory inside the project: a linked workspace package, never a library. */
function projectPackage(fromDirectory: string, name: string): string | null {
  for (let current = fromDirectory; ; current = path.dirname(current)) {
    const candidate = path.join(current, 'node_modules', name);
    if (fs.existsSync(candidate)) {
      const real = fs.realpathSync(candidate);
      return real.split(path.sep).includes('node_modules') ? null : real;
    }
    if (path.dirname(current) === current) break;
  }
  return workspacePackages(fromDirectory)?.get(name) ?? null;
}

const resolutionCache = new Map<string, string | null>();

/**
 * The file a specifier imported from `fromFile` points to, when it is part of the project (a
 * library in node_modules is never followed: its family is known by name). Null when not found.
 */
export function resolveImport(fromFile: string, specifier: string): string | null {
  const directory = path.dirname(fromFile);
  const key = `${directory}\0${specifier}`;
  const cached = resolutionCache.get(key);
  if (cached !== undefined) return cached;
  const resolved = resolveUncached(directory, specifier);
  resolutionCache.set(key, resolved);
  return resolved;
}

function resolveUncached(directory: string, specifier: string): string | null {
  if (specifier.startsWith('.') || path.isAbsolute(specifier))
    return asModuleFile(path.resolve(directory, specifier));
  const mapping = pathMappingFor(directory);
  const mapped = mapping ? viaPaths(specifier, mapping) : null;
  if (mapped) return mapped;
  if (specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  const packageDirectory = projectPackage(directory, parts.slice(0, nameLength).join('/'));
  return packageDirectory
    ? packageEntry(packageDirectory, parts.slice(nameLength).join('/'))
    : null;
}

const versionCache = new Map<string, number | null>();

/**
 * The major version of a library as the project has it: installed in node_modules near the file,
 * else the lowest major its nearest package.json's range allows. Null when neither says.
 */
export function libraryMajor(fromFile: string, name: string): number | null {
  const directory = path.dirname(fromFile);
  const key = `${directory}\0${name}`;
  const cached = versionCache.get(key);
  if (cached !== undefined) return cached;
  let major: number | null = null;
  for (let current = directory; major === null; current = path.dirname(current)) {
    const installed = manifestIn(path.join(current, 'node_modules', name))?.version;
    const manifest = manifestIn(current);
    const declared = manifest
      ? (
          {
            ...(manifest.dependencies as object),
            ...(manifest.devDependencies as object),
            ...(manifest.peerDependencies as object),
          } as Record<string, unknown>
        )[name]
      : undefined;
    const text =
      typeof installed === 'string' ? installed : typeof declared === 'string' ? declared : null;
    const digits = text ? /(\d+)/.exec(text) : null;
    if (digits) major = Number(digits[1]);
    if (path.dirname(current) === current) break;
  }
  versionCache.set(key, major);
  return major;
}
