/**
 * The project's formatting, as its Prettier configuration states it: how wide a line may be, how deep
 * an indent is, whether trailing commas are written. A rewritten call that would run past the width is
 * laid out one argument a line, as the formatter would lay it out, instead of one long line.
 *
 * The configuration is found as Prettier finds it: in the file's directory, then each one above, the
 * first of `package.json`'s or `package.yaml`'s `prettier` key, `.prettierrc` (JSON or YAML),
 * `.prettierrc.json`, `.prettierrc.yml`, `.prettierrc.yaml`, and `.prettierrc` / `prettier.config`
 * as `.js`, `.mjs` or `.cjs`; its `overrides` for the file apply. A JavaScript configuration is loaded
 * as Node loads it (`require`, which also loads an ES module without top-level await): the same code
 * Prettier would run for the same answer. One that exports a function or a Promise, or does not load,
 * gives options only known by running it asynchronously, as Prettier does; its width is unknown, so
 * none is assumed, and the search stops there as Prettier's would. So it does for the files this
 * module does not read: `.prettierrc.json5`, `.prettierrc.toml` and TypeScript configurations.
 *
 * Without any configuration, a width given by the caller (the `printWidth` setting, or the file's
 * ESLint `max-len`) applies with the file's own indent. No width at all: calls are written as before.
 */
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { manifestIn } from './manifest';
import { types } from 'node:util';
import { parse as parseYaml } from 'yaml';

export interface FormatOptions {
  printWidth: number;
  indent: string;
  trailingComma: boolean;
}

type PrettierConfig = Record<string, unknown>;

/** What the search found for a directory: a configuration, one whose options cannot be known, or none. */
type Located =
  | { kind: 'config'; config: PrettierConfig; directory: string }
  | { kind: 'unknown' }
  | { kind: 'none' };

const UNKNOWN: Located = { kind: 'unknown' };
const NONE: Located = { kind: 'none' };

const cache = new Map<string, Located>();

/** Prettier's own order within a directory; manifests count only when they have a `prettier` key. */
const CONFIG_FILES = [
  'package.json',
  'package.yaml',
  '.prettierrc',
  '.prettierrc.json',
  '.prettierrc.yml',
  '.prettierrc.yaml',
  '.prettierrc.json5',
  '.prettierrc.js',
  'prettier.config.js',
  '.prettierrc.ts',
  'prettier.config.ts',
  '.prettierrc.mjs',
  'prettier.config.mjs',
  '.prettierrc.mts',
  'prettier.config.mts',
  '.prettierrc.cjs',
  'prettier.config.cjs',
  '.prettierrc.cts',
  'prettier.config.cts',
  '.prettierrc.toml',
];

const readText = (file: string) => fs.readFileSync(file, 'utf8');
const readJson = (file: string): unknown => JSON.parse(readText(file));
const readYaml = (file: string): unknown => parseYaml(readText(file));

/**
 * A module as `require` loads it from `from`, its export as Prettier's `import()` sees it: an ES
 * module's default export, a CommonJS module's `module.exports`.
 */
function requireExport(from: string, specifier: string): unknown {
  const loaded = createRequire(from)(specifier) as unknown;
  return types.isModuleNamespaceObject(loaded) ? (loaded as { default?: unknown }).default : loaded;
}

const loadModule = (file: string) => requireExport(file, file);

/** How each kind of file is read; a kind not listed here is found but not read. */
const LOADERS: Record<string, (file: string) => unknown> = {
  // Prettier reads `.prettierrc` as YAML, of which JSON is (nearly) a part: JSON first is faster.
  '': (file) => {
    try {
      return readJson(file);
    } catch {
      return readYaml(file);
    }
  },
  '.json': readJson,
  '.yml': readYaml,
  '.yaml': readYaml,
  '.js': loadModule,
  '.mjs': loadModule,
  '.cjs': loadModule,
};

function isPlainObject(value: unknown): value is PrettierConfig {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * The configuration a file holds, as Prettier resolves it: nothing is an empty configuration (Prettier's
 * defaults), and a string names a shared configuration to load from the file's directory. Anything
 * else than a plain object (a function, a Promise) is unknown.
 */
function settle(value: unknown, file: string): Located {
  try {
    const config = (typeof value === 'string' ? requireExport(file, value) : value) ?? {};
    return isPlainObject(config)
      ? { kind: 'config', config, directory: path.dirname(file) }
      : UNKNOWN;
  } catch {
    return UNKNOWN;
  }
}

/** The `prettier` key of a package.json or package.yaml; undefined when it has none or does not parse. */
function manifestKey(file: string): unknown {
  if (file.endsWith('.json')) return manifestIn(path.dirname(file))?.prettier;
  try {
    const manifest = readYaml(file);
    return isPlainObject(manifest) ? manifest.prettier : undefined;
  } catch {
    return undefined;
  }
}

/** The configuration of a directory's own files; undefined when none is there. */
function configIn(directory: string): Located | undefined {
  for (const name of CONFIG_FILES) {
    const file = path.join(directory, name);
    if (!fs.existsSync(file)) continue;
    if (name.startsWith('package.')) {
      // As for Prettier, a manifest without the key is not a configuration: the search goes on.
      const key = manifestKey(file);
      if (key) return settle(key, file);
      continue;
    }
    const load = LOADERS[path.extname(name)];
    if (!load) return UNKNOWN;
    let value: unknown;
    try {
      value = load(file);
    } catch {
      return UNKNOWN;
    }
    return settle(value, file);
  }
  return undefined;
}

/** The configuration that applies in a directory: its own, or the nearest one above. */
function locate(start: string): Located {
  const visited: string[] = [];
  let found: Located = NONE;
  for (let directory = start; ; directory = path.dirname(directory)) {
    const cached = cache.get(directory);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    visited.push(directory);
    const own = configIn(directory);
    if (own) {
      found = own;
      break;
    }
    if (path.dirname(directory) === directory) break;
  }
  for (const directory of visited) cache.set(directory, found);
  return found;
}

/**
 * Whether a file matches one of an override's patterns, as Prettier matches them: a pattern without
 * a slash against the file's name (`*.ts` takes `src/a.ts`), any other against its path relative to
 * the configuration.
 */
function matchesAny(relative: string, patterns: unknown): boolean {
  const list = typeof patterns === 'string' ? [patterns] : Array.isArray(patterns) ? patterns : [];
  const posix = relative.split(path.sep).join('/');
  return list.some(
    (pattern) =>
      typeof pattern === 'string' &&
      picomatch.isMatch(pattern.includes('/') ? posix : path.posix.basename(posix), pattern, {
        dot: true,
      }),
  );
}

/** The options of a configuration for one file: its `overrides` whose files match, in order. */
function optionsForFile(
  located: Extract<Located, { kind: 'config' }>,
  filename: string,
): PrettierConfig {
  const { overrides, ...options } = located.config;
  if (!Array.isArray(overrides)) return options;
  const relative = path.relative(located.directory, filename);
  for (const override of overrides as unknown[]) {
    if (
      isPlainObject(override) &&
      isPlainObject(override.options) &&
      matchesAny(relative, override.files) &&
      !matchesAny(relative, override.excludeFiles)
    )
      Object.assign(options, override.options);
  }
  return options;
}

function optionsFrom(config: PrettierConfig): FormatOptions {
  const width = typeof config.printWidth === 'number' ? config.printWidth : 80;
  const tabWidth = typeof config.tabWidth === 'number' ? config.tabWidth : 2;
  return {
    printWidth: width,
    indent: config.useTabs === true ? '\t' : ' '.repeat(tabWidth),
    // Prettier 3 writes trailing commas wherever they are valid unless told 'none'.
    trailingComma: config.trailingComma !== 'none',
  };
}

/** How many indented lines indentOf reads: enough to see the file's unit, few enough to stay cheap. */
const INDENT_SAMPLE = 200;

/**
 * The indent unit a file is written with: a tab when its first indented line starts with one, else
 * the smallest run of leading spaces among its first indented lines (2 when it has none). Lines
 * inside block comments (` * text`) are left out: their one space aligns the star, it is no indent.
 */
function indentOf(text: string): string {
  let smallest = Infinity;
  let seen = 0;
  for (const [, lead] of text.matchAll(/^([ \t]+)(?=[^\s*])/gm)) {
    if (seen === 0 && lead.startsWith('\t')) return '\t';
    if (!lead.startsWith('\t')) smallest = Math.min(smallest, lead.length);
    if (++seen === INDENT_SAMPLE) break;
  }
  return ' '.repeat(smallest === Infinity ? 2 : smallest);
}

/**
 * The Prettier options that apply to a file. Without a Prettier configuration, `fallback` gives the
 * width (with the file's own indent, and no trailing commas, which nothing says the project writes).
 * Null when a configuration is found whose options are unknown, or when there is no width at all.
 */
export function formatOptions(
  filename: string,
  fallback?: { printWidth: number; text: string },
): FormatOptions | null {
  // A relative name (an editor's unsaved buffer) says nowhere to look for a configuration.
  const located = path.isAbsolute(filename) ? locate(path.dirname(filename)) : NONE;
  if (located.kind === 'config') return optionsFrom(optionsForFile(located, filename));
  if (located.kind === 'none' && fallback)
    return {
      printWidth: fallback.printWidth,
      indent: indentOf(fallback.text),
      trailingComma: false,
    };
  return null;
}
