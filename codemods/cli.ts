#!/usr/bin/env node
/**
 * `structured-logging codemod <name|all> [paths...]`: runs the codemods over a repository.
 * Exit codes: 0 done; 1 usage error, invalid settings, dirty git tree or crash; 2 `--check` found
 * something to change.
 */
import { Command, InvalidArgumentError } from 'commander';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { simpleGit } from 'simple-git';
import { ownPackage } from '../core/package-info';
import { parseSettings, SettingsError, type Settings } from '../core/settings';
import { collectFiles } from './files';
import { progressReporter } from './progress';
import { CODEMODS, findCodemod } from './registry';
import { runCodemods, SettingsProblem, type Report } from './runner';

export const EXIT = { done: 0, failure: 1, wouldChange: 2 } as const;

class UsageError extends Error {}

interface CodemodFlags {
  dry?: boolean;
  print?: boolean;
  force?: boolean;
  json?: boolean;
  check?: boolean;
  report?: string;
  settings?: Settings;
  progress?: boolean;
  jobs?: number;
}

function parseSettingsFlag(value: string): Settings {
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch (error) {
    throw new InvalidArgumentError(`--settings must be JSON: ${(error as Error).message}`);
  }
  try {
    return parseSettings(raw);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
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
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('--jobs takes a whole number of at least 1');
  return number;
}

/** Refuses to rewrite files git cannot give back, unless --force. Outside a repository there is nothing to check. */
async function assertCleanTree(cwd: string): Promise<void> {
  const git = simpleGit({ baseDir: cwd });
  if (!(await git.checkIsRepo())) return;
  const status = await git.status();
  if (!status.isClean()) {
    const count = status.files.length;
    throw new UsageError(`the git working tree has ${count} uncommitted change${count === 1 ? '' : 's'}; commit or stash first so the rewrite can be reviewed and undone, or pass --force`);
  }
}

function formatSummary(report: Report, flags: CodemodFlags): string {
  const s = report.summary;
  const lines = [
    `${report.codemods.join(' + ')}: ${s.files} files, ${s.changedFiles} changed, ${s.unchangedFiles} unchanged, ${s.failedFiles} failed to parse (${s.seconds.toFixed(2)}s)`,
    `  calls rewritten: ${s.rewrittenCalls}; calls left unchanged: ${s.skippedCalls}`,
  ];
  for (const [reason, count] of Object.entries(s.skippedByReason).sort((a, b) => b[1] - a[1])) lines.push(`    ${String(count).padStart(5)}  ${reason}`);
  for (const skip of report.skipped.slice(0, 50)) lines.push(`  skipped ${skip.file}:${skip.line}:${skip.column}  ${skip.code}\n          ${skip.reason}`);
  if (report.skipped.length > 50) lines.push(`  ... and ${report.skipped.length - 50} more (see --report or --json)`);
  for (const failure of report.failed) lines.push(`  failed  ${failure.file}${failure.line ? `:${failure.line}` : ''}  ${failure.error} (left unchanged)`);
  if (report.pinoRedactPaths.length > 0) lines.push(`  pino can also redact these paths itself: redact: ${JSON.stringify(report.pinoRedactPaths)}`);
  for (const note of report.notes) lines.push(`  note: skipped where it cannot run: ${note}`);
  if (report.settingsSource === 'defaults') lines.push("  note: no settings['structured-logging'] found in an ESLint config; defaults used");
  if (!report.written && s.changedFiles > 0) lines.push(flags.check ? '  check: files would change' : '  dry run: no file was written');
  return lines.join('\n');
}

async function runCodemodCommand(name: string, paths: string[], flags: CodemodFlags): Promise<number> {
  const cwd = process.cwd();
  const codemods = name === 'all' ? CODEMODS : [findCodemod(name)].filter((c) => c !== undefined);
  if (codemods.length === 0) throw new UsageError(`unknown codemod '${name}'; available: ${CODEMODS.map((c) => c.name).join(', ')}, all`);
  const write = !flags.dry && !flags.check;
  if (write && !flags.force) await assertCleanTree(cwd);
  if (name !== 'all') {
    const problem = flags.settings && codemods[0].checkSettings?.(flags.settings);
    if (problem) throw new UsageError(problem);
  }
  const files = await collectFiles(paths.length > 0 ? paths : ['.'], cwd);
  const progress = flags.json || flags.progress === false ? undefined : progressReporter(files.length);
  const report = await runCodemods({
    codemods, files, cwd, write, settings: flags.settings, stopOnSettingsProblem: name !== 'all', workers: flags.jobs ?? defaultWorkers(),
    onFile: progress?.tick,
    onDiff: flags.print ? (patch) => process.stdout.write(patch) : undefined,
  });
  progress?.stop();
  if (flags.report) fs.writeFileSync(path.resolve(cwd, flags.report), `${JSON.stringify(report, null, 2)}\n`);
  if (flags.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stderr.write(`${formatSummary(report, flags)}\n`);
  return flags.check && report.summary.changedFiles > 0 ? EXIT.wouldChange : EXIT.done;
}

export function buildProgram(): Command {
  const program = new Command('structured-logging')
    .description('Codemods for structured logging: event names plus fields, no secrets, no stray console output.')
    .version(ownPackage().version)
    .showHelpAfterError();
  program
    .command('codemod')
    .description('Rewrite offending calls across files or directories (default: the current directory)')
    .argument('<name>', `codemod to run: ${CODEMODS.map((c) => c.name).join(', ')}, or all`)
    .argument('[paths...]', 'files or directories to process')
    .option('--dry', 'do not write any file')
    .option('--print', 'print a unified diff of every change')
    .option('--force', 'run even when the git working tree has uncommitted changes')
    .option('--json', 'print the machine-readable report on stdout instead of the summary')
    .option('--check', 'write nothing; exit 2 when any file would change (for CI)')
    .option('--report <file>', 'also write the JSON report to a file')
    .option('--settings <json>', "settings['structured-logging'] to use for every file instead of the ESLint config", parseSettingsFlag)
    .option('--no-progress', 'no progress output')
    .option('--jobs <n>', 'worker threads (default: cores - 1; 1 runs in one thread)', parsePositiveInteger)
    .action(async (name: string, paths: string[], flags: CodemodFlags) => {
      process.exitCode = await runCodemodCommand(name, paths, flags);
    });
  program
    .command('list')
    .description('List the codemods')
    .action(() => {
      for (const codemod of CODEMODS) process.stdout.write(`${codemod.name.padEnd(24)}${codemod.description}\n`);
    });
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram().exitOverride();
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.done;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') return EXIT.done;
    if (code?.startsWith('commander.')) return EXIT.failure;
    const message = error instanceof UsageError || error instanceof SettingsError || error instanceof SettingsProblem ? error.message : (error as Error).stack ?? String(error);
    process.stderr.write(`structured-logging: ${message}\n`);
    return EXIT.failure;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
