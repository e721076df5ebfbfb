/**
 * One log call against the committed catalog: is its event listed, and does it log the fields the
 * catalog lists for it? What `event-schema` reports in the editor before `catalog --check` fails CI.
 */
import type { FieldOccurrence } from './fields';
import type { Catalog, CatalogEvent } from './types';

export type SchemaProblem =
  | { problem: 'unknownEvent'; name: string; closest?: string }
  | { problem: 'unexpectedField'; name: string; field: FieldOccurrence; expected: string[] }
  | { problem: 'missingField'; name: string; key: string };

const eventIndexes = new WeakMap<Catalog, Map<string, CatalogEvent>>();

function eventsOf(catalog: Catalog): Map<string, CatalogEvent> {
  let index = eventIndexes.get(catalog);
  if (!index)
    eventIndexes.set(
      catalog,
      (index = new Map(catalog.events.map((event) => [event.name, event]))),
    );
  return index;
}

/** Edit distance, cut off above `limit` (only near names are worth suggesting). */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length];
}

/** The catalog's event nearest to a name not in it, within two edits. */
function closestEvent(name: string, catalog: Catalog): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const event of catalog.events) {
    const d = distance(name, event.name, 2);
    if (d < bestDistance) [best, bestDistance] = [event.name, d];
  }
  return best;
}

/** What differs between a call of event `name`, logging `fields`, and the catalog's entry. */
export function schemaProblems(
  name: string,
  fields: readonly FieldOccurrence[],
  open: boolean,
  catalog: Catalog,
): SchemaProblem[] {
  const entry = eventsOf(catalog).get(name);
  if (!entry) {
    const closest = closestEvent(name, catalog);
    return [{ problem: 'unknownEvent', name, ...(closest ? { closest } : {}) }];
  }
  const expected = entry.fields.map((field) => field.key);
  const problems: SchemaProblem[] = fields
    .filter((field) => !expected.includes(field.key))
    .map((field) => ({ problem: 'unexpectedField', name, field, expected }));
  // A spread or a variable may hold any field: only a call whose fields are all listed misses one.
  if (!open)
    for (const field of entry.fields)
      if (field.presence === 'always' && !fields.some((logged) => logged.key === field.key))
        problems.push({ problem: 'missingField', name, key: field.key });
  return problems;
}
