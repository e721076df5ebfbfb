/**
 * Which files a codemod run touches: source files under the given paths, minus what .gitignore
 * ignores, dependencies, build output and declaration files. Symlinks are never followed.
 */
import ignore, { type Ignore } from 'ignore';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import { SOURCE_EXTENSIONS } from '../core/parse';

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/build/**', '**/coverage/**', '**/.next/**', '**/out/**', '**/*.d.ts', '**/*.d.mts', '**/*.d.cts', '**/*.min.js'];

export function isSourceFile(file: string): boolean {
  return SOURCE_EXTENSIONS.some((extension) => file.endsWith(extension)) && !/\.d\.[mc]?ts$/.test(file);
}

/** Loads every .gitignore from `root` down to each file's directory, lazily, as git would apply them. */
class GitignoreFilter {
  private readonly perDirectory = new Map<string, Ignore | null>();
  constructor(private readonly root: string) {}

  private rulesFor(directory: string): Ignore | null {
    if (!this.perDirectory.has(directory)) {
      const file = path.join(directory, '.gitignore');
      this.perDirectory.set(directory, fs.existsSync(file) ? ignore().add(fs.readFileSync(file, 'utf8')) : null);
    }
    return this.perDirectory.get(directory) ?? null;
  }

  ignores(file: string): boolean {
    const relative = path.relative(this.root, file);
    if (relative.startsWith('..')) return false;
    const segments = relative.split(path.sep);
    for (let depth = 0; depth < segments.length; depth++) {
      const directory = path.join(this.root, ...segments.slice(0, depth));
      const rules = this.rulesFor(directory);
      if (rules?.ignores(segments.slice(depth).join('/'))) return true;
    }
    return false;
  }
}

function gitRoot(start: string): string {
  for (let directory = start; ; directory = path.dirname(directory)) {
    if (fs.existsSync(path.join(directory, '.git'))) return directory;
    if (path.dirname(directory) === directory) return start;
  }
}

/** Expands paths (files or directories) into the sorted list of absolute source files to process. */
export async function collectFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  const found = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const stat = fs.lstatSync(absolute, { throwIfNoEntry: false });
    if (!stat) throw new Error(`path not found: ${given}`);
    if (stat.isSymbolicLink()) continue;
    if (stat.isFile()) {
      if (isSourceFile(absolute)) found.add(absolute);
      continue;
    }
    const filter = new GitignoreFilter(gitRoot(absolute));
    const matches = await glob(`**/*{${SOURCE_EXTENSIONS.join(',')}}`, {
      cwd: absolute, absolute: true, ignore: ALWAYS_IGNORED, followSymbolicLinks: false, dot: false,
    });
    for (const match of matches) {
      const file = path.resolve(match);
      if (isSourceFile(file) && !filter.ignores(file)) found.add(file);
    }
  }
  return [...found].sort();
}
