/**
 * The catalog as a page for people (`--format md`) and as an OpenTelemetry semantic-convention
 * registry file (`--format otel`) that Weaver can check (`weaver registry check -r <dir>`).
 */
import { compareText } from './catalog';
import type { Catalog, CatalogEvent, CatalogField, FieldKind, MetricKind } from './types';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The module an event is listed under: the file of its first location, without its extension. */
export function moduleOf(event: CatalogEvent): string {
  const first = event.locations[0] ?? '';
  return first.slice(0, first.lastIndexOf(':')).replace(/\.[cm]?[jt]sx?$/, '') || '(unknown)';
}

function fieldNotes(field: CatalogField): string {
  const notes: string[] = [];
  if (field.sensitive) notes.push(`**sensitive** (${field.sensitive})`);
  if (field.values) notes.push(`logs ${field.values.map(code).join(', ')}`);
  return notes.join('; ');
}

/** The catalog as a Markdown page: events grouped by module, then metrics. */
export function renderMarkdown(catalog: Catalog): string {
  const sensitive = catalog.events.reduce(
    (sum, event) => sum + event.fields.filter((field) => field.sensitive).length,
    0,
  );
  const unbounded = catalog.metrics.reduce(
    (sum, metric) => sum + metric.labels.filter((label) => label.unbounded).length,
    0,
  );
  const lines = [
    '# Telemetry catalog',
    '',
    `${plural(catalog.events.length, 'event')}, ${plural(catalog.metrics.length, 'metric')}; ${plural(sensitive, 'sensitive field')}, ${plural(unbounded, 'unbounded label')}.`,
    'Generated from the code by `structured-logging catalog --format md`: regenerate it, do not edit it.',
    '',
    '## Events',
  ];
  const modules = new Map<string, CatalogEvent[]>();
  for (const event of catalog.events) {
    const module = moduleOf(event);
    modules.set(module, [...(modules.get(module) ?? []), event]);
  }
  if (modules.size === 0) lines.push('', 'No structured log event.');
  for (const module of [...modules.keys()].sort(compareText)) {
    lines.push('', `### ${code(module)}`);
    for (const event of modules.get(module)!) {
      lines.push('', `#### ${code(event.name)}`, '');
      lines.push(
        `Levels: ${event.levels.join(', ')}. Logged at ${event.locations.map(code).join(', ')}.`,
      );
      if (event.openFields)
        lines.push(
          '',
          'Some calls also pass fields that cannot be listed (a spread or a variable).',
        );
      if (event.fields.length === 0) {
        lines.push('', 'No fields.');
        continue;
      }
      lines.push('', '| Field | Kind | Presence | Notes |', '| --- | --- | --- | --- |');
      for (const field of event.fields)
        lines.push(
          `| ${code(field.key)} | ${field.kind} | ${field.presence} | ${cell(fieldNotes(field))} |`,
        );
    }
  }
  lines.push('', '## Metrics');
  if (catalog.metrics.length === 0) lines.push('', 'No metric.');
  for (const metric of catalog.metrics) {
    lines.push('', `#### ${code(metric.name)}`, '');
    lines.push(
      `${metric.kind}, ${metric.library}${metric.unit ? `, unit ${code(metric.unit)}` : ''}.${metric.description ? ` ${metric.description}` : ''}`,
    );
    if (metric.declaredAt.length > 0)
      lines.push('', `Declared at ${metric.declaredAt.map(code).join(', ')}.`);
    if (metric.recordedAt.length > 0)
      lines.push('', `Recorded at ${metric.recordedAt.map(code).join(', ')}.`);
    if (metric.labels.length === 0) continue;
    lines.push('', '| Label | Notes |', '| --- | --- |');
    for (const label of metric.labels)
      lines.push(
        `| ${code(label.name)} | ${label.unbounded ? cell(`**unbounded** (${label.unbounded})`) : ''} |`,
      );
  }
  return `${lines.join('\n')}\n`;
}

/** The attribute types of semantic conventions for each field kind. */
const ATTRIBUTE_TYPES: Record<FieldKind, string> = {
  id: 'string',
  count: 'int',
  duration: 'double',
  error: 'any',
  text: 'string',
  object: 'any',
  boolean: 'boolean',
  unknown: 'any',
};

/** Weaver's instruments: the synchronous names, which observable ones and Prometheus' kinds map to. */
const INSTRUMENTS: Record<MetricKind, string> = {
  counter: 'counter',
  'observable-counter': 'counter',
  gauge: 'gauge',
  'observable-gauge': 'gauge',
  set: 'gauge',
  metric: 'gauge',
  histogram: 'histogram',
  summary: 'histogram',
  timing: 'histogram',
  distribution: 'histogram',
  updowncounter: 'updowncounter',
  'observable-updowncounter': 'updowncounter',
};

/** An attribute id as semantic conventions write them: names of letters, digits and `_`, joined by dots. */
export const ATTRIBUTE_ID = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

interface Attribute {
  id: string;
  key: string;
  type: string;
  sensitive?: string;
  kinds: Set<string>;
}

/** YAML 1.2 reads a JSON string as the same string: every scalar is written that way. */
const quote = (text: string) => JSON.stringify(text);

function attributeIds(catalog: Catalog): Map<string, Attribute> {
  const byKey = new Map<string, Attribute>();
  const used = new Set<string>();
  const add = (key: string, type: string, kind: string, sensitive?: string) => {
    let attribute = byKey.get(key);
    if (!attribute) {
      let id = ATTRIBUTE_ID.test(key)
        ? key
        : key.replace(/[^A-Za-z0-9_.]/g, '_').replace(/^[^A-Za-z_]/, '_$&');
      id = id.replace(/\.{2,}/g, '.').replace(/\.$/, '_');
      for (let suffix = 2; used.has(id); suffix++) id = `${id}_${suffix}`;
      used.add(id);
      byKey.set(key, (attribute = { id, key, type, kinds: new Set() }));
    }
    if (attribute.type !== type) attribute.type = 'any';
    attribute.kinds.add(kind);
    if (sensitive) attribute.sensitive ??= sensitive;
  };
  const keys = [
    ...catalog.events.flatMap((event) =>
      event.fields.map((field) => ({
        key: field.key,
        type: ATTRIBUTE_TYPES[field.kind],
        kind: field.kind,
        sensitive: field.sensitive,
      })),
    ),
    ...catalog.metrics.flatMap((metric) =>
      metric.labels.map((label) => ({
        key: label.name,
        type: 'string',
        kind: 'label',
        sensitive: undefined as string | undefined,
      })),
    ),
  ].sort((a, b) => compareText(a.key, b.key));
  for (const entry of keys) add(entry.key, entry.type, entry.kind, entry.sensitive);
  return byKey;
}

/**
 * The catalog as a semantic-convention registry file: one `attribute_group` defining every field
 * and label once, then a `type: event` group per event and a `type: metric` group per metric that
 * reference them. Stability is `development`: nothing in the code says an event is stable.
 */
export function renderOtel(catalog: Catalog, registry = 'app'): string {
  const attributes = attributeIds(catalog);
  const lines = [
    '# Generated from the code by `structured-logging catalog --format otel`: regenerate it, do not edit it.',
    'groups:',
  ];
  if (attributes.size > 0) {
    lines.push(
      `  - id: ${quote(`registry.${registry}`)}`,
      '    type: attribute_group',
      `    brief: ${quote('Fields of the structured log events and labels of the metrics.')}`,
      '    attributes:',
    );
    for (const attribute of [...attributes.values()].sort((a, b) => compareText(a.id, b.id))) {
      const kinds = [...attribute.kinds].sort(compareText).join(', ');
      lines.push(
        `      - id: ${quote(attribute.id)}`,
        `        type: ${attribute.type}`,
        `        brief: ${quote(`Logged as ${attribute.key} (${kinds}).`)}`,
        '        stability: development',
      );
      const notes = [
        ...(attribute.id !== attribute.key ? [`The key in the code is ${attribute.key}.`] : []),
        ...(attribute.sensitive
          ? [`Sensitive (${attribute.sensitive}): redact it before it is logged.`]
          : []),
      ];
      if (notes.length > 0) lines.push(`        note: ${quote(notes.join(' '))}`);
    }
  }
  for (const event of catalog.events) {
    const where = event.locations[0] ?? '';
    const more = event.locations.length > 1 ? ` and ${event.locations.length - 1} more` : '';
    lines.push(
      `  - id: ${quote(`event.${event.name}`)}`,
      '    type: event',
      `    name: ${quote(event.name)}`,
      `    brief: ${quote(`Logged at ${event.levels.join(', ')} from ${where}${more}.`)}`,
      '    stability: development',
    );
    if (event.fields.length === 0) continue;
    lines.push('    attributes:');
    for (const field of event.fields)
      lines.push(
        `      - ref: ${quote(attributes.get(field.key)!.id)}`,
        `        requirement_level: ${field.presence === 'always' ? 'required' : 'recommended'}`,
      );
  }
  for (const metric of catalog.metrics) {
    lines.push(
      `  - id: ${quote(`metric.${metric.name}`)}`,
      '    type: metric',
      `    metric_name: ${quote(metric.name)}`,
      `    brief: ${quote(metric.description ?? `${metric.kind} from ${metric.library}.`)}`,
      '    stability: development',
      `    instrument: ${INSTRUMENTS[metric.kind] ?? 'gauge'}`,
      `    unit: ${quote(metric.unit ?? (metric.kind === 'timing' ? 'ms' : '1'))}`,
    );
    if (metric.labels.length === 0) continue;
    lines.push('    attributes:');
    for (const label of metric.labels) {
      lines.push(
        `      - ref: ${quote(attributes.get(label.name)!.id)}`,
        '        requirement_level: recommended',
      );
      if (label.unbounded)
        lines.push(
          `        note: ${quote(`Unbounded (${label.unbounded}): a time series per value.`)}`,
        );
    }
  }
  if (lines.length === 2) lines[1] = 'groups: []';
  return `${lines.join('\n')}\n`;
}
