/**
 * Runs codemods over many files: per-file settings from the ESLint config that applies to the
 * file, one read and at most one atomic write per file, and a report of everything that happened.
 */
import * as path from 'node:path';
import { parseSettings, SETTINGS_KEY, SettingsError, type Settings } from '../core/model/settings';
import type { ChangeRecord, Codemod, SkipRecord } from './engine';
import { UserError } from './errors';
import { applyLoggerRedactions } from './logger-redactions';
import { processAll, type FileResult } from './pool';
import type { FileJob } from './process-file';

export interface RunOptions {
  /** A tsconfig whose type checker logger contracts may ask (--project). */
  project?: string;
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
  /**
   * Also rewrite files where the codemod's rule is off (in the ESLint config, or, where that config
   * does not name this plugin's rules, in the recommended preset: tests, scripts, CLIs).
   */
  includeRuleOff?: boolean;
}

/** Bumped when a field of the JSON report changes meaning or goes away; new fields do not bump it. */
export const REPORT_SCHEMA_VERSION = 1;

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
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
    /** Skips counted by reason, module paths replaced by `<path>` (see reasonKey); each skip keeps its full reason. */
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
  /** pino loggers created in the project whose `redact` option took paths, and the calls that needed them. */
  loggerRedactions: Array<{ logger: string; paths: string[]; calls: string[] }>;
}

/** A codemod cannot run with the settings that apply to a file (e.g. no logger to import). */
export class SettingsProblem extends UserError {}

type SettingsLookup = (file: string) => Promise<Settings>;

type FileConfig = { settings?: Record<string, unknown>; rules?: Record<string, unknown> };

interface ConfigLookup {
  calculateConfigForFile(file: string): Promise<FileConfig | undefined>;
  findConfigFile(file?: string): Promise<string | undefined>;
}

/**
 * Why a config did not load, on one line, naming the file. Node starts the stack of a CommonJS syntax
 * error with `file:line`; an ES module's gives no line.
 */
function loadFailure(error: unknown, configFile: string | undefined, cwd: string): string {
  const { name, message, stack } = error as Error;
  const line =
    configFile && stack?.startsWith(`${configFile}:`)
      ? /^[^\n]*:(\d+)\n/.exec(stack)?.[1]
      : undefined;
  const where = configFile
    ? `${path.relative(cwd, configFile)}${line ? ` (line ${line})` : ''}`
    : 'the ESLint config';
  return `could not load ${where}: ${name}: ${message.split('\n')[0]}`;
}

/**
 * The ESLint config for a file; undefined where no config file applies. One that exists but does not
 * load stops the run, naming the file: defaults in its place would rewrite every file the wrong way.
 */
async function configFor(
  eslint: ConfigLookup,
  file: string,
  cwd: string,
): Promise<FileConfig | undefined> {
  try {
    const config = await eslint.calculateConfigForFile(file);
    // ESLint matches only .js/.mjs/.cjs unless a config names other extensions; a project whose
    // TypeScript files are not linted yet still has one settings object, so read the .js view.
    if (config === undefined && !/\.[cm]?js$/.test(file))
      return await eslint.calculateConfigForFile(file.replace(/\.[^./]+$/, '.js'));
    return config;
  } catch (error) {
    if ((error as { messageTemplate?: string }).messageTemplate === 'config-file-missing')
      return undefined;
    throw new UserError(loadFailure(error, await eslint.findConfigFile(file), cwd));
  }
}

/**
 * The ESLint config that applies to each file, worked out once per file for both questions the run
 * asks of it (the settings, and which of the plugin's rules are off); `eslint` is undefined when
 * ESLint cannot be loaded (it is a peer dependency).
 */
interface UserConfigs {
  eslint: ConfigLookup | undefined;
  configOf(file: string): Promise<FileConfig | undefined>;
}

async function userConfigs(cwd: string): Promise<UserConfigs> {
  let eslint: ConfigLookup | undefined;
  try {
    const { ESLint } = await import('eslint');
    eslint = new ESLint({ cwd });
  } catch {
    eslint = undefined;
  }
  const byFile = new Map<string, Promise<FileConfig | undefined>>();
  return {
    eslint,
    configOf(file) {
      if (!eslint) return Promise.resolve(undefined);
      let config = byFile.get(file);
      if (!config) byFile.set(file, (config = configFor(eslint, file, cwd)));
      return config;
    },
  };
}

/** A rule's severity in a calculated config is 0, 'off', [0] or ['off'] when it is off. */
function isOff(entry: unknown): boolean {
  const severity = Array.isArray(entry) ? entry[0] : entry;
  return severity === 0 || severity === 'off';
}

/**
 * Which of this plugin's rules are off for a file: in the ESLint config that applies to it when that
 * config names the plugin's rules, else in the recommended preset (its tests, scripts and CLI
 * folders). A codemod leaves a file its rule does not check: the rule's verdict and the rewrite
 * come from one model.
 */
async function ruleOffLookup(
  cwd: string,
  user: UserConfigs,
): Promise<(file: string) => Promise<Set<string>>> {
  let preset: ConfigLookup | undefined;
  try {
    const { ESLint } = await import('eslint');
    const { configs } = await import('../rules/index.js');
    preset = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: configs.recommended });
  } catch {
    return async () => new Set();
  }
  const offIn = (config: FileConfig | undefined): Set<string> | undefined => {
    const ours = Object.entries(config?.rules ?? {}).filter(([rule]) =>
      rule.startsWith(`${SETTINGS_KEY}/`),
    );
    if (ours.length === 0) return undefined;
    return new Set(
      ours.filter(([, entry]) => isOff(entry)).map(([rule]) => rule.slice(SETTINGS_KEY.length + 1)),
    );
  };
  return async (file) => {
    let fromUser: Set<string> | undefined;
    try {
      fromUser = offIn(await user.configOf(file));
    } catch {
      // A config that does not load has stopped the run already, in the settings lookup.
      fromUser = undefined;
    }
    return fromUser ?? offIn(await configFor(preset!, file, cwd)) ?? new Set();
  };
}

/** ESLint's line-length rule and @stylistic's copies of it, which take the same options. */
const MAX_LEN_RULES = [
  'max-len',
  '@stylistic/max-len',
  '@stylistic/js/max-len',
  '@stylistic/ts/max-len',
];

/**
 * The line width a file's ESLint config enforces: the first max-len rule that is on, its width given
 * as a number or as `code` in its options object (a number wins, as in the rule); ESLint's default
 * is 80. Undefined when no such rule is on.
 */
function maxLenOf(config: FileConfig | undefined): number | undefined {
  const entry = MAX_LEN_RULES.map((rule) => config?.rules?.[rule]).find(
    (rule) => rule !== undefined && !isOff(rule),
  );
  if (entry === undefined) return undefined;
  const options: unknown[] = Array.isArray(entry) ? entry.slice(1) : [];
  const last = options.at(-1);
  const code =
    typeof options[0] === 'number' ? options[0] : (last as { code?: unknown } | undefined)?.code;
  return typeof code === 'number' ? code : 80;
}

const withWidths = new WeakMap<Settings, Map<number, Settings>>();

/**
 * The settings with the width the file's max-len enforces as `printWidth`, when they give none. The
 * same settings and width always give the same object: settings are identity keys of what a file
 * remembers (file.remember), so a new object per file would work everything out again.
 */
function withMaxLenWidth(settings: Settings, config: FileConfig | undefined): Settings {
  if (settings.printWidth !== undefined) return settings;
  const width = maxLenOf(config);
  if (width === undefined) return settings;
  let byWidth = withWidths.get(settings);
  if (!byWidth) withWidths.set(settings, (byWidth = new Map()));
  let widened = byWidth.get(width);
  if (!widened) byWidth.set(width, (widened = { ...settings, printWidth: width }));
  return widened;
}

/**
 * Settings per file from ESLint's own config lookup; defaults where no config applies. A width the
 * file's max-len rule enforces becomes `printWidth` when the settings give none.
 */
function eslintSettingsLookup(cwd: string, report: Report, user: UserConfigs): SettingsLookup {
  const { eslint } = user;
  report.settingsSource = 'defaults';
  return async (file) => {
    // Without ESLint (a peer dependency) there is no config to read.
    if (!eslint) return parseSettings(undefined);
    const config = await user.configOf(file);
    const raw = config?.settings?.[SETTINGS_KEY];
    if (raw !== undefined) report.settingsSource = 'eslint-config';
    try {
      return withMaxLenWidth(parseSettings(raw), config);
    } catch (error) {
      // Invalid settings stop the run before anything is written, naming the config they came from.
      if (!(error instanceof SettingsError)) throw error;
      const configFile = await eslint.findConfigFile(file);
      throw new UserError(
        configFile ? `${path.relative(cwd, configFile)}: ${error.message}` : error.message,
      );
    }
  };
}

/**
 * A relative or absolute module path in a reason (`'./logger'`, `../lib/metrics`): some reasons name
 * the module a logger or metric comes from. Package names (`'pino'`) are not paths and stay.
 */
const PATH_IN_REASON = /(?<=^|[\s'"`(])\.{0,2}\/[^\s'"`,()]+?(?=:?(?:[\s'"`,()]|$))/g;

/** A reason as the summary counts it: without the paths that would make one reason many keys. */
function reasonKey(reason: string): string {
  return reason.replace(PATH_IN_REASON, '<path>');
}

function mergeResult(
  report: Report,
  result: FileResult,
  onDiff: ((patch: string) => void) | undefined,
): void {
  for (const change of result.changes) report.changed.push(change);
  for (const skip of result.skips) {
    report.skipped.push(skip);
    const key = reasonKey(skip.reason);
    report.summary.skippedByReason[key] = (report.summary.skippedByReason[key] ?? 0) + 1;
  }
  for (const redactPath of result.redactPaths)
    if (!report.pinoRedactPaths.includes(redactPath)) report.pinoRedactPaths.push(redactPath);
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

/** The second pass: paths added to the `redact` option of pino loggers created in other files. */
function redactThroughLoggers(
  report: Report,
  jobs: readonly FileJob[],
  results: readonly FileResult[],
  options: RunOptions,
): void {
  const requested = results.flatMap((result, index) =>
    result.loggerRedactions.map((request) => ({ ...request, file: jobs[index].relative })),
  );
  if (requested.length === 0) return;
  const counted = new Set([
    ...report.changed.map((change) => change.file),
    ...report.failed.map((failure) => failure.file),
  ]);
  const inRun = new Set(jobs.map((job) => job.relative));
  const second = applyLoggerRedactions(requested, {
    cwd: options.cwd,
    write: options.write,
    diff: options.onDiff !== undefined,
  });
  for (const result of second) {
    const file = result.changes[0]?.file ?? result.failure?.file;
    // A logger file the first pass already counted is counted once.
    const already = file !== undefined && counted.has(file);
    if (!already && file !== undefined && inRun.has(file) && (result.changed || result.failure))
      report.summary.unchangedFiles--;
    if (already && result.changed) report.summary.changedFiles--;
    if (!already && !result.changed && !result.failure) continue;
    mergeResult(report, result, options.onDiff);
  }
  const byLogger = new Map<string, { logger: string; paths: string[]; calls: string[] }>();
  for (const request of requested) {
    const entry = byLogger.get(request.where) ?? { logger: request.where, paths: [], calls: [] };
    for (const redacted of request.paths)
      if (!entry.paths.includes(redacted)) entry.paths.push(redacted);
    const call = `${request.file}:${request.line}`;
    if (!entry.calls.includes(call)) entry.calls.push(call);
    byLogger.set(request.where, entry);
  }
  report.loggerRedactions = [...byLogger.values()];
  // What a logger took is done; the hint keeps only the paths nothing took.
  const taken = new Set(requested.flatMap((request) => request.paths));
  report.pinoRedactPaths = report.pinoRedactPaths.filter((redacted) => !taken.has(redacted));
}

/**
 * Settings for each file, the way the codemods read them (the ESLint config that applies, or the
 * given settings); for commands that analyse without rewriting.
 */
export async function settingsForFiles(
  files: readonly string[],
  cwd: string,
  fixed?: Settings,
): Promise<Map<string, Settings>> {
  const report = { settingsSource: 'defaults' } as Report;
  const lookup: SettingsLookup = fixed
    ? async () => fixed
    : eslintSettingsLookup(cwd, report, await userConfigs(cwd));
  const settings = new Map<string, Settings>();
  for (const file of files) settings.set(file, await lookup(file));
  return settings;
}

export async function runCodemods(options: RunOptions): Promise<Report> {
  const started = process.hrtime.bigint();
  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    codemods: options.codemods.map((codemod) => codemod.name),
    written: options.write,
    settingsSource: options.settings ? 'cli' : 'defaults',
    summary: {
      files: options.files.length,
      changedFiles: 0,
      unchangedFiles: 0,
      failedFiles: 0,
      rewrittenCalls: 0,
      skippedCalls: 0,
      skippedByReason: {},
      seconds: 0,
    },
    changed: [],
    skipped: [],
    failed: [],
    notes: [],
    pinoRedactPaths: [],
    loggerRedactions: [],
  };
  const fixed = options.settings;
  const user = await userConfigs(options.cwd);
  const lookup: SettingsLookup = fixed
    ? async () => fixed
    : eslintSettingsLookup(options.cwd, report, user);
  // Settings for every file first: a codemod that cannot run with them stops before any write.
  const jobs: FileJob[] = [];
  const ruleOff = options.includeRuleOff
    ? async () => new Set<string>()
    : await ruleOffLookup(options.cwd, user);
  const leftByCodemod = new Map<string, string[]>();
  for (const file of options.files) {
    const relative = path.relative(options.cwd, file) || file;
    const settings = await lookup(file);
    const off = await ruleOff(file);
    const runnable = options.codemods.filter((codemod) => {
      if (off.has(codemod.rule)) {
        leftByCodemod.set(codemod.name, [...(leftByCodemod.get(codemod.name) ?? []), relative]);
        return false;
      }
      const problem = codemod.checkSettings?.(settings);
      if (!problem) return true;
      if (options.stopOnSettingsProblem) throw new SettingsProblem(`${relative}: ${problem}`);
      if (!report.notes.includes(problem)) report.notes.push(problem);
      return false;
    });
    jobs.push({
      file,
      relative,
      settings,
      codemods: runnable.map((codemod) => codemod.name),
      cwd: options.cwd,
      write: options.write,
      diff: options.onDiff !== undefined,
      project: options.project,
    });
  }
  for (const [codemod, files] of leftByCodemod) {
    const rule = options.codemods.find((entry) => entry.name === codemod)!.rule;
    const shown = files.slice(0, 3).join(', ');
    report.notes.push(
      `${codemod} left ${files.length} file${files.length === 1 ? '' : 's'} where ${rule} is off (${shown}${files.length > 3 ? ', ...' : ''}): the rule does not check them; --include-rule-off rewrites them too`,
    );
  }
  const results = await processAll(jobs, options.workers ?? 1, (index) =>
    options.onFile?.(options.files[index], index),
  );
  // Results are merged in file order, whichever worker finished first.
  for (const result of results) mergeResult(report, result, options.onDiff);
  redactThroughLoggers(report, jobs, results, options);
  report.pinoRedactPaths.sort();
  report.summary.rewrittenCalls = report.changed.length;
  report.summary.skippedCalls = report.skipped.length;
  report.summary.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return report;
}
