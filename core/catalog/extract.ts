/**
 * What one file contributes to the catalog: its structured log events and its metrics, read from
 * the shared analysis (log calls, messages, metrics) in one pass over the file's indexed calls.
 */
import * as path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { isStringLiteral, memberPath, staticKeyName, unwrap } from '../model/ast';
import { lineAt, type FileModel } from '../model/file';
import type { ParsedModel } from '../model/parse';
import type { LogCall } from '../loggers/log-calls';
import { analyzeDeclaredLogCall } from '../loggers/contract';
import { constantString, messageOfCall, type MessageAnalysis } from '../messages/message';
import { isValidEventName } from '../messages/naming';
import {
  declaredLabels,
  isUnboundedLabelName,
  labelSite,
  metricDeclaration,
  metricFindings,
  observableAttributes,
  type LabelSite,
  type MetricDeclaration,
} from '../metrics/metrics';
import type { Settings } from '../model/settings';
import { fieldsOfCall, levelOfCall, type FieldOccurrence } from './fields';
import type { CatalogLabel, MetricKind } from './types';

export interface EventOccurrence {
  name: string;
  level: string;
  fields: FieldOccurrence[];
  open: boolean;
  line: number;
}

export interface MetricOccurrence {
  name: string;
  kind: MetricKind;
  library: string;
  unit?: string;
  description?: string;
  labels: CatalogLabel[];
  /** Where it is declared; null for a StatsD metric, which its calls name. */
  line: number | null;
  /** `src/metrics#requestsTotal`: how another module's import names this metric. */
  exportKeys: string[];
}

export interface MetricRecord {
  /** The metric's name, or the export key of a metric another module declares. */
  target: { name: string } | { exportKey: string };
  labels: CatalogLabel[];
  line: number;
}

export interface FileTelemetry {
  /** Relative posix path. */
  file: string;
  events: EventOccurrence[];
  metrics: MetricOccurrence[];
  records: MetricRecord[];
  /** Log calls whose message is not a constant event name: not in the catalog. */
  otherLogCalls: number;
  /** Metrics whose name is built at run time: not in the catalog. */
  dynamicMetrics: number;
}

/** The event a log call logs: its constant message when that is an event name under the settings. */
export function eventNameOf(message: MessageAnalysis | null, settings: Settings): string | null {
  return message?.kind === 'constant' && isValidEventName(message.text, settings.eventName)
    ? message.text
    : null;
}

/** The event occurrence of one analysed log call, or null when its message is not an event name. */
export function eventOfCall(
  call: LogCall,
  file: FileModel,
  settings: Settings,
): Omit<EventOccurrence, 'line'> | null {
  const name = eventNameOf(messageOfCall(call, file), settings);
  if (name === null) return null;
  const { fields, open } = fieldsOfCall(call, file, settings);
  return { name, level: levelOfCall(call), fields, open };
}

const PROM_KINDS: Record<string, MetricKind> = {
  Counter: 'counter',
  Gauge: 'gauge',
  Histogram: 'histogram',
  Summary: 'summary',
};
const OTEL_KINDS: Record<string, MetricKind> = {
  Counter: 'counter',
  Histogram: 'histogram',
  UpDownCounter: 'updowncounter',
  Gauge: 'gauge',
  ObservableGauge: 'observable-gauge',
  ObservableCounter: 'observable-counter',
  ObservableUpDownCounter: 'observable-updowncounter',
};
const STATSD_KINDS: Record<string, MetricKind> = {
  increment: 'counter',
  decrement: 'counter',
  gauge: 'gauge',
  gaugeDelta: 'gauge',
  timing: 'timing',
  timer: 'timing',
  histogram: 'histogram',
  distribution: 'distribution',
  set: 'set',
};

/** Units Prometheus names end in, as OpenTelemetry writes them (UCUM). */
const NAME_UNITS: ReadonlyArray<[RegExp, string]> = [
  [/_seconds(_total|_sum|_count)?$/, 's'],
  [/_milliseconds(_total)?$|_ms$/, 'ms'],
  [/_bytes(_total)?$/, 'By'],
  [/_ratio$/, '1'],
  [/_percent$/, '%'],
];

function unitFromName(name: string): string | undefined {
  return NAME_UNITS.find(([pattern]) => pattern.test(name))?.[1];
}

function optionString(options: TSESTree.Node | undefined, key: string, file: FileModel) {
  const object = options && unwrap(options);
  if (object?.type !== 'ObjectExpression') return undefined;
  const property = object.properties.find(
    (p): p is TSESTree.Property => p.type === 'Property' && staticKeyName(p) === key,
  );
  return (property && constantString(property.value, file)) ?? undefined;
}

function creatorName(node: TSESTree.NewExpression | TSESTree.CallExpression): string {
  const path = memberPath(unwrap(node.callee));
  return path?.[path.length - 1] ?? '';
}

/** How other modules import the metric a declaration creates: `src/metrics#requests`, and `src#requests` for an index file. */
function exportKeysOf(declaration: MetricDeclaration, relative: string): string[] {
  const declarator = declaration.node.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.id.type !== 'Identifier') return [];
  const module = relative.replace(/\.[cm]?[jt]sx?$/, '');
  const keys = [`${module}#${declarator.id.name}`];
  if (path.posix.basename(module) === 'index')
    keys.push(`${path.posix.dirname(module)}#${declarator.id.name}`);
  return keys;
}

function declarationOf(
  declaration: MetricDeclaration,
  file: FileModel,
  settings: Settings,
  relative: string,
): Omit<MetricOccurrence, 'line'> | null | 'dynamic' {
  const node = declaration.node;
  const creator = creatorName(node);
  const labelsOf = (names: string[]): CatalogLabel[] =>
    names.map((name) =>
      isUnboundedLabelName(name, settings) ? { name, unbounded: 'name' } : { name },
    );
  if (declaration.library === 'prom-client') {
    const kind = PROM_KINDS[creator.replace(/^make(\w+)Provider$/, '$1')];
    const name = declaration.name ? constantString(declaration.name, file) : null;
    if (!kind) return null;
    if (name === null) return 'dynamic';
    return {
      name,
      kind,
      library: 'prom-client',
      unit: unitFromName(name),
      description: optionString(node.arguments[0], 'help', file),
      labels: labelsOf(declaredLabels(declaration).map((label) => label.name)),
      exportKeys: exportKeysOf(declaration, relative),
    };
  }
  if (declaration.library === 'opentelemetry') {
    const kind = OTEL_KINDS[creator.replace(/^create/, '')];
    const name = declaration.name ? constantString(declaration.name, file) : null;
    if (!kind) return null;
    if (name === null) return 'dynamic';
    return {
      name,
      kind,
      library: 'opentelemetry',
      unit: optionString(node.arguments[1], 'unit', file),
      description: optionString(node.arguments[1], 'description', file),
      labels: [],
      exportKeys: exportKeysOf(declaration, relative),
    };
  }
  // StatsD clients and aws-embedded-metrics loggers are not metrics: their calls name them.
  return null;
}

/** The label names a call passes, with what makes any of them unbounded. */
function recordLabels(
  node: TSESTree.CallExpression,
  site: LabelSite,
  file: FileModel,
  settings: Settings,
): CatalogLabel[] {
  const labels = new Map<string, CatalogLabel>();
  const declared = declaredLabels(site.declaration).map((label) => label.name);
  for (const property of site.object?.properties ?? []) {
    const key = property.type === 'Property' ? staticKeyName(property) : null;
    if (key !== null) labels.set(key, { name: key });
  }
  for (const element of site.tagArray?.elements ?? []) {
    let target = element && element.type !== 'SpreadElement' ? unwrap(element) : null;
    while (target?.type === 'BinaryExpression' && target.operator === '+')
      target = unwrap(target.left);
    const text =
      target && isStringLiteral(target)
        ? target.value
        : target?.type === 'TemplateLiteral'
          ? (target.quasis[0].value.cooked ?? '')
          : '';
    const colon = text.indexOf(':');
    if (colon > 0) labels.set(text.slice(0, colon), { name: text.slice(0, colon) });
  }
  for (const finding of metricFindings(node, file, settings)) {
    if (finding.problem === 'dynamicMetricName') continue;
    let name: string | undefined;
    if (finding.problem === 'unboundedLabelName') name = finding.what;
    else {
      const property = site.object?.properties.find(
        (p): p is TSESTree.Property => p.type === 'Property' && p.value === finding.node,
      );
      const index = site.positional?.indexOf(finding.node as TSESTree.CallExpressionArgument);
      name = property
        ? (staticKeyName(property) ?? undefined)
        : index !== undefined && index >= 0
          ? declared[index]
          : undefined;
    }
    if (name === undefined) continue;
    labels.set(name, {
      name,
      unbounded: finding.problem === 'unboundedLabelName' ? 'name' : `value ${finding.what}`,
    });
  }
  return [...labels.values()];
}

/** Where the metric an import names is declared: `src/metrics#requests` for `import { requests } from './metrics'`. */
function importKey(receiver: TSESTree.Node, file: FileModel, relative: string): string | null {
  const target = unwrap(receiver);
  if (target.type !== 'Identifier') return null;
  const binding = file.imports.get(target.name);
  if (!binding?.source.startsWith('.')) return null;
  const module = path.posix
    .join(path.posix.dirname(relative), binding.source)
    .replace(/\.[cm]?[jt]sx?$/, '');
  return `${module}#${binding.imported === 'default' ? 'default' : binding.imported}`;
}

function receiverOf(node: TSESTree.CallExpression): TSESTree.Node | null {
  const callee = unwrap(node.callee);
  return callee.type === 'MemberExpression' ? callee.object : null;
}

/** Everything one parsed file contributes to the catalog. `relative` is its posix path from the root. */
export function extractFile(
  file: ParsedModel,
  settings: Settings,
  relative: string,
): FileTelemetry {
  const result: FileTelemetry = {
    file: relative,
    events: [],
    metrics: [],
    records: [],
    otherLogCalls: 0,
    dynamicMetrics: 0,
  };
  const line = (node: TSESTree.Node) => lineAt(file.text, node.range[0]);
  const declared = new Map<TSESTree.Node, string>();
  const nodes = file.nodesOfType('CallExpression', 'NewExpression');
  // Declarations first: a record earlier in the file than its metric's declaration still finds it.
  for (const node of nodes) {
    const declaration = metricDeclaration(node, file);
    if (!declaration || declaration.node !== node) continue;
    const occurrence = declarationOf(declaration, file, settings, relative);
    if (occurrence === 'dynamic') result.dynamicMetrics++;
    else if (occurrence) {
      declared.set(node, occurrence.name);
      result.metrics.push({ ...occurrence, line: line(node) });
    }
  }
  for (const node of nodes) {
    if (node.type !== 'CallExpression') continue;
    const call = analyzeDeclaredLogCall(node, file, settings);
    if (call) {
      const event = eventOfCall(call, file, settings);
      if (event) result.events.push({ ...event, line: line(node) });
      else result.otherLogCalls++;
      continue;
    }
    const site = labelSite(node, file) ?? observableAttributes(node, file);
    if (!site) continue;
    const labels = recordLabels(node, site, file, settings);
    if (site.declaration.library === 'statsd') {
      const name = site.statName ? constantString(site.statName, file) : null;
      const callee = unwrap(node.callee);
      const method = callee.type === 'MemberExpression' ? creatorName(node) : '';
      if (name === null) {
        result.dynamicMetrics++;
        continue;
      }
      result.metrics.push({
        name,
        kind: STATSD_KINDS[method] ?? 'metric',
        library: 'statsd',
        labels: [],
        line: null,
        exportKeys: [],
      });
      result.records.push({ target: { name }, labels, line: line(node) });
      continue;
    }
    const local = declared.get(site.declaration.node);
    const receiver = receiverOf(node);
    const exportKey =
      local === undefined && site.declaration.importedFrom && receiver
        ? importKey(receiver, file, relative)
        : null;
    if (local !== undefined)
      result.records.push({ target: { name: local }, labels, line: line(node) });
    else if (exportKey) result.records.push({ target: { exportKey }, labels, line: line(node) });
  }
  return result;
}
