/**
 * The project's formatting, as its Prettier configuration states it: how wide a line may be, how deep
 * an indent is, whether trailing commas are written. A rewritten call that would run past the width is
 * laid out one argument a line, as the formatter would lay it out, instead of one long line.
 *
 * Only configurations that are data are read (`.prettierrc`, `.prettierrc.json`, `package.json`'s
 * `prettier` key); a `prettier.config.js` is code this analysis does not run. No configuration, no
 * width: calls are then written as before.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface FormatOptions {
  printWidth: number;
  indent: string;
  trailingComma: boolean;
}

const cache = new Map<string, FormatOptions | null>();

function readJson(file: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function optionsFrom(config: Record<string, unknown>): FormatOptions {
  const width = typeof config.printWidth === 'number' ? config.printWidth : 80;
  const tabWidth = typeof config.tabWidth === 'number' ? config.tabWidth : 2;
  return {
    printWidth: width,
    indent: config.useTabs === true ? '\t' : ' '.repeat(tabWidth),
    // Prettier 3 writes trailing commas wherever they are valid unless told 'none'.
    trailingComma: config.trailingComma !== 'none',
  };
}

/** The Prettier options that apply to a file, or null when no data configuration is found. */
export function formatOptions(filename: string): FormatOptions | null {
  if (!path.isAbsolute(filename)) return null;
  const visited: string[] = [];
  let found: FormatOptions | null = null;
  for (let directory = path.dirname(filename); ; directory = path.dirname(directory)) {
    const cached = cache.get(directory);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    visited.push(directory);
    const rc = ['.prettierrc', '.prettierrc.json']
      .map((name) => path.join(directory, name))
      .find((file) => fs.existsSync(file));
    if (rc) {
      // A `.prettierrc` in YAML is not read: its width is unknown, so none is assumed.
      const config = readJson(rc);
      found = config ? optionsFrom(config) : null;
      break;
    }
    const manifest = fs.existsSync(path.join(directory, 'package.json'))
      ? readJson(path.join(directory, 'package.json'))
      : null;
    const fromManifest =
      manifest?.prettier && typeof manifest.prettier === 'object'
        ? (manifest.prettier as Record<string, unknown>)
        : null;
    if (fromManifest) {
      found = optionsFrom(fromManifest);
      break;
    }
    if (path.dirname(directory) === directory) break;
  }
  for (const directory of visited) cache.set(directory, found);
  return found;
}
