/**
 * What changed between the committed catalog and the code's: the changes that break a dashboard,
 * an alert or a query (an event or a field gone or renamed, a level, a metric, a label), and the
 * details that do not (a line moved, another value logged under the same key), which a rewrite
 * records but `--check` does not fail on.
 */
import { splitWords } from '../messages/naming';
import { compareText } from './catalog';
import type { Catalog, CatalogEvent, CatalogField, CatalogMetric } from './types';

export type CatalogChange =
  | { change: 'eventAdded'; event: string; levels: string[]; locations: string[] }
  | { change: 'eventRemoved'; event: string }
  | { change: 'fieldAdded'; event: string; field: string; kind: string }
  | { change: 'fieldRemoved'; event: string; field: string }
  | { change: 'fieldRenamed'; event: string; from: string; to: string }
  | { change: 'fieldKindChanged'; event: string; field: string; from: string; to: string }
  | { change: 'levelsChanged'; event: string; from: string[]; to: string[] }
  | { change: 'metricAdded'; metric: string; kind: string; locations: string[] }
  | { change: 'metricRemoved'; metric: string }
  | { change: 'metricKindChanged'; metric: string; from: string; to: string }
  | { change: 'labelAdded'; metric: string; label: string }
  | { change: 'labelRemoved'; metric: string; label: string };

export interface CatalogDiff {
  /** Changes that fail `--check`. */
  changes: CatalogChange[];
  /** Entries that differ only in locations or details (values, presence, units...): not failures. */
  detailsChanged: string[];
}

const byName = <T extends { name: string }>(list: readonly T[]) =>
  new Map(list.map((item) => [item.name, item]));

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item, index) => item === b[index]);

const wordsOf = (key: string) => splitWords(key).join('');

/**
 * Pairs removed and added fields of one event that are likely the same field renamed: the same kind,
 * and the same logged value, or the same words (`user_id` and `userId`), or the only removed and the
 * only added field.
 */
function renames(
  removed: readonly CatalogField[],
  added: readonly CatalogField[],
): Array<[CatalogField, CatalogField]> {
  const pairs: Array<[CatalogField, CatalogField]> = [];
  const taken = new Set<CatalogField>();
  const score = (from: CatalogField, to: CatalogField) => {
    if (from.kind !== to.kind) return 0;
    if (from.values?.some((value) => to.values?.includes(value))) return 3;
    if (wordsOf(from.key) === wordsOf(to.key)) return 2;
    return removed.length === 1 && added.length === 1 ? 1 : 0;
  };
  for (const from of removed) {
    let best: CatalogField | undefined;
    let bestScore = 0;
    for (const to of added) {
      if (taken.has(to)) continue;
      const value = score(from, to);
      if (value > bestScore) [best, bestScore] = [to, value];
    }
    if (best) {
      taken.add(best);
      pairs.push([from, best]);
    }
  }
  return pairs;
}

function diffEvent(before: CatalogEvent, after: CatalogEvent, changes: CatalogChange[]): boolean {
  const event = after.name;
  const count = changes.length;
  if (!sameList(before.levels, after.levels))
    changes.push({ change: 'levelsChanged', event, from: before.levels, to: after.levels });
  const old = new Map(before.fields.map((field) => [field.key, field]));
  const current = new Map(after.fields.map((field) => [field.key, field]));
  const removed = before.fields.filter((field) => !current.has(field.key));
  const added = after.fields.filter((field) => !old.has(field.key));
  const paired = renames(removed, added);
  const renamedFrom = new Set(paired.map(([from]) => from));
  const renamedTo = new Set(paired.map(([, to]) => to));
  for (const [from, to] of paired)
    changes.push({ change: 'fieldRenamed', event, from: from.key, to: to.key });
  for (const field of removed)
    if (!renamedFrom.has(field)) changes.push({ change: 'fieldRemoved', event, field: field.key });
  for (const field of added)
    if (!renamedTo.has(field))
      changes.push({ change: 'fieldAdded', event, field: field.key, kind: field.kind });
  for (const field of after.fields) {
    const previous = old.get(field.key);
    if (previous && previous.kind !== field.kind)
      changes.push({
        change: 'fieldKindChanged',
        event,
        field: field.key,
        from: previous.kind,
        to: field.kind,
      });
  }
  return changes.length > count;
}

function diffMetric(
  before: CatalogMetric,
  after: CatalogMetric,
  changes: CatalogChange[],
): boolean {
  const metric = after.name;
  const count = changes.length;
  if (before.kind !== after.kind)
    changes.push({ change: 'metricKindChanged', metric, from: before.kind, to: after.kind });
  const old = new Set(before.labels.map((label) => label.name));
  const current = new Set(after.labels.map((label) => label.name));
  for (const label of current)
    if (!old.has(label)) changes.push({ change: 'labelAdded', metric, label });
  for (const label of old)
    if (!current.has(label)) changes.push({ change: 'labelRemoved', metric, label });
  return changes.length > count;
}

/** The changes from `before` (the committed catalog) to `after` (the code's). */
export function diffCatalogs(before: Catalog, after: Catalog): CatalogDiff {
  const changes: CatalogChange[] = [];
  const detailsChanged: string[] = [];
  const oldEvents = byName(before.events);
  const newEvents = byName(after.events);
  for (const event of after.events) {
    const previous = oldEvents.get(event.name);
    if (!previous)
      changes.push({
        change: 'eventAdded',
        event: event.name,
        levels: event.levels,
        locations: event.locations,
      });
    else if (
      !diffEvent(previous, event, changes) &&
      JSON.stringify(previous) !== JSON.stringify(event)
    )
      detailsChanged.push(`event ${event.name}`);
  }
  for (const event of before.events)
    if (!newEvents.has(event.name)) changes.push({ change: 'eventRemoved', event: event.name });
  const oldMetrics = byName(before.metrics);
  const newMetrics = byName(after.metrics);
  for (const metric of after.metrics) {
    const previous = oldMetrics.get(metric.name);
    if (!previous)
      changes.push({
        change: 'metricAdded',
        metric: metric.name,
        kind: metric.kind,
        locations: metric.declaredAt.length > 0 ? metric.declaredAt : metric.recordedAt,
      });
    else if (
      !diffMetric(previous, metric, changes) &&
      JSON.stringify(previous) !== JSON.stringify(metric)
    )
      detailsChanged.push(`metric ${metric.name}`);
  }
  for (const metric of before.metrics)
    if (!newMetrics.has(metric.name))
      changes.push({ change: 'metricRemoved', metric: metric.name });
  return { changes, detailsChanged: detailsChanged.sort(compareText) };
}

const at = (locations: readonly string[]) =>
  locations.length === 0
    ? ''
    : ` at ${locations.slice(0, 3).join(', ')}${locations.length > 3 ? ` and ${locations.length - 3} more` : ''}`;

/** One line per change: `+` added, `-` removed, `~` changed. */
export function formatChange(change: CatalogChange): string {
  switch (change.change) {
    case 'eventAdded':
      return `+ event ${change.event} (${change.levels.join(', ')})${at(change.locations)}`;
    case 'eventRemoved':
      return `- event ${change.event}`;
    case 'fieldAdded':
      return `+ event ${change.event}: field ${change.field} (${change.kind})`;
    case 'fieldRemoved':
      return `- event ${change.event}: field ${change.field}`;
    case 'fieldRenamed':
      return `~ event ${change.event}: field ${change.from} renamed to ${change.to} (likely)`;
    case 'fieldKindChanged':
      return `~ event ${change.event}: field ${change.field} kind ${change.from} -> ${change.to}`;
    case 'levelsChanged':
      return `~ event ${change.event}: levels ${change.from.join(', ')} -> ${change.to.join(', ')}`;
    case 'metricAdded':
      return `+ metric ${change.metric} (${change.kind})${at(change.locations)}`;
    case 'metricRemoved':
      return `- metric ${change.metric}`;
    case 'metricKindChanged':
      return `~ metric ${change.metric}: kind ${change.from} -> ${change.to}`;
    case 'labelAdded':
      return `+ metric ${change.metric}: label ${change.label}`;
    case 'labelRemoved':
      return `- metric ${change.metric}: label ${change.label}`;
  }
}
