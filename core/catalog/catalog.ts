/**
 * The project's catalog from what each file contributes: events merged by name, metrics by name,
 * everything sorted, optional keys left out when empty, so the JSON is the same bytes for the same
 * code whatever order the files were read in.
 */
import type { EventOccurrence, FileTelemetry, MetricOccurrence } from './extract';
import {
  CATALOG_SCHEMA_VERSION,
  FIELD_KINDS,
  type Catalog,
  type CatalogEvent,
  type CatalogField,
  type CatalogLabel,
  type CatalogMetric,
  type FieldKind,
} from './types';

/** At most this many value paths per field: enough to tell keys apart, not a list of every call. */
const MAX_VALUES = 5;

/** Levels from the least to the most severe; others sort after them, by name. */
const LEVEL_ORDER = [
  'silly',
  'trace',
  'debug',
  'verbose',
  'http',
  'info',
  'log',
  'notice',
  'warn',
  'warning',
  'error',
  'crit',
  'critical',
  'alert',
  'emerg',
  'fatal',
];

export function compareLevels(a: string, b: string): number {
  const rank = (level: string) => {
    const index = LEVEL_ORDER.indexOf(level);
    return index === -1 ? LEVEL_ORDER.length : index;
  };
  return rank(a) - rank(b) || compareText(a, b);
}

/** Code-point order: the same in every locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `file:line` in file, then numeric line, order. */
export function compareLocations(a: string, b: string): number {
  const split = (location: string) => {
    const colon = location.lastIndexOf(':');
    return [location.slice(0, colon), Number(location.slice(colon + 1))] as const;
  };
  const [fileA, lineA] = split(a);
  const [fileB, lineB] = split(b);
  return compareText(fileA, fileB) || lineA - lineB;
}

function sortedUnique(values: Iterable<string>, compare = compareText): string[] {
  return [...new Set(values)].sort(compare);
}

/** The kind most occurrences agree on, ignoring `unknown`; ties go to the earlier kind of FIELD_KINDS. */
function dominantKind(kinds: readonly FieldKind[]): FieldKind {
  const counts = new Map<FieldKind, number>();
  for (const kind of kinds) if (kind !== 'unknown') counts.set(kind, (counts.get(kind) ?? 0) + 1);
  let best: FieldKind = 'unknown';
  for (const kind of FIELD_KINDS)
    if ((counts.get(kind) ?? 0) > (counts.get(best) ?? 0)) best = kind;
  return best;
}

function mergeEvent(name: string, occurrences: ReadonlyArray<EventOccurrence & { file: string }>) {
  const byKey = new Map<
    string,
    { kinds: FieldKind[]; values: Set<string>; sensitive: Set<string>; calls: number }
  >();
  for (const occurrence of occurrences) {
    const seen = new Set<string>();
    for (const field of occurrence.fields) {
      let entry = byKey.get(field.key);
      if (!entry)
        byKey.set(
          field.key,
          (entry = { kinds: [], values: new Set(), sensitive: new Set(), calls: 0 }),
        );
      entry.kinds.push(field.kind);
      if (field.value) entry.values.add(field.value);
      if (field.sensitive) entry.sensitive.add(field.sensitive);
      if (!seen.has(field.key)) entry.calls++;
      seen.add(field.key);
    }
  }
  const fields: CatalogField[] = [...byKey.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([key, entry]) => {
      const values = sortedUnique(entry.values).slice(0, MAX_VALUES);
      const sensitive = sortedUnique(entry.sensitive)[0];
      return {
        key,
        kind: dominantKind(entry.kinds),
        presence: entry.calls === occurrences.length ? 'always' : 'sometimes',
        ...(values.length > 0 ? { values } : {}),
        ...(sensitive ? { sensitive } : {}),
      };
    });
  const event: CatalogEvent = {
    name,
    levels: sortedUnique(
      occurrences.map((occurrence) => occurrence.level),
      compareLevels,
    ),
    fields,
    ...(occurrences.some((occurrence) => occurrence.open) ? { openFields: true } : {}),
    locations: sortedUnique(
      occurrences.map((occurrence) => `${occurrence.file}:${occurrence.line}`),
      compareLocations,
    ),
  };
  return event;
}

function mergeLabels(target: Map<string, CatalogLabel>, labels: readonly CatalogLabel[]): void {
  for (const label of labels) {
    const existing = target.get(label.name);
    if (!existing || (!existing.unbounded && label.unbounded)) target.set(label.name, label);
  }
}

/** Merges the files' contributions into the catalog. */
export function buildCatalog(files: readonly FileTelemetry[]): Catalog {
  const events = new Map<string, Array<EventOccurrence & { file: string }>>();
  for (const file of files)
    for (const event of file.events) {
      let list = events.get(event.name);
      if (!list) events.set(event.name, (list = []));
      list.push({ ...event, file: file.file });
    }
  const declarations = new Map<string, Array<MetricOccurrence & { file: string }>>();
  const exported = new Map<string, string>();
  for (const file of files)
    for (const metric of file.metrics) {
      let list = declarations.get(metric.name);
      if (!list) declarations.set(metric.name, (list = []));
      list.push({ ...metric, file: file.file });
      for (const key of metric.exportKeys) exported.set(key, metric.name);
    }
  const labels = new Map<string, Map<string, CatalogLabel>>();
  const recorded = new Map<string, string[]>();
  for (const file of files)
    for (const record of file.records) {
      const name =
        'name' in record.target ? record.target.name : exported.get(record.target.exportKey);
      if (name === undefined || !declarations.has(name)) continue;
      let set = labels.get(name);
      if (!set) labels.set(name, (set = new Map()));
      mergeLabels(set, record.labels);
      let list = recorded.get(name);
      if (!list) recorded.set(name, (list = []));
      list.push(`${file.file}:${record.line}`);
    }
  const metrics: CatalogMetric[] = [...declarations.entries()].map(([name, list]) => {
    const sorted = [...list].sort(
      (a, b) => compareText(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0),
    );
    const first = sorted[0];
    const merged = new Map<string, CatalogLabel>();
    for (const occurrence of sorted) mergeLabels(merged, occurrence.labels);
    mergeLabels(merged, [...(labels.get(name)?.values() ?? [])]);
    const unit = sorted.find((occurrence) => occurrence.unit)?.unit;
    const description = sorted.find((occurrence) => occurrence.description)?.description;
    return {
      name,
      kind: first.kind,
      library: first.library,
      ...(unit ? { unit } : {}),
      ...(description ? { description } : {}),
      labels: [...merged.values()]
        .sort((a, b) => compareText(a.name, b.name))
        .map((label) =>
          label.unbounded ? { name: label.name, unbounded: label.unbounded } : { name: label.name },
        ),
      declaredAt: sortedUnique(
        sorted.flatMap((occurrence) =>
          occurrence.line === null ? [] : [`${occurrence.file}:${occurrence.line}`],
        ),
        compareLocations,
      ),
      recordedAt: sortedUnique(recorded.get(name) ?? [], compareLocations),
    };
  });
  return {
    schemaVersion: CATALOG_SCHEMA_VERSION,
    events: [...events.entries()]
      .sort(([a], [b]) => compareText(a, b))
      .map(([name, list]) => mergeEvent(name, list)),
    metrics: metrics.sort((a, b) => compareText(a.name, b.name)),
  };
}

/** The catalog as committed: two-space JSON and a final newline. */
export function serializeCatalog(catalog: Catalog): string {
  return `${JSON.stringify(catalog, null, 2)}\n`;
}
