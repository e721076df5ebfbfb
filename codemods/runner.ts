/**
 * Runs codemods over many files: per-file settings from the ESLint config that applies to the
 * file, one read and at most one atomic write per file, and a report of everything that happened.
 */
import * as path from 'node:path';
import { parseSettings, SETTINGS_KEY, type Settings } from '../core/settings';
import type { ChangeRecord, Codemod, SkipRecord } from './engine';
import { processAll, type FileResult } from './pool';
import type { FileJob } from './process-file';

export interface RunOptions {
  codemods: readonly Codemod[];
  files: readonly string[];
  cwd: string;
  /** Write changed files; false for --dry and --check. */
  write: boolean;
  /** Explicit settings from --settings: used for every file instead of the ESLint config. */
  settings?: Settings;
  /**
   * One codemod asked for by name stops when the settings cannot support it; `all` runs the
   * others and notes what it left out.
   */
  stopOnSettingsProblem?: boolean;
  onFile?: (file: string, index: number) => void;
  /** Worker threads to spread files over; 1 runs in this thread. */
  workers?: number;
  onDiff?: (patch: string) => void;
}

export interface Report {
  codemods: string[];
  written: boolean;
  settingsSource: 'eslint-config' | 'cli' | 'defaults';
  summary: {
    files: number;
    changedFiles: number;
    unchangedFiles: number;
    failedFiles: number;
    rewrittenCalls: number;
    skippedCalls: number;
    skippedByReason: Record<string, number>;
    seconds: number;
  };
  changed: Array<{ file: string; codemod: string } & ChangeRecord>;
  skipped: Array<{ file: string; codemod: string } & SkipRecord>;
  failed: Array<{ file: string; error: string; line?: number; column?: number }>;
  /** Codemods `all` could not run on some files, and why. */
  notes: string[];
  /** Paths for pino's `redact` option, from sensitive fields found in pino calls. */
  pinoRedactPaths: string[];
}

/** A codemod cannot run with the settings that apply to a file (e.g. no logger to import). */
export class SettingsProblem extends Error {}

type SettingsLookup = (file: string) => Promise<Settings>;

/** Settings per file from ESLint's own config lookup; defaults where no config applies. */
async function eslintSettingsLookup(cwd: string, report: Report): Promise<SettingsLookup> {
  let eslint: { calculateConfigForFile(file: string): Promise<{ settings?: Record<string, unknown> } | undefined> } | undefined;
  try {
    const { ESLint } = await import('eslint');
    eslint = new ESLint({ cwd });
  } catch {
    eslint = undefined;
  }
  report.settingsSource = 'defaults';
  return async (file) => {
    if (!eslint) return parseSettings(undefined);
    let config;
    try {
      config = await eslint.calculateConfigForFile(file);
      // ESLint matches only .js/.mjs/.cjs unless a config names other extensions; a project whose
      // TypeScript files are not linted yet still has one settings object, so read the .js view.
      if (config === undefined && !/\.[cm]?js$/.test(file)) config = await eslint.calculateConfigForFile(file.replace(/\.[^./]+$/, '.js'));
    } catch {
      return parseSettings(undefined);
    }
    const raw = config?.settings?.[SETTINGS_KEY];
    if (raw !== undefined) report.settingsSource = 'eslint-config';
    // Validation errors propagate: invalid settings stop the run before anything is written.
    return parseSettings(raw);
  };
}

function mergeResult(report: Report, result: FileResult, onDiff: ((patch: string) => void) | undefined): void {
  for (const change of result.changes) report.changed.push(change);
  for (const skip of result.skips) {
    report.skipped.push(skip);
    report.summary.skippedByReason[skip.reason] = (report.summary.skippedByReason[skip.reason] ?? 0) + 1;
  }
  for (const redactPath of result.redactPaths) if (!report.pinoRedactPaths.includes(redactPath)) report.pinoRedactPaths.push(redactPath);
  if (result.failure) {
    report.failed.push(result.failure);
    report.summary.failedFiles++;
  } else if (result.changed) {
    report.summary.changedFiles++;
    if (result.patch !== undefined) onDiff?.(result.patch);
  } else {
    report.summary.unchangedFiles++;
  }
}

export async function runCodemods(options: RunOptions): Promise<Report> {
  const started = process.hrtime.bigint();
  const report: Report = {
    codemods: options.codemods.map((codemod) => codemod.name),
    written: options.write,
    settingsSource: options.settings ? 'cli' : 'defaults',
    summary: { files: options.files.length, changedFiles: 0, unchangedFiles: 0, failedFiles: 0, rewrittenCalls: 0, skippedCalls: 0, skippedByReason: {}, seconds: 0 },
    changed: [],
    skipped: [],
    failed: [],
    notes: [],
    pinoRedactPaths: [],
  };
  const fixed = options.settings;
  const lookup: SettingsLookup = fixed ? async () => fixed : await eslintSettingsLookup(options.cwd, report);
  // Settings for every file first: a codemod that cannot run with them stops before any write.
  const jobs: FileJob[] = [];
  for (const file of options.files) {
    const relative = path.relative(options.cwd, file) || file;
    const settings = await lookup(file);
    const runnable = options.codemods.filter((codemod) => {
      const problem = codemod.checkSettings?.(settings);
      if (!problem) return true;
      if (options.stopOnSettingsProblem) throw new SettingsProblem(`${relative}: ${problem}`);
      if (!report.notes.includes(problem)) report.notes.push(problem);
      return false;
    });
    jobs.push({ file, relative, settings, codemods: runnable.map((codemod) => codemod.name), cwd: options.cwd, write: options.write, diff: options.onDiff !== undefined });
  }
  const results = await processAll(jobs, options.workers ?? 1, (index) => options.onFile?.(options.files[index], index));
  // Results are merged in file order, whichever worker finished first.
  for (const result of results) mergeResult(report, result, options.onDiff);
  report.pinoRedactPaths.sort();
  report.summary.rewrittenCalls = report.changed.length;
  report.summary.skippedCalls = report.skipped.length;
  report.summary.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return report;
}
