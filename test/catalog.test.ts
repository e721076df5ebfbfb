/**
 * The telemetry catalog (issue 24), in-process: extraction from the shared analysis, stable output,
 * the diff `--check` prints, the Markdown page and the OpenTelemetry registry checked against the
 * facts of Weaver's schema, and the committed catalog of fixtures/sample-service.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { collectCatalog, renderCatalog, CATALOG_FILE } from '../codemods/catalog';
import { collectFiles } from '../codemods/files';
import { runCatalogCommand } from '../codemods/cli';
import { UserError } from '../codemods/errors';
import { serializeCatalog } from '../core/catalog/catalog';
import { diffCatalogs, formatChange } from '../core/catalog/diff';
import { CatalogError, readCatalog, validateCatalog } from '../core/catalog/load';
import type { Catalog, CatalogEvent } from '../core/catalog/types';
import { parseSettings, type Settings } from '../core/model/settings';
import { FIXTURES } from './fixtures';

const SERVICE = path.join(FIXTURES, 'catalog', 'service');
const SAMPLE = path.join(FIXTURES, 'sample-service');
/** The settings fixtures/sample-service/eslint.config.js gives its files. */
const SAMPLE_SETTINGS = parseSettings({
  style: 'pino',
  logger: { importFrom: './logger', importName: 'logger' },
});

async function catalogOf(root: string, settings: Settings = parseSettings({}), reverse = false) {
  const files = await collectFiles(['src'], root);
  return collectCatalog(reverse ? [...files].reverse() : files, root, () => settings);
}

const event = (catalog: Catalog, name: string): CatalogEvent => {
  const found = catalog.events.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no event ${name} in ${catalog.events.map((e) => e.name)}`);
  return found;
};
const field = (catalog: Catalog, name: string, key: string) =>
  event(catalog, name).fields.find((candidate) => candidate.key === key);
const metric = (catalog: Catalog, name: string) =>
  catalog.metrics.find((candidate) => candidate.name === name);

describe('catalog extraction', () => {
  it('lists each constant event with its levels, fields, kinds and every location', async () => {
    const { catalog, otherLogCalls } = await catalogOf(SERVICE);
    expect(catalog.schemaVersion).toBe(1);
    expect(catalog.events.map((e) => e.name)).toEqual([
      'cache.evicted',
      'order.created',
      'order.shipped',
      'payment.charged',
      'payment.crashed',
      'payment.failed',
    ]);
    // `Order ${id} created` is a dynamic message: not an event, counted apart.
    expect(otherLogCalls).toBe(1);
    const created = event(catalog, 'order.created');
    expect(created.levels).toEqual(['info']);
    expect(created.locations).toEqual(['src/orders.ts:10', 'src/orders.ts:13']);
    expect(field(catalog, 'order.created', 'orderId')).toEqual({
      key: 'orderId',
      kind: 'id',
      presence: 'always',
      values: ['order.id'],
    });
    expect(field(catalog, 'order.created', 'userId')?.presence).toBe('sometimes');
    expect(field(catalog, 'order.created', 'durationMs')?.kind).toBe('duration');
    expect(field(catalog, 'order.created', 'itemsCount')?.kind).toBe('count');
    expect(field(catalog, 'order.created', 'cached')?.kind).toBe('boolean');
    // The key says nothing; the value it logs (`user.id`) does.
    expect(field(catalog, 'payment.charged', 'uid')?.kind).toBe('id');
    // pino's error-first call logs the error under `err`.
    expect(event(catalog, 'payment.crashed').fields).toEqual([
      { key: 'err', kind: 'error', presence: 'always' },
    ]);
  });

  it("reads winston's level argument, and marks an event some call spreads fields into", async () => {
    const { catalog } = await catalogOf(SERVICE);
    const evicted = event(catalog, 'cache.evicted');
    expect(evicted.levels).toEqual(['info', 'warn']);
    expect(evicted.openFields).toBe(true);
    expect(field(catalog, 'cache.evicted', 'size')).toMatchObject({
      kind: 'count',
      presence: 'sometimes',
    });
  });

  it('marks sensitive fields from the sensitive-data analysis', async () => {
    const { catalog } = await catalogOf(SERVICE);
    expect(field(catalog, 'payment.failed', 'password')?.sensitive).toBe('secret');
    const marked = catalog.events.flatMap((e) => e.fields.filter((f) => f.sensitive));
    expect(marked.map((f) => f.key)).toEqual(['password']);
  });

  it('lists each metric with its kind, labels, unit, where declared and where recorded, across modules', async () => {
    const { catalog } = await catalogOf(SERVICE);
    expect(catalog.metrics.map((m) => [m.name, m.kind, m.library])).toEqual([
      ['cache.miss', 'counter', 'statsd'],
      ['http_request_duration_seconds', 'histogram', 'prom-client'],
      ['http_requests_total', 'counter', 'prom-client'],
      ['jobs.completed', 'counter', 'opentelemetry'],
    ]);
    const requests = metric(catalog, 'http_requests_total')!;
    expect(requests.labels).toEqual([{ name: 'method' }, { name: 'route' }, { name: 'status' }]);
    expect(requests.declaredAt).toEqual(['src/metrics.ts:3']);
    // Recorded in another module, through the import of the exported counter.
    expect(requests.recordedAt).toEqual(['src/orders.ts:11']);
    expect(metric(catalog, 'http_request_duration_seconds')).toMatchObject({
      unit: 's',
      description: 'Time to serve a request',
    });
    expect(metric(catalog, 'jobs.completed')).toMatchObject({
      unit: '{job}',
      declaredAt: ['src/jobs.ts:9'],
      recordedAt: ['src/jobs.ts:15'],
    });
    expect(metric(catalog, 'cache.miss')).toMatchObject({
      declaredAt: [],
      recordedAt: ['src/jobs.ts:16'],
      labels: [{ name: 'cache' }],
    });
  });

  it('marks unbounded labels: by name where declared, by value where recorded', async () => {
    const { catalog } = await catalogOf(SERVICE);
    expect(metric(catalog, 'http_request_duration_seconds')!.labels).toEqual([
      { name: 'route', unbounded: 'value req.path' },
      { name: 'userId', unbounded: 'name' },
    ]);
    expect(metric(catalog, 'jobs.completed')!.labels).toEqual([
      { name: 'jobId', unbounded: 'name' },
      { name: 'queue' },
    ]);
  });

  it('writes the same bytes whatever order the files are read in', async () => {
    const forward = serializeCatalog((await catalogOf(SERVICE)).catalog);
    const backward = serializeCatalog((await catalogOf(SERVICE, undefined, true)).catalog);
    expect(backward).toBe(forward);
    expect(forward).not.toMatch(/\d{4}-\d\d-\d\dT/);
    expect(forward).not.toContain('\\\\');
    expect(forward.endsWith('}\n')).toBe(true);
  });
});

describe('fixtures/sample-service/logging-catalog.json', () => {
  it('is the catalog the code has now (regenerate it with `structured-logging catalog src -o logging-catalog.json`)', async () => {
    const committed = fs.readFileSync(path.join(SAMPLE, CATALOG_FILE), 'utf8');
    const { catalog } = await catalogOf(SAMPLE, SAMPLE_SETTINGS);
    expect(serializeCatalog(catalog)).toBe(committed);
    expect(catalog.events.length).toBeGreaterThan(0);
  });
});

function withLocationsMoved(catalog: Catalog): Catalog {
  const moved = structuredClone(catalog);
  for (const e of moved.events)
    e.locations = e.locations.map((l) => l.replace(/:(\d+)$/, (_, n) => `:${Number(n) + 7}`));
  for (const m of moved.metrics) m.declaredAt = m.declaredAt.map((l) => `${l}0`);
  return moved;
}

describe('catalog diff', () => {
  it('finds no change between a catalog and itself, and only details when lines move', async () => {
    const { catalog } = await catalogOf(SERVICE);
    expect(diffCatalogs(catalog, catalog)).toEqual({ changes: [], detailsChanged: [] });
    const moved = diffCatalogs(withLocationsMoved(catalog), catalog);
    expect(moved.changes).toEqual([]);
    expect(moved.detailsChanged).toContain('event order.created');
    expect(moved.detailsChanged).toContain('metric http_requests_total');
  });

  it('reports events, fields, renames, kinds, levels, metrics and labels, one readable line each', async () => {
    const { catalog } = await catalogOf(SERVICE);
    const before = structuredClone(catalog);
    // What the committed catalog had that the code no longer has, and the other way round.
    before.events = before.events.filter((e) => e.name !== 'order.shipped');
    before.events.push({ name: 'order.cancelled', levels: ['info'], fields: [], locations: [] });
    const created = before.events.find((e) => e.name === 'order.created')!;
    created.fields = created.fields.map((f) =>
      f.key === 'orderId'
        ? { ...f, key: 'order_id' }
        : f.key === 'cached'
          ? { ...f, kind: 'text' }
          : f,
    );
    created.fields.push({ key: 'region', kind: 'text', presence: 'always' });
    created.fields = created.fields.filter((f) => f.key !== 'durationMs');
    event(before, 'payment.failed').levels = ['error'];
    before.metrics = before.metrics.filter((m) => m.name !== 'cache.miss');
    before.metrics.find((m) => m.name === 'http_requests_total')!.labels.push({ name: 'tenant' });
    const lines = diffCatalogs(before, catalog).changes.map(formatChange);
    expect(lines).toEqual([
      '~ event order.created: field order_id renamed to orderId (likely)',
      '- event order.created: field region',
      '+ event order.created: field durationMs (duration)',
      '~ event order.created: field cached kind text -> boolean',
      '+ event order.shipped (info) at src/orders.ts:21, src/orders.ts:25',
      '~ event payment.failed: levels error -> warn',
      '- event order.cancelled',
      '+ metric cache.miss (counter) at src/jobs.ts:16',
      '- metric http_requests_total: label tenant',
    ]);
  });
});

describe('committed catalog files', () => {
  it('names the file and the entry when a catalog is invalid', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-'));
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(
      file,
      '{ "schemaVersion": 1, "events": [{ "name": "a", "levels": [] }], "metrics": [] }',
    );
    expect(() => readCatalog(file, 'bad.json')).toThrow(
      'bad.json: events[0] (a): "locations" is not a list of strings',
    );
    fs.writeFileSync(file, '{');
    expect(() => readCatalog(file, 'bad.json')).toThrow(/^bad\.json: not valid JSON/);
    expect(() => readCatalog(path.join(dir, 'none.json'), 'none.json')).toThrow(
      new CatalogError('none.json', 'no such file'),
    );
    expect(() => validateCatalog({ schemaVersion: 2, events: [], metrics: [] }, 'x')).toThrow(
      /schemaVersion 2 is not 1/,
    );
  });
});

describe('--format md', () => {
  it('groups events by module and marks sensitive fields and unbounded labels', async () => {
    const page = renderCatalog((await catalogOf(SERVICE)).catalog, 'md');
    expect(page).toContain('6 events, 4 metrics; 1 sensitive field, 3 unbounded labels.');
    const modules = [...page.matchAll(/^### `(.*)`$/gm)].map((match) => match[1]);
    expect(modules).toEqual(['src/jobs', 'src/orders', 'src/payments']);
    expect(page).toContain(
      '| `password` | unknown | always | **sensitive** (secret); logs `user.password` |',
    );
    expect(page).toContain('| `userId` | **unbounded** (name) |');
    expect(page).toContain('Levels: info, warn. Logged at `src/jobs.ts:17`, `src/jobs.ts:18`.');
  });
});

/**
 * Facts of Weaver's semantic-convention schema (open-telemetry/weaver, schemas/semconv.schema.json
 * and semconv-syntax.md), vendored: the registry `--format otel` writes must satisfy them.
 */
const WEAVER = {
  groupTypes: ['span', 'entity', 'metric', 'event', 'attribute_group'],
  groupRequired: ['id', 'type', 'brief'],
  stability: ['stable', 'development', 'alpha', 'beta', 'release_candidate'],
  instruments: ['counter', 'gauge', 'histogram', 'updowncounter'],
  metricRequired: ['metric_name', 'instrument', 'unit'],
  attributeRequired: ['id', 'type', 'stability'],
  attributeTypes: [
    'string',
    'int',
    'double',
    'boolean',
    'any',
    'string[]',
    'int[]',
    'double[]',
    'boolean[]',
  ],
  requirementLevels: ['required', 'recommended', 'opt_in'],
  /** Attribute names: segments of letters, digits and `_`, joined by dots. */
  attributeId: /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/,
};

type Group = Record<string, unknown> & { attributes?: Array<Record<string, unknown>> };

function weaverProblems(registry: { groups: Group[] }): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const attributes = new Set<string>();
  for (const group of registry.groups)
    for (const attribute of group.attributes ?? [])
      if (typeof attribute.id === 'string') {
        if (attributes.has(attribute.id)) problems.push(`attribute ${attribute.id} defined twice`);
        attributes.add(attribute.id);
      }
  for (const group of registry.groups) {
    const where = String(group.id);
    for (const key of WEAVER.groupRequired)
      if (!(key in group)) problems.push(`${where}: no ${key}`);
    if (ids.has(where)) problems.push(`${where}: duplicate group id`);
    ids.add(where);
    if (!WEAVER.groupTypes.includes(String(group.type)))
      problems.push(`${where}: type ${group.type}`);
    if (group.type !== 'attribute_group' && !WEAVER.stability.includes(String(group.stability)))
      problems.push(`${where}: stability ${group.stability}`);
    if (group.type === 'attribute_group' && !group.attributes?.length)
      problems.push(`${where}: an attribute_group needs attributes`);
    if (group.type === 'event' && typeof group.name !== 'string')
      problems.push(`${where}: no name`);
    if (group.type === 'metric') {
      for (const key of WEAVER.metricRequired)
        if (!(key in group)) problems.push(`${where}: no ${key}`);
      if (!WEAVER.instruments.includes(String(group.instrument)))
        problems.push(`${where}: instrument ${group.instrument}`);
    }
    for (const attribute of group.attributes ?? []) {
      if ('ref' in attribute) {
        if (!attributes.has(String(attribute.ref)))
          problems.push(`${where}: ref ${attribute.ref} to nothing`);
      } else {
        for (const key of WEAVER.attributeRequired)
          if (!(key in attribute)) problems.push(`${where}: attribute without ${key}`);
        if (!WEAVER.attributeTypes.includes(String(attribute.type)))
          problems.push(`${where}: attribute type ${attribute.type}`);
        if (!WEAVER.attributeId.test(String(attribute.id)))
          problems.push(`${where}: attribute id ${attribute.id}`);
        if (!WEAVER.stability.includes(String(attribute.stability)))
          problems.push(`${where}: attribute stability ${attribute.stability}`);
      }
      if (
        'requirement_level' in attribute &&
        !WEAVER.requirementLevels.includes(String(attribute.requirement_level))
      )
        problems.push(`${where}: requirement_level ${attribute.requirement_level}`);
    }
  }
  return problems;
}

describe('--format otel', () => {
  it('writes a registry that meets the facts of Weaver’s schema', async () => {
    const { catalog } = await catalogOf(SERVICE);
    // A key no attribute name can be: it is renamed, and the note keeps the key.
    catalog.events[0].fields.push({ key: 'x-request-id', kind: 'id', presence: 'sometimes' });
    const yaml = renderCatalog(catalog, 'otel');
    const registry = parseYaml(yaml) as { groups: Group[] };
    expect(Object.keys(registry)).toEqual(['groups']);
    expect(weaverProblems(registry)).toEqual([]);
    const byId = new Map(registry.groups.map((group) => [group.id, group]));
    expect(byId.get('event.order.created')).toMatchObject({
      type: 'event',
      name: 'order.created',
      attributes: expect.arrayContaining([{ ref: 'orderId', requirement_level: 'required' }]),
    });
    expect(byId.get('metric.http_request_duration_seconds')).toMatchObject({
      type: 'metric',
      metric_name: 'http_request_duration_seconds',
      instrument: 'histogram',
      unit: 's',
      brief: 'Time to serve a request',
    });
    const attributes = byId.get('registry.app')!.attributes!;
    expect(attributes.find((a) => a.id === 'x_request_id')?.note).toBe(
      'The key in the code is x-request-id.',
    );
    expect(attributes.find((a) => a.id === 'password')?.note).toMatch(/^Sensitive \(secret\)/);
    expect(attributes.find((a) => a.id === 'itemsCount')?.type).toBe('int');
  });

  it('writes an empty registry for code without events or metrics', () => {
    const yaml = renderCatalog({ schemaVersion: 1, events: [], metrics: [] }, 'otel');
    expect(parseYaml(yaml)).toEqual({ groups: [] });
  });

  it('catches a registry that breaks the schema (the check is not vacuous)', () => {
    expect(
      weaverProblems({
        groups: [
          {
            id: 'metric.x',
            type: 'metric',
            brief: 'x',
            stability: 'experimental',
            instrument: 'meter',
          },
        ],
      }),
    ).toEqual([
      'metric.x: stability experimental',
      'metric.x: no metric_name',
      'metric.x: no unit',
      'metric.x: instrument meter',
    ]);
  });
});

describe('the catalog command, in-process', () => {
  function project(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-command-'));
    fs.cpSync(path.join(SERVICE, 'src'), path.join(dir, 'src'), { recursive: true });
    return dir;
  }
  function streams() {
    const out = { stdout: '', stderr: '' };
    return {
      out,
      io: {
        stdout: { write: (text: string) => (out.stdout += text) },
        stderr: { write: (text: string) => (out.stderr += text) },
      },
    };
  }
  const flags = { settings: '{}' };

  it('writes the catalog with -o, then --check passes (0), fails on a change (1), and ignores moved lines', async () => {
    const dir = project();
    const first = streams();
    expect(
      await runCatalogCommand(['src'], { ...flags, output: CATALOG_FILE }, dir, first.io),
    ).toBe(0);
    expect(first.out.stdout).toBe('');
    expect(first.out.stderr).toMatch(/^catalog: 6 events, \d+ fields, 4 metrics from 5 files/);
    expect(first.out.stderr).toContain(`wrote ${CATALOG_FILE}`);

    const same = streams();
    expect(await runCatalogCommand(['src'], { ...flags, check: true }, dir, same.io)).toBe(0);
    expect(same.out.stdout).toBe(`the code's events and metrics match ${CATALOG_FILE}\n`);

    const orders = path.join(dir, 'src/orders.ts');
    fs.writeFileSync(orders, `// a comment moves every line\n${fs.readFileSync(orders, 'utf8')}`);
    const moved = streams();
    expect(await runCatalogCommand(['src'], { ...flags, check: true }, dir, moved.io)).toBe(0);
    expect(moved.out.stdout).toContain('differ only in locations or details');

    fs.writeFileSync(orders, fs.readFileSync(orders, 'utf8').replace('itemsCount:', 'item_count:'));
    const changed = streams();
    expect(await runCatalogCommand(['src'], { ...flags, check: true }, dir, changed.io)).toBe(1);
    expect(changed.out.stdout).toContain(
      '~ event order.created: field itemsCount renamed to item_count (likely)',
    );
    const json = streams();
    expect(
      await runCatalogCommand(['src'], { ...flags, check: true, json: true }, dir, json.io),
    ).toBe(1);
    expect(JSON.parse(json.out.stdout).changes).toEqual([
      { change: 'fieldRenamed', event: 'order.created', from: 'itemsCount', to: 'item_count' },
    ]);
  });

  it('prints the Markdown page and the registry on stdout', async () => {
    const dir = project();
    const md = streams();
    expect(await runCatalogCommand(['src'], { ...flags, format: 'md' }, dir, md.io)).toBe(0);
    expect(md.out.stdout).toMatch(/^# Telemetry catalog\n/);
    const otel = streams();
    expect(await runCatalogCommand(['src'], { ...flags, format: 'otel' }, dir, otel.io)).toBe(0);
    expect(weaverProblems(parseYaml(otel.out.stdout))).toEqual([]);
  });

  it('a missing or invalid committed catalog, and flags that do not go together, are usage errors naming them', async () => {
    const dir = project();
    const { io } = streams();
    await expect(runCatalogCommand(['src'], { ...flags, check: true }, dir, io)).rejects.toThrow(
      new UserError(
        `--catalog: ${CATALOG_FILE}: no such file; write it with \`structured-logging catalog -o ${CATALOG_FILE}\``,
      ),
    );
    fs.writeFileSync(path.join(dir, 'old.json'), '[]');
    await expect(
      runCatalogCommand(['src'], { ...flags, check: true, catalog: 'old.json' }, dir, io),
    ).rejects.toThrow('--catalog: old.json: not a catalog (expected a JSON object)');
    await expect(
      runCatalogCommand(['src'], { ...flags, check: true, format: 'md' }, dir, io),
    ).rejects.toThrow('--check compares the JSON catalog; --format does not apply');
    await expect(
      runCatalogCommand(['src'], { ...flags, output: 'missing/dir/x.json' }, dir, io),
    ).rejects.toThrow(/^--output: the directory .* does not exist$/);
  });
});
