/**
 * Reading a committed catalog: validated, so that a hand-edited or stale file fails with a message
 * naming the file and the entry, not with a crash somewhere in a rule or in `--check`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CATALOG_SCHEMA_VERSION, FIELD_KINDS, type Catalog } from './types';

export class CatalogError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'CatalogError';
  }
}

type Raw = Record<string, unknown>;

const isRecord = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** Checks the shape of a parsed catalog; throws CatalogError naming the first wrong entry. */
export function validateCatalog(value: unknown, file: string): Catalog {
  const fail = (problem: string): never => {
    throw new CatalogError(file, problem);
  };
  if (!isRecord(value)) return fail('not a catalog (expected a JSON object)');
  if (value.schemaVersion !== CATALOG_SCHEMA_VERSION)
    fail(
      `schemaVersion ${JSON.stringify(value.schemaVersion)} is not ${CATALOG_SCHEMA_VERSION}; rewrite it with \`structured-logging catalog\``,
    );
  if (!Array.isArray(value.events)) fail('"events" is not an array');
  if (!Array.isArray(value.metrics)) fail('"metrics" is not an array');
  (value.events as unknown[]).forEach((event, index) => {
    const where = `events[${index}]`;
    if (!isRecord(event) || typeof event.name !== 'string') return fail(`${where} has no name`);
    if (!isStringArray(event.levels))
      fail(`${where} (${event.name}): "levels" is not a list of strings`);
    if (!isStringArray(event.locations))
      fail(`${where} (${event.name}): "locations" is not a list of strings`);
    if (!Array.isArray(event.fields))
      return fail(`${where} (${event.name}): "fields" is not an array`);
    for (const field of event.fields as unknown[]) {
      if (
        !isRecord(field) ||
        typeof field.key !== 'string' ||
        !FIELD_KINDS.includes(field.kind as never) ||
        (field.presence !== 'always' && field.presence !== 'sometimes')
      )
        fail(
          `${where} (${event.name}): a field needs a key, a kind (${FIELD_KINDS.join(', ')}) and a presence`,
        );
    }
  });
  (value.metrics as unknown[]).forEach((metric, index) => {
    const where = `metrics[${index}]`;
    if (!isRecord(metric) || typeof metric.name !== 'string') return fail(`${where} has no name`);
    if (typeof metric.kind !== 'string') fail(`${where} (${metric.name}) has no kind`);
    if (
      !Array.isArray(metric.labels) ||
      !metric.labels.every((label) => isRecord(label) && typeof label.name === 'string')
    )
      fail(`${where} (${metric.name}): "labels" is not a list of { name }`);
    if (!isStringArray(metric.declaredAt) || !isStringArray(metric.recordedAt))
      fail(`${where} (${metric.name}): "declaredAt" and "recordedAt" must be lists of strings`);
  });
  return value as unknown as Catalog;
}

/** Reads and validates a catalog file; `shownAs` is how messages name it. */
export function readCatalog(file: string, shownAs = file): Catalog {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CatalogError(
      shownAs,
      code === 'ENOENT' ? 'no such file' : `cannot be read (${code})`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CatalogError(shownAs, `not valid JSON (${(error as Error).message})`);
  }
  return validateCatalog(parsed, shownAs);
}

const cache = new Map<string, { stamp: string; catalog: Catalog | CatalogError }>();

/**
 * The catalog at an absolute path, read again only when the file changes (an editor's ESLint server
 * lints for hours). A problem is remembered too, and thrown each time until the file changes.
 */
export function cachedCatalog(file: string, shownAs = file): Catalog {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  const stamp = stat ? `${stat.mtimeMs}:${stat.size}` : 'missing';
  let entry = cache.get(file);
  if (entry?.stamp !== stamp) {
    let catalog: Catalog | CatalogError;
    try {
      catalog = readCatalog(file, shownAs);
    } catch (error) {
      if (!(error instanceof CatalogError)) throw error;
      catalog = error;
    }
    cache.set(file, (entry = { stamp, catalog }));
  }
  if (entry.catalog instanceof CatalogError) throw entry.catalog;
  return entry.catalog;
}

/**
 * The catalog at `file` (`settings.catalog`, or a rule's option), resolved against the working
 * directory; null without a file, the CatalogError when it is missing or invalid (for a rule to report).
 */
export function catalogAt(file: string | undefined, cwd: string): Catalog | CatalogError | null {
  if (file === undefined) return null;
  try {
    return cachedCatalog(path.resolve(cwd, file), file);
  } catch (error) {
    if (error instanceof CatalogError) return error;
    throw error;
  }
}
