/**
 * The telemetry catalog: every structured log event and every metric of a project, as committed in
 * `logging-catalog.json`. Sorted and free of timestamps, so that two runs over the same code write
 * the same bytes and a change to the code's telemetry reads as a small diff.
 */

export const CATALOG_SCHEMA_VERSION = 1;

/** What a field holds, inferred from its key and the logged expression. */
export type FieldKind =
  'id' | 'count' | 'duration' | 'error' | 'text' | 'object' | 'boolean' | 'unknown';

export const FIELD_KINDS: readonly FieldKind[] = [
  'id',
  'count',
  'duration',
  'error',
  'text',
  'object',
  'boolean',
  'unknown',
];

export interface CatalogField {
  key: string;
  kind: FieldKind;
  /** `always` when every call of the event logs the field, `sometimes` otherwise. */
  presence: 'always' | 'sometimes';
  /** The logged member paths (`user.id`), at most a few: what tells one key's value from another's. */
  values?: string[];
  /** The sensitive-data category of the key or value (secret, financial, personal...). */
  sensitive?: string;
}

export interface CatalogEvent {
  /** The constant message, an event name under the project's convention. */
  name: string;
  levels: string[];
  fields: CatalogField[];
  /** Some call passes fields the analysis cannot list (a spread, a variable). */
  openFields?: boolean;
  /** `file:line`, relative posix paths, in file then line order. */
  locations: string[];
}

export type MetricKind =
  | 'counter'
  | 'gauge'
  | 'histogram'
  | 'summary'
  | 'updowncounter'
  | 'observable-counter'
  | 'observable-gauge'
  | 'observable-updowncounter'
  | 'timing'
  | 'distribution'
  | 'set'
  | 'metric';

export interface CatalogLabel {
  name: string;
  /** Why the label has a value per user, request or moment, when it does. */
  unbounded?: string;
}

export interface CatalogMetric {
  name: string;
  kind: MetricKind;
  library: string;
  unit?: string;
  description?: string;
  labels: CatalogLabel[];
  declaredAt: string[];
  recordedAt: string[];
}

export interface Catalog {
  schemaVersion: typeof CATALOG_SCHEMA_VERSION;
  events: CatalogEvent[];
  metrics: CatalogMetric[];
}
