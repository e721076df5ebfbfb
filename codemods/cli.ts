#!/usr/bin/env node
/**
 * `structured-logging codemod <name|all> [paths...]`: runs the codemods over a repository.
 * Exit codes follow ESLint's: 0 done, or nothing to do; 1 `--check` found files that would change,
 * or files it could not read or parse (unless --allow-parse-errors); 2 a usage error, invalid settings,
 * an ESLint config that does not load, a dirty git tree, or a crash. Everything that can stop a run
 * is checked before the first file is written.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { simpleGit } from 'simple-git';
import { programOf } from '../core/loggers/types';
import { ownPackage } from '../core/model/package-info';
import { parseSettings, SettingsError, type Settings } from '../core/model/settings';
import { colorEnabled, painter, type Paint } from './color';
import { UserError } from './errors';
import { changedSince, collectFiles, repositoryOf } from './files';
import { progressReporter } from './progress';
import { CODEMODS, findCodemod } from './registry';
import { initConfig } from './init';
import { formatLoggers, inventoryLoggers } from './loggers';
import {
  CATALOG_FILE,
  CATALOG_FORMATS,
  catalogSummary,
  collectCatalog,
  committedCatalog,
  diffCatalogs,
  formatDiff,
  renderCatalog,
  type CatalogFormat,
} from './catalog';
import { runCodemods, settingsForFiles, type Report } from './runner';

export const EXIT = { done: 0, checkFailed: 1, fatal: 2 } as const;

interface CodemodFlags {
  dry?: boolean;
  print?: boolean;
  force?: boolean;
  json?: boolean;
  check?: boolean;
  allowParseErrors?: boolean;
  report?: string;
  settings?: string;
  since?: string;
  project?: string;
  progress?: boolean;
  jobs?: number;
  includeRuleOff?: boolean;
  /** --color / --no-color; undefined leaves it to the environment and the terminal. */
  color?: boolean;
}

/** Parsed here rather than by commander, so a mistake reads as one plain line. */
function parseSettingsFlag(value: string): Settings {
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch (error) {
    throw new UserError(`--settings is not valid JSON: ${(error as Error).message}`);
  }
  try {
    return parseSettings(raw);
  } catch (error) {
    throw error instanceof SettingsError ? new UserError(`--settings: ${error.message}`) : error;
  }
}

/**
 * One core stays with the main thread and V8's garbage collector: measured on 2 cores, two workers
 * were slower than one thread (see docs/performance.md).
 */
function defaultWorkers(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

function parsePositiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new InvalidArgumentError('--jobs takes a whole number of at least 1');
  return number;
}

/** An output file the run will write: checked before any source file is touched, so a typo costs nothing. */
function writablePath(flag: string, file: string, cwd: string): string {
  const absolute = path.resolve(cwd, file);
  const directory = path.dirname(absolute);
  if (!fs.statSync(directory, { throwIfNoEntry: false })?.isDirectory())
    throw new UserError(`${flag}: the directory ${directory} does not exist`);
  if (fs.statSync(absolute, { throwIfNoEntry: false })?.isDirectory())
    throw new UserError(`${flag}: ${file} is a directory`);
  try {
    fs.accessSync(fs.existsSync(absolute) ? absolute : directory, fs.constants.W_OK);
  } catch {
    throw new UserError(`${flag}: ${file} cannot be written`);
  }
  return absolute;
}

interface Target {
  given: string;
  /** The git repository the path is in; undefined outside any. */
  repository: string | undefined;
}

/**
 * Refuses to rewrite files git cannot give back, unless --force: the tree of every repository a target
 * path is in must be clean, not only the one the command runs in. A target in no repository is
 * rewritten with a warning, since nothing can be checked there.
 */
async function assertCleanTrees(targets: readonly Target[], cwd: string): Promise<void> {
  for (const target of targets) {
    if (!target.repository)
      process.stderr.write(
        `structured-logging: warning: ${target.given} is not in a git repository: git cannot show or undo the rewrite\n`,
      );
  }
  for (const repository of new Set(targets.flatMap((target) => target.repository ?? []))) {
    const status = await simpleGit({ baseDir: repository }).status();
    if (status.isClean()) continue;
    const count = status.files.length;
    const where = path.resolve(repository) === path.resolve(cwd) ? '' : ` at ${repository}`;
    throw new UserError(
      `the git working tree${where} has ${count} uncommitted change${count === 1 ? '' : 's'}; commit or stash first so the rewrite can be reviewed and undone, or pass --force`,
    );
  }
}

/** With --since, only the files git saw change since the ref; every target must be in a repository. */
async function selectChanged(
  files: string[],
  since: string | undefined,
  targets: readonly Target[],
): Promise<string[]> {
  if (since === undefined) return files;
  const outside = targets.find((target) => !target.repository);
  if (outside) throw new UserError(`--since: ${outside.given} is not in a git repository`);
  return changedSince(
    files,
    since,
    targets.map((target) => target.repository!),
  );
}

function failedToParse(report: Report, flags: CodemodFlags): boolean {
  return report.summary.failedFiles > 0 && !flags.allowParseErrors;
}

function formatSummary(report: Report, flags: CodemodFlags, paint: Paint): string {
  const s = report.summary;
  const failed = `${s.failedFiles} failed to read or parse`;
  const lines = [
    `${paint.bold(report.codemods.join(' + '))}: ${s.files} files, ${s.changedFiles} changed, ${s.unchangedFiles} unchanged, ${s.failedFiles > 0 ? paint.red(failed) : failed} ${paint.dim(`(${s.seconds.toFixed(2)}s)`)}`,
    `  calls rewritten: ${s.rewrittenCalls}; calls left unchanged: ${s.skippedCalls}`,
  ];
  for (const [reason, count] of Object.entries(s.skippedByReason).sort((a, b) => b[1] - a[1]))
    lines.push(`    ${String(count).padStart(5)}  ${reason}`);
  for (const skip of report.skipped.slice(0, 50))
    lines.push(
      `  skipped ${paint.dim(`${skip.file}:${skip.line}:${skip.column}`)}  ${skip.code}\n          ${skip.reason}`,
    );
  if (report.skipped.length > 50)
    lines.push(`  ... and ${report.skipped.length - 50} more (see --report or --json)`);
  for (const failure of report.failed)
    lines.push(
      `  ${paint.red('failed')}  ${failure.file}${failure.line ? `:${failure.line}` : ''}  ${failure.error} (left unchanged)`,
    );
  for (const redaction of report.loggerRedactions)
    lines.push(
      `  redacted by the logger: ${redaction.logger} redact takes ${JSON.stringify(redaction.paths)} (for ${redaction.calls.length} call${redaction.calls.length === 1 ? '' : 's'}; their values stay in the code)`,
    );
  if (report.pinoRedactPaths.length > 0)
    lines.push(
      `  pino can also redact these paths itself: redact: ${JSON.stringify(report.pinoRedactPaths)}`,
    );
  for (const note of report.notes) lines.push(`  note: skipped where it cannot run: ${note}`);
  if (report.settingsSource === 'defaults')
    lines.push(
      "  note: no settings['structured-logging'] found in an ESLint config; defaults used",
    );
  if (!report.written && s.changedFiles > 0)
    lines.push(
      paint.yellow(flags.check ? '  check: files would change' : '  dry run: no file was written'),
    );
  if (flags.check && failedToParse(report, flags))
    lines.push(
      paint.yellow(
        `  check: ${s.failedFiles} file${s.failedFiles === 1 ? '' : 's'} could not be parsed (--allow-parse-errors accepts that)`,
      ),
    );
  return lines.join('\n');
}

/** A unified diff coloured as git colours one: headers bold, hunks cyan, removals red, additions green. */
function paintDiff(patch: string, paint: Paint): string {
  return patch.replace(/^.*$/gm, (line) => {
    if (/^(Index: |={3,}$|--- |\+\+\+ )/.test(line)) return paint.bold(line);
    if (line.startsWith('@@')) return paint.cyan(line);
    if (line.startsWith('-')) return paint.red(line);
    if (line.startsWith('+')) return paint.green(line);
    return line;
  });
}

async function runCodemodCommand(
  name: string,
  paths: string[],
  flags: CodemodFlags,
): Promise<number> {
  const cwd = process.cwd();
  // Everything that can stop the run is checked first: no file is written until all of it passes.
  const reportFile =
    flags.report === undefined ? undefined : writablePath('--report', flags.report, cwd);
  const settings = flags.settings === undefined ? undefined : parseSettingsFlag(flags.settings);
  const codemods = name === 'all' ? CODEMODS : [findCodemod(name)].filter((c) => c !== undefined);
  if (codemods.length === 0)
    throw new UserError(
      `unknown codemod '${name}'; available: ${CODEMODS.map((c) => c.name).join(', ')}, all`,
    );
  if (name !== 'all') {
    const problem = settings && codemods[0].checkSettings?.(settings);
    if (problem) throw new UserError(problem);
  }
  const given = paths.length > 0 ? paths : ['.'];
  const collected = await collectFiles(given, cwd);
  const targets = given.map((target) => ({
    given: target,
    repository: repositoryOf(path.resolve(cwd, target)),
  }));
  const files = await selectChanged(collected, flags.since, targets);
  const write = !flags.dry && !flags.check;
  if (write && !flags.force) await assertCleanTrees(targets, cwd);
  // With --json, stdout carries the report alone: the diff goes to stderr.
  const diffStream = flags.json ? process.stderr : process.stdout;
  const diffPaint = painter(colorEnabled(diffStream, flags.color));
  const progress =
    flags.json || flags.progress === false ? undefined : progressReporter(files.length);
  const report = await runCodemods({
    codemods,
    files,
    cwd,
    write,
    settings,
    project: projectFile(flags.project, cwd),
    stopOnSettingsProblem: name !== 'all',
    workers: flags.jobs ?? defaultWorkers(),
    includeRuleOff: flags.includeRuleOff === true,
    onFile: progress?.tick,
    onDiff: flags.print ? (patch) => diffStream.write(paintDiff(patch, diffPaint)) : undefined,
  });
  progress?.stop();
  if (reportFile) fs.writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
  if (flags.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else
    process.stderr.write(
      `${formatSummary(report, flags, painter(colorEnabled(process.stderr, flags.color)))}\n`,
    );
  return flags.check && (report.summary.changedFiles > 0 || failedToParse(report, flags))
    ? EXIT.checkFailed
    : EXIT.done;
}

interface LoggersFlags {
  json?: boolean;
  settings?: string;
  project?: string;
}

/** The tsconfig of --project, which must exist. */
function projectFile(project: string | undefined, cwd: string): string | undefined {
  if (project === undefined) return undefined;
  const file = path.resolve(cwd, project);
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory())
    throw new UserError(`--project: no tsconfig file at ${project}`);
  return file;
}

async function runLoggersCommand(paths: string[], flags: LoggersFlags): Promise<number> {
  const cwd = process.cwd();
  const fixed = flags.settings === undefined ? undefined : parseSettingsFlag(flags.settings);
  const project = projectFile(flags.project, cwd);
  const files = await collectFiles(paths.length > 0 ? paths : ['.'], cwd);
  const settings = await settingsForFiles(files, cwd, fixed);
  const report = inventoryLoggers(
    files,
    cwd,
    (file) => settings.get(file)!,
    project ? programOf(project) : undefined,
  );
  process.stdout.write(`${flags.json ? JSON.stringify(report, null, 2) : formatLoggers(report)}\n`);
  return EXIT.done;
}

interface CatalogFlags {
  format?: CatalogFormat;
  output?: string;
  check?: boolean;
  catalog?: string;
  json?: boolean;
  settings?: string;
}

interface Streams {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/**
 * `catalog [paths]`: writes the catalog (stdout, or --output), or with --check compares the code's
 * with the committed one: exit 1 and the diff when an event, field, level, metric or label changed.
 * Exported with its working directory and streams so that tests run it in-process.
 */
export async function runCatalogCommand(
  paths: string[],
  flags: CatalogFlags,
  cwd = process.cwd(),
  streams: Streams = process,
): Promise<number> {
  const format = flags.format ?? 'json';
  if (flags.check && flags.format !== undefined && flags.format !== 'json')
    throw new UserError('--check compares the JSON catalog; --format does not apply');
  if (flags.check && flags.output !== undefined)
    throw new UserError('--check writes nothing; --output does not apply');
  if (!flags.check && flags.catalog !== undefined)
    throw new UserError('--catalog names the committed catalog for --check');
  if (flags.json && !flags.check)
    throw new UserError('--json prints the result of --check; the catalog itself is JSON');
  const fixed = flags.settings === undefined ? undefined : parseSettingsFlag(flags.settings);
  const catalogFile = flags.catalog ?? CATALOG_FILE;
  // Checked before the files are read: a typo costs nothing.
  const committed = flags.check ? committedCatalog(catalogFile, cwd) : undefined;
  const output =
    flags.output === undefined ? undefined : writablePath('--output', flags.output, cwd);
  const files = await collectFiles(paths.length > 0 ? paths : ['.'], cwd);
  const settings = await settingsForFiles(files, cwd, fixed);
  const run = collectCatalog(files, cwd, (file) => settings.get(file)!);
  if (committed) {
    const diff = diffCatalogs(committed, run.catalog);
    if (flags.json)
      streams.stdout.write(
        `${JSON.stringify({ schemaVersion: 1, catalog: catalogFile, ...diff }, null, 2)}\n`,
      );
    else streams.stdout.write(`${formatDiff(diff, catalogFile)}\n`);
    streams.stderr.write(`${catalogSummary(run)}\n`);
    return diff.changes.length > 0 ? EXIT.checkFailed : EXIT.done;
  }
  const text = renderCatalog(run.catalog, format);
  if (output) fs.writeFileSync(output, text);
  else streams.stdout.write(text);
  streams.stderr.write(`${catalogSummary(run)}${output ? `\n  wrote ${flags.output}` : ''}\n`);
  return EXIT.done;
}

async function runInitCommand(flags: { dry?: boolean }): Promise<number> {
  const cwd = process.cwd();
  const files = await collectFiles(['.'], cwd);
  const report = inventoryLoggers(files, cwd, () => parseSettings(undefined));
  const result = initConfig(cwd, report);
  if (result.output !== null && flags.dry) process.stdout.write(result.patch ?? '');
  if (result.output !== null && !flags.dry)
    fs.writeFileSync(path.join(cwd, result.configFile!), result.output);
  process.stderr.write(
    `${flags.dry && result.output !== null ? `dry run: ${result.message.replace(/^added/, 'would add')}` : result.message}\n`,
  );
  return EXIT.done;
}

/**
 * The command line. `result.code` receives the codemod command's exit code. Errors print as one
 * `structured-logging: ...` line, without the help: set before the subcommands, which inherit it.
 */
export function buildProgram(result: { code: number } = { code: EXIT.done }): Command {
  const program = new Command('structured-logging')
    .description(
      'Codemods for structured logging: event names plus fields, no secrets, no stray console output.',
    )
    .exitOverride()
    .configureOutput({
      outputError: (message, write) =>
        write(`structured-logging: ${message.replace(/^error: /, '')}`),
    })
    .version(ownPackage().version, '-v, --version', 'print the version');
  program
    .command('codemod')
    .description(
      'Rewrite offending calls across files or directories (default: the current directory)',
    )
    .argument('<name>', `codemod to run: ${CODEMODS.map((c) => c.name).join(', ')}, or all`)
    .argument('[paths...]', 'files or directories to process')
    .option('--dry', 'do not write any file')
    .option('--print', 'print a unified diff of every change (on stderr with --json)')
    .option('--force', 'run even when a git working tree has uncommitted changes')
    .option('--json', 'print the machine-readable report on stdout instead of the summary')
    .option(
      '--check',
      'write nothing; exit 1 when any file would change or could not be parsed (for CI)',
    )
    .option(
      '--allow-parse-errors',
      'with --check, files that could not be parsed do not fail the check',
    )
    .option('--report <file>', 'also write the JSON report to a file')
    .option(
      '--settings <json>',
      "settings['structured-logging'] to use for every file instead of the ESLint config",
    )
    .option(
      '--since <ref>',
      'only files changed since a git ref (committed, staged, unstaged or untracked)',
    )
    .option('--no-progress', 'no progress output')
    .option(
      '--include-rule-off',
      "also rewrite files where the codemod's rule is off (in the ESLint config, or the preset's tests, scripts and CLIs)",
    )
    .option(
      '--jobs <n>',
      'worker threads (default: cores - 1; 1 runs in one thread)',
      parsePositiveInteger,
    )
    .option(
      '--project <tsconfig>',
      "a tsconfig whose type checker tells what each logger's methods take",
    )
    .option('--color', 'colour the summary and the diff even when not on a terminal')
    .option('--no-color', 'never colour the output')
    .action(async (name: string, paths: string[], flags: CodemodFlags) => {
      result.code = await runCodemodCommand(name, paths, flags);
    });
  program
    .command('loggers')
    .description(
      'List the loggers behind the log calls: where each is defined, its contract, how many calls use it, and what unlocks a rewrite',
    )
    .argument('[paths...]', 'files or directories to read (default: the current directory)')
    .option('--json', 'print the machine-readable inventory')
    .option(
      '--settings <json>',
      "settings['structured-logging'] to use for every file instead of the ESLint config",
    )
    .option(
      '--project <tsconfig>',
      "a tsconfig whose type checker tells what each logger's methods take",
    )
    .action(async (paths: string[], flags: LoggersFlags) => {
      result.code = await runLoggersCommand(paths, flags);
    });
  program
    .command('catalog')
    .description(
      'Write the catalog of every structured log event and metric (JSON, Markdown or an OpenTelemetry registry), or check the code against the committed one',
    )
    .argument('[paths...]', 'files or directories to read (default: the current directory)')
    .addOption(
      new Option(
        '--format <format>',
        'json (default), md, or otel (a Weaver registry file)',
      ).choices(CATALOG_FORMATS),
    )
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option(
      '--check',
      `write nothing; exit 1 with the differences when the code's events or metrics differ from the committed catalog`,
    )
    .option(
      '--catalog <file>',
      `the committed catalog --check compares with (default: ${CATALOG_FILE})`,
    )
    .option('--json', 'with --check, print the differences as JSON')
    .option(
      '--settings <json>',
      "settings['structured-logging'] to use for every file instead of the ESLint config",
    )
    .action(async (paths: string[], flags: CatalogFlags) => {
      result.code = await runCatalogCommand(paths, flags);
    });
  program
    .command('init')
    .description(
      "Add the plugin's recommended config and settings to this project's flat ESLint config, listing the loggers found",
    )
    .option('--dry', 'print the change instead of writing it')
    .action(async (flags: { dry?: boolean }) => {
      result.code = await runInitCommand(flags);
    });
  program
    .command('list')
    .description('List the codemods')
    .action(() => {
      for (const codemod of CODEMODS)
        process.stdout.write(`${codemod.name.padEnd(24)}${codemod.description}\n`);
    });
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  const result = { code: EXIT.done as number };
  try {
    await buildProgram(result).parseAsync(argv as string[], { from: 'user' });
    return result.code;
  } catch (error) {
    // Commander has printed its own message (help, the version, or a usage error) already.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.done : EXIT.fatal;
    const expected = error instanceof UserError || error instanceof SettingsError;
    const message = expected
      ? (error as Error).message.replace(/\s*\n\s*/g, ' ')
      : ((error as Error).stack ?? String(error));
    process.stderr.write(`structured-logging: ${message}\n`);
    return EXIT.fatal;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
