/**
 * Which files a codemod run touches: source files under the given paths, minus what .gitignore
 * ignores, dependencies, build output and declaration files, and with `--since` only those git saw
 * change. Symlinks are never followed.
 */
import ignore, { type Ignore } from 'ignore';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { simpleGit } from 'simple-git';
import { glob } from 'tinyglobby';
import { SOURCE_EXTENSIONS } from '../core/model/parse';
import { UserError } from './errors';

const ALWAYS_IGNORED = [
  '**/node_modules/**',
  '**/.git/**',
  '**/dist/**',
  '**/build/**',
  '**/coverage/**',
  '**/.next/**',
  '**/out/**',
  '**/*.d.ts',
  '**/*.d.mts',
  '**/*.d.cts',
  '**/*.min.js',
];

export function isSourceFile(file: string): boolean {
  return (
    SOURCE_EXTENSIONS.some((extension) => file.endsWith(extension)) && !/\.d\.[mc]?ts$/.test(file)
  );
}

/** Loads every .gitignore from `root` down to each file's directory, lazily, as git would apply them. */
class GitignoreFilter {
  private readonly perDirectory = new Map<string, Ignore | null>();
  constructor(private readonly root: string) {}

  private rulesFor(directory: string): Ignore | null {
    if (!this.perDirectory.has(directory)) {
      const file = path.join(directory, '.gitignore');
      this.perDirectory.set(
        directory,
        fs.existsSync(file) ? ignore().add(fs.readFileSync(file, 'utf8')) : null,
      );
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

/** The root of the git repository an existing file or directory is in (where its `.git` is), or undefined. */
export function repositoryOf(target: string): string | undefined {
  const start = fs.statSync(target, { throwIfNoEntry: false })?.isDirectory()
    ? target
    : path.dirname(target);
  for (let directory = start; ; directory = path.dirname(directory)) {
    if (fs.existsSync(path.join(directory, '.git'))) return directory;
    if (path.dirname(directory) === directory) return undefined;
  }
}

/** Expands paths (files or directories) into the sorted list of absolute source files to process. */
export async function collectFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  const found = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const stat = fs.lstatSync(absolute, { throwIfNoEntry: false });
    if (!stat) throw new UserError(`path not found: ${given}`);
    if (stat.isSymbolicLink()) continue;
    if (stat.isFile()) {
      if (isSourceFile(absolute)) found.add(absolute);
      continue;
    }
    const filter = new GitignoreFilter(repositoryOf(absolute) ?? absolute);
    const matches = await glob(`**/*{${SOURCE_EXTENSIONS.join(',')}}`, {
      cwd: absolute,
      absolute: true,
      ignore: ALWAYS_IGNORED,
      followSymbolicLinks: false,
      dot: false,
    });
    for (const match of matches) {
      const file = path.resolve(match);
      if (isSourceFile(file) && !filter.ignores(file)) found.add(file);
    }
  }
  return [...found].sort();
}

/** git's own words for why a command failed: the first line of its message, without `fatal: `. */
function gitMessage(error: unknown): string {
  return (error as Error).message
    .trim()
    .split('\n')[0]
    .replace(/^(fatal|error): /, '');
}

/**
 * The files, of those given, that changed since `ref` in the repositories they are in: committed
 * since, staged or not (`git diff --name-only <ref>`), plus untracked files git does not ignore.
 * Compared by real path, as git reports them from its resolved top level.
 */
export async function changedSince(
  files: readonly string[],
  ref: string,
  repositories: readonly string[],
): Promise<string[]> {
  const changed = new Set<string>();
  for (const root of new Set(repositories)) {
    const git = simpleGit({ baseDir: root });
    let listed: string;
    try {
      listed =
        (await git.raw(['diff', '--name-only', '-z', ref, '--'])) +
        (await git.raw(['ls-files', '--others', '--exclude-standard', '-z']));
    } catch (error) {
      throw new UserError(`--since ${ref}: ${gitMessage(error)}`);
    }
    const top = fs.realpathSync(root);
    for (const name of listed.split('\0')) if (name !== '') changed.add(path.join(top, name));
  }
  return files.filter((file) => changed.has(fs.realpathSync(file)));
}
