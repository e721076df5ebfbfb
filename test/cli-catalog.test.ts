/**
 * `structured-logging catalog` through the built CLI, as CI runs it: write the catalog, check it
 * (exit 0), change a field in the code (exit 1 with the diff), and a missing catalog (exit 2).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, makeRepo, oneLineError, read, ROOT, run } from './cli-helpers';

const SERVICE = path.join(ROOT, 'fixtures/catalog/service/src');

function serviceFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of fs.readdirSync(SERVICE))
    files[`src/${name}`] = fs.readFileSync(path.join(SERVICE, name), 'utf8');
  return files;
}

beforeAll(assertBuilt);

describe('catalog through the CLI', () => {
  it('writes the catalog, then --check passes, fails on a renamed field, and names a missing file', () => {
    const dir = makeRepo(serviceFiles());
    const write = run(dir, 'catalog', 'src', '-o', 'logging-catalog.json', '--settings', '{}');
    expect(write.code).toBe(0);
    const catalog = JSON.parse(read(dir, 'logging-catalog.json'));
    expect(catalog.schemaVersion).toBe(1);
    expect(catalog.events.length).toBeGreaterThan(0);

    const same = run(dir, 'catalog', 'src', '--check', '--settings', '{}');
    expect(same.code).toBe(0);

    // Rename one logged field of one event in the code: the check fails and says which.
    const event = catalog.events.find((entry: { fields: unknown[] }) => entry.fields.length > 0);
    const key: string = event.fields[0].key;
    const [file, line] = event.locations[0].split(':');
    const lines = read(dir, file).split('\n');
    const index = Number(line) - 1;
    const renamed = lines[index].replace(new RegExp(`\\b${key}\\b`), `${key}Renamed`);
    expect(renamed).not.toBe(lines[index]);
    lines[index] = renamed;
    fs.writeFileSync(path.join(dir, file), lines.join('\n'));
    const changed = run(dir, 'catalog', 'src', '--check', '--settings', '{}');
    expect(changed.code).toBe(1);
    expect(changed.stdout + changed.stderr).toContain(event.name);
    expect(changed.stdout + changed.stderr).toContain(key);

    const missing = run(dir, 'catalog', 'src', '--check', '--catalog', 'nope.json');
    expect(missing.code).toBe(2);
    expect(oneLineError(missing)).toContain('nope.json');
  });

  it('renders Markdown and an OpenTelemetry registry', () => {
    const dir = makeRepo(serviceFiles());
    const md = run(dir, 'catalog', 'src', '--format', 'md', '--settings', '{}');
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Telemetry catalog/);
    const otel = run(dir, 'catalog', 'src', '--format', 'otel', '--settings', '{}');
    expect(otel.code).toBe(0);
    expect(otel.stdout).toContain('groups:');
    expect(otel.stdout).toMatch(/type: (event|metric)/);
  });
});
