/**
 * package.json files, each read once per run: every question the analysis asks of a package (its
 * module type and commands, its dependencies, its workspaces, a library's installed version, its
 * Prettier key) is answered from here, so a run over thousands of files reads each manifest once.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type ManifestJson = Record<string, unknown>;

/** Directory -> its package.json parsed; null when the file is there but does not parse; undefined when absent. */
const manifests = new Map<string, ManifestJson | null | undefined>();
/** Directory -> the nearest directory at or above it that has a package.json, or null. */
const nearest = new Map<string, string | null>();

/** The package.json of a directory: undefined when there is none, null when it does not parse. */
export function manifestIn(directory: string): ManifestJson | null | undefined {
  if (manifests.has(directory)) return manifests.get(directory);
  let json: ManifestJson | null | undefined;
  try {
    const value = JSON.parse(
      fs.readFileSync(path.join(directory, 'package.json'), 'utf8'),
    ) as unknown;
    json =
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? (value as ManifestJson)
        : null;
  } catch (error) {
    json = (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : null;
  }
  manifests.set(directory, json);
  return json;
}

/**
 * The package a file belongs to: the nearest package.json above it (the first found, even when it
 * does not parse: its `json` is then null). Null when no folder above has one.
 */
export function nearestManifest(
  filename: string,
): { directory: string; json: ManifestJson | null } | null {
  const visited: string[] = [];
  let found: string | null = null;
  for (let directory = path.dirname(filename); ; directory = path.dirname(directory)) {
    const cached = nearest.get(directory);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    visited.push(directory);
    if (manifestIn(directory) !== undefined) {
      found = directory;
      break;
    }
    if (path.dirname(directory) === directory) break;
  }
  for (const directory of visited) nearest.set(directory, found);
  return found === null ? null : { directory: found, json: manifestIn(found) ?? null };
}
