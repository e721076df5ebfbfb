/**
 * `structured-logging catalog [paths]`: every structured log event and metric of a project, as a
 * committed `logging-catalog.json`, a Markdown page or an OpenTelemetry registry; and `--check`,
 * which fails CI when the code's telemetry differs from the committed catalog.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCatalog, serializeCatalog } from '../core/catalog/catalog';
import { diffCatalogs, formatChange, type CatalogDiff } from '../core/catalog/diff';
import { extractFile, type FileTelemetry } from '../core/catalog/extract';
import { CatalogError, readCatalog } from '../core/catalog/load';
import { renderMarkdown, renderOtel } from '../core/catalog/render';
import type { Catalog } from '../core/catalog/types';
import { mayContainLogCalls } from '../core/loggers/log-calls';
import { mayContainMetrics } from '../core/metrics/metrics';
import { ParseError, parseFile } from '../core/model/parse';
import type { Settings } from '../core/model/settings';
import { UserError } from './errors';

export const CATALOG_FILE = 'logging-catalog.json';
export const CATALOG_FORMATS = ['json', 'md', 'otel'] as const;
export type CatalogFormat = (typeof CATALOG_FORMATS)[number];

export interface CatalogRun {
  catalog: Catalog;
  files: number;
  failedFiles: string[];
  /** Log calls left out: their message is dynamic, or constant but not an event name. */
  otherLogCalls: number;
  dynamicMetrics: number;
  seconds: number;
}

const toPosix = (file: string) => file.split(path.sep).join('/');
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Reads each file once (a text test first, then one parse) and builds the catalog. */
export function collectCatalog(
  files: readonly string[],
  cwd: string,
  settingsFor: (file: string) => Settings,
): CatalogRun {
  const started = process.hrtime.bigint();
  const telemetry: FileTelemetry[] = [];
  const failedFiles: string[] = [];
  for (const filename of files) {
    const settings = settingsFor(filename);
    const text = fs.readFileSync(filename, 'utf8');
    if (!mayContainLogCalls(text, settings) && !mayContainMetrics(text)) continue;
    const relative = toPosix(path.relative(cwd, filename));
    let file;
    try {
      file = parseFile(text, filename);
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      failedFiles.push(relative);
      continue;
    }
    telemetry.push(extractFile(file, settings, relative));
  }
  return {
    catalog: buildCatalog(telemetry),
    files: files.length,
    failedFiles: failedFiles.sort(),
    otherLogCalls: telemetry.reduce((sum, file) => sum + file.otherLogCalls, 0),
    dynamicMetrics: telemetry.reduce((sum, file) => sum + file.dynamicMetrics, 0),
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
}

/** The catalog in the requested format. */
export function renderCatalog(catalog: Catalog, format: CatalogFormat): string {
  if (format === 'md') return renderMarkdown(catalog);
  if (format === 'otel') return renderOtel(catalog);
  return serializeCatalog(catalog);
}

/** The one-line summary printed on stderr after a run. */
export function catalogSummary(run: CatalogRun): string {
  const { catalog } = run;
  const sensitive = catalog.events.reduce(
    (sum, event) => sum + event.fields.filter((field) => field.sensitive).length,
    0,
  );
  const unbounded = catalog.metrics.reduce(
    (sum, metric) => sum + metric.labels.filter((label) => label.unbounded).length,
    0,
  );
  const lines = [
    `catalog: ${plural(catalog.events.length, 'event')}, ${plural(
      catalog.events.reduce((sum, event) => sum + event.fields.length, 0),
      'field',
    )}, ${plural(catalog.metrics.length, 'metric')} from ${plural(run.files, 'file')} (${run.seconds.toFixed(2)}s); ${plural(sensitive, 'sensitive field')}, ${plural(unbounded, 'unbounded label')}`,
  ];
  if (run.otherLogCalls > 0)
    lines.push(
      `  ${plural(run.otherLogCalls, 'log call')} without a constant event name left out (see no-dynamic-message, event-name-format)`,
    );
  if (run.dynamicMetrics > 0)
    lines.push(
      `  ${plural(run.dynamicMetrics, 'metric')} with a name built at run time left out (see no-unbounded-metric-labels)`,
    );
  for (const failed of run.failedFiles) lines.push(`  could not parse ${failed} (skipped)`);
  return lines.join('\n');
}

/** The committed catalog `--check` compares with; a missing or invalid file is a usage error naming it. */
export function committedCatalog(file: string, cwd: string): Catalog {
  try {
    return readCatalog(path.resolve(cwd, file), file);
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    throw new UserError(
      `--catalog: ${error.message}${/no such file$/.test(error.message) ? `; write it with \`structured-logging catalog -o ${file}\`` : ''}`,
    );
  }
}

/** The diff as text: one line per change, then what does not fail the check. */
export function formatDiff(diff: CatalogDiff, file: string): string {
  const lines: string[] = [];
  if (diff.changes.length > 0) {
    lines.push(
      `the code's telemetry differs from ${file}: ${diff.changes.length} change${diff.changes.length === 1 ? '' : 's'}`,
    );
    for (const change of diff.changes) lines.push(`  ${formatChange(change)}`);
    lines.push(
      `  review them, then rewrite the catalog (structured-logging catalog -o ${file}) and commit it`,
    );
  } else lines.push(`the code's events and metrics match ${file}`);
  if (diff.detailsChanged.length > 0)
    lines.push(
      `  note: ${diff.detailsChanged.length} entr${diff.detailsChanged.length === 1 ? 'y differs' : 'ies differ'} only in locations or details (${diff.detailsChanged.slice(0, 3).join(', ')}${diff.detailsChanged.length > 3 ? ', ...' : ''}): not a failure; a rewrite records them`,
    );
  return lines.join('\n');
}

export { diffCatalogs };
