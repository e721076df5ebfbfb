#!/usr/bin/env node
// npm run bench [-- <folder>]: lint overhead, per-rule time, codemod throughput, memory and scaling.
// Without a folder, measures a generated corpus (bench/corpus.js, seed 42; BENCH_PROFILE is
// 'calibrated', the default, 'offending' or 'dense'). Prints a table and writes bench/results.json.
// BENCH_ONE_FILE=10000,20000,40000 adds the codemods' scaling within one file of that many log calls
// (off by default: minutes; `node bench/one-file.js` runs it alone).
'use strict';

const { execFileSync, spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { eslintFor, MODES } = require('./eslint-for.js');
const { writeCorpus, PROFILES } = require('./corpus.js');
const { pass } = require('./codemod-pass.js');
const { oneFileScaling } = require('./one-file.js');

const BASE_FILES = Number(process.env.BENCH_FILES ?? 3000);
// 'calibrated' is as demanding as the densest real code; 'offending' and 'dense' are stress cases.
const PROFILE = process.env.BENCH_PROFILE ?? 'calibrated';
const LINT_ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
// Files for the instruction count (BENCH_INSTRUCTIONS=600): off by default, it takes minutes under valgrind.
const INSTRUCTION_FILES = Number(process.env.BENCH_INSTRUCTIONS ?? 0);
// Shifts of the collection schedule the count is averaged over (two valgrind runs each).
const INSTRUCTION_PHASES = Number(process.env.BENCH_PHASES ?? 4);
const ONE_FILE_CALLS = (process.env.BENCH_ONE_FILE ?? '')
  .split(',')
  .filter((size) => size !== '')
  .map(Number);
const CLI = path.join(__dirname, '..', 'dist', 'codemods', 'cli.js');
const JSCODESHIFT = require.resolve('jscodeshift/bin/jscodeshift.js');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function corpus(files) {
  // Outside this repository: its .gitignore would hide the corpus from the codemod runner. Keyed by
  // the generator's own text too, so a corpus written by an older generator is never measured again.
  const generator = crypto
    .createHash('sha256')
    .update(fs.readFileSync(path.join(__dirname, 'corpus.js')))
    .digest('hex')
    .slice(0, 12);
  const directory = path.join(
    os.tmpdir(),
    'structured-logging-bench',
    `${PROFILE}-${generator}`,
    String(files),
  );
  if (!fs.existsSync(path.join(directory, 'src')))
    writeCorpus(directory, files, 42, { profile: PROFILE });
  return directory;
}

/** Wall time and CPU time (user + system, all threads: GC included) of one lint of the folder. */
async function timeLint(directory, mode) {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  await eslintFor(directory, mode).lintFiles(['.']);
  const used = process.cpuUsage(cpu);
  return {
    wall: Number(process.hrtime.bigint() - started) / 1e9,
    cpu: (used.user + used.system) / 1e6,
  };
}

/**
 * Rounds of bare, trivial and preset, alternated so drift in machine load hits all alike. Reported:
 * the median of the per-round ratios, and the ratio of the fastest runs (noise on a shared machine
 * only ever adds time, so the minimum is the steadiest estimate).
 */
async function lintOverhead(directory) {
  for (const mode of MODES) await timeLint(directory, mode); // warm-up: module loading and JIT
  const runs = { bare: [], trivial: [], preset: [] };
  for (let round = 0; round < LINT_ROUNDS; round++)
    for (const mode of MODES) runs[mode].push(await timeLint(directory, mode));
  const percent = (ratio) => Number(((ratio - 1) * 100).toFixed(1));
  const compare = (baseline) => ({
    medianPercent: percent(
      median(runs.preset.map((run, index) => run.wall / runs[baseline][index].wall)),
    ),
    fastestPercent: percent(
      Math.min(...runs.preset.map((run) => run.wall)) /
        Math.min(...runs[baseline].map((run) => run.wall)),
    ),
    cpuMedianPercent: percent(
      median(runs.preset.map((run, index) => run.cpu / runs[baseline][index].cpu)),
    ),
  });
  return {
    rounds: LINT_ROUNDS,
    seconds: Object.fromEntries(
      MODES.map((mode) => [mode, Number(median(runs[mode].map((run) => run.wall)).toFixed(3))]),
    ),
    overBare: compare('bare'),
    overTrivial: compare('trivial'),
  };
}

async function perRuleTime(directory) {
  const results = await eslintFor(directory, 'preset', true).lintFiles(['.']);
  const totals = {};
  let parseMs = 0;
  for (const result of results) {
    for (const pass of result.stats?.times.passes ?? []) {
      parseMs += pass.parse?.total ?? 0;
      for (const [rule, time] of Object.entries(pass.rules ?? {}))
        totals[rule] = (totals[rule] ?? 0) + time.total;
    }
  }
  return {
    parseMs,
    rulesMs: Object.fromEntries(
      Object.entries(totals)
        .sort((a, b) => b[1] - a[1])
        .map(([rule, ms]) => [rule, Math.round(ms)]),
    ),
  };
}

/**
 * Instructions executed by one ESLint run (lint-instructions.js), counted by valgrind's cachegrind.
 * Unlike time, the count does not move with the machine's load, and two things that would make the
 * same run count differently are pinned: --predictable runs V8's compilers and collector on the main
 * thread, and a fixed 64 MB young generation keeps the collector from resizing it. The same run then
 * repeats to within about a million instructions in twenty billion.
 *
 * That does not make one count a measurement: the count is chaotic in where the collections fall.
 * Allocating a few megabytes more before the lint (`shiftMegabytes`) moves every young-generation
 * collection to another moment, and that moves the count of the same lint by up to 6%, in
 * collection, in inline-cache misses and in what V8 compiles. So the comparison is repeated at
 * several shifts and averaged (lintInstructions).
 */
function countInstructions(directory, files, mode, shiftMegabytes = 0) {
  const args = [
    '--tool=cachegrind',
    '--cache-sim=no',
    '--cachegrind-out-file=/dev/null',
    process.execPath,
    '--predictable',
    `--max-semi-space-size=${YOUNG_MB}`,
    `--min-semi-space-size=${YOUNG_MB}`,
    path.join(__dirname, 'lint-instructions.js'),
    directory,
    String(files),
    mode,
    String(shiftMegabytes),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('valgrind', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) =>
      reject(
        error.code === 'ENOENT'
          ? new Error(
              'BENCH_INSTRUCTIONS needs valgrind on the PATH (it counts instructions with cachegrind)',
            )
          : error,
      ),
    );
    child.on('close', (code) => {
      const match = /I\s+refs:\s+([\d,]+)/.exec(stderr);
      if (code !== 0 || !match)
        reject(
          new Error(
            `valgrind run of ${mode} on ${files} files failed (exit ${code}):\n${stderr.slice(-2000)}`,
          ),
        );
      else resolve(Number(match[1].replace(/,/g, '')));
    });
  });
}

const YOUNG_MB = 64;

/** Evenly spread shifts over one young generation: every phase of the collection schedule once. */
function collectionShifts(phases) {
  return Array.from({ length: phases }, (_, index) => Math.round((index * YOUNG_MB) / phases));
}

/** Runs the jobs (functions returning promises) two at a time, in order; the results in order. */
async function twoAtATime(jobs) {
  const results = [];
  for (let index = 0; index < jobs.length; index += 2)
    results.push(...(await Promise.all(jobs.slice(index, index + 2).map((job) => job()))));
  return results;
}

/**
 * What the preset adds to parse and traverse, in instructions: the trivial rule and the preset over
 * the first `files` files, at `phases` shifts of the collection schedule, and over no files
 * (start-up, and loading the plugin). Reported: the mean added over the phases, its standard error,
 * and the smallest and largest, each as a percentage of parse and traverse (the trivial rule's
 * count less its start-up, averaged over the same phases).
 */
async function lintInstructions(directory, files, phases) {
  const shifts = collectionShifts(phases);
  const [trivialStart, presetStart, ...counts] = await twoAtATime([
    () => countInstructions(directory, 0, 'trivial'),
    () => countInstructions(directory, 0, 'preset'),
    ...shifts.flatMap((shift) => [
      () => countInstructions(directory, files, 'trivial', shift),
      () => countInstructions(directory, files, 'preset', shift),
    ]),
  ]);
  const added = shifts.map((_, index) => counts[2 * index + 1] - counts[2 * index]);
  const trivial = shifts.map((_, index) => counts[2 * index]);
  const parseAndTraverse = mean(trivial) - trivialStart;
  const percent = (value) => Number(((100 * value) / parseAndTraverse).toFixed(2));
  const pluginLoad = presetStart - trivialStart;
  return {
    files,
    shiftsMegabytes: shifts,
    parseAndTraverse: Math.round(parseAndTraverse),
    pluginLoad,
    addedByPreset: added,
    addedPercent: percent(mean(added)),
    standardErrorPercent: percent(standardError(added)),
    smallestPercent: percent(Math.min(...added)),
    largestPercent: percent(Math.max(...added)),
    addedPercentWithoutLoad: percent(mean(added) - pluginLoad),
  };
}

function mean(values) {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The standard error of the mean (0 for a single value: one phase says nothing about the spread). */
function standardError(values) {
  if (values.length < 2) return 0;
  const average = mean(values);
  const variance =
    values.reduce((sum, value) => sum + (value - average) ** 2, 0) / (values.length - 1);
  return Math.sqrt(variance / values.length);
}

/** Wall time of a whole command, start-up included, as a user would see it. */
function timeCommand(args, cwd) {
  const started = process.hrtime.bigint();
  execFileSync(process.execPath, args, { cwd, stdio: 'ignore', maxBuffer: 1 << 24 });
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** Both command lines, alternated, median of three: ours (`codemod all --dry`) and a jscodeshift no-op. */
function commandLines(directory, files) {
  const ours = [];
  const jscodeshift = [];
  for (let run = 0; run < 3; run++) {
    ours.push(
      timeCommand([CLI, 'codemod', 'all', '.', '--dry', '--no-progress', '--jobs', '1'], directory),
    );
    jscodeshift.push(
      timeCommand(
        [
          JSCODESHIFT,
          '--no-babel',
          '-t',
          path.join(__dirname, 'jscodeshift-noop.js'),
          '--extensions=ts,tsx,js,jsx,mjs,cjs',
          '--ignore-pattern=**/node_modules/**',
          '--dry',
          '--silent',
          '.',
        ],
        directory,
      ),
    );
  }
  return {
    oursSeconds: median(ours),
    jscodeshiftSeconds: median(jscodeshift),
    oursFilesPerSecond: files / median(ours),
    jscodeshiftFilesPerSecond: files / median(jscodeshift),
  };
}

async function main() {
  // Checked before minutes of timed runs, not after them.
  if (!Number.isInteger(INSTRUCTION_FILES) || INSTRUCTION_FILES < 0)
    throw new Error(
      `BENCH_INSTRUCTIONS must be a number of files, got '${process.env.BENCH_INSTRUCTIONS}'`,
    );
  if (!Number.isInteger(INSTRUCTION_PHASES) || INSTRUCTION_PHASES < 1)
    throw new Error(
      `BENCH_PHASES must be a whole number of at least 1, got '${process.env.BENCH_PHASES}'`,
    );
  if (!PROFILES.includes(PROFILE))
    throw new Error(`BENCH_PROFILE must be one of ${PROFILES.join(', ')}, got '${PROFILE}'`);
  if (!ONE_FILE_CALLS.every((calls) => Number.isInteger(calls) && calls > 0))
    throw new Error(
      `BENCH_ONE_FILE must list numbers of log calls, got '${process.env.BENCH_ONE_FILE}'`,
    );
  const folder = process.argv[2] ? path.resolve(process.argv[2]) : null;
  const directory = folder ?? corpus(BASE_FILES);
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    corpus: folder ?? `generated, ${PROFILE} profile, ${BASE_FILES} files, seed 42`,
  };

  process.stderr.write('lint overhead...\n');
  results.lint = await lintOverhead(directory);
  results.perRule = await perRuleTime(directory);
  if (INSTRUCTION_FILES > 0) {
    process.stderr.write(
      `instructions (valgrind, ${INSTRUCTION_FILES} files, ${INSTRUCTION_PHASES} phases)...\n`,
    );
    results.instructions = await lintInstructions(directory, INSTRUCTION_FILES, INSTRUCTION_PHASES);
  }

  process.stderr.write('codemod throughput...\n');
  const codemodAll = pass('codemods', directory);
  results.codemod = {
    commandLines: commandLines(directory, codemodAll.files),
    codemodAll,
    codemodAllWorkers: pass('codemods', directory, Math.max(2, os.availableParallelism() - 1)),
    catalog: pass('catalog', directory),
    estreeParseEveryFile: pass('estree', directory),
    jscodeshiftParseEveryFile: pass('jscodeshift', directory),
  };

  if (!folder) {
    process.stderr.write('scaling...\n');
    results.scaling = [];
    for (const factor of [1, 2, 4]) {
      const scaled = corpus(BASE_FILES * factor);
      results.scaling.push({
        factor,
        files: BASE_FILES * factor,
        lintSeconds: (await timeLint(scaled, 'preset')).wall,
        codemod: pass('codemods', scaled),
      });
    }
  }

  if (ONE_FILE_CALLS.length > 0) {
    process.stderr.write('scaling within one file...\n');
    results.oneFile = oneFileScaling(ONE_FILE_CALLS);
  }

  fs.writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const c = results.codemod;
  const rows = [
    [
      'lint s, median: no rules / one trivial rule / recommended',
      `${results.lint.seconds.bare} / ${results.lint.seconds.trivial} / ${results.lint.seconds.preset}`,
    ],
    [
      `preset over no rules, ${results.lint.rounds} rounds: median / fastest / CPU median (%)`,
      `${results.lint.overBare.medianPercent} / ${results.lint.overBare.fastestPercent} / ${results.lint.overBare.cpuMedianPercent}`,
    ],
    [
      `preset over one trivial rule: median / fastest / CPU median (%)`,
      `${results.lint.overTrivial.medianPercent} / ${results.lint.overTrivial.fastestPercent} / ${results.lint.overTrivial.cpuMedianPercent}`,
    ],
    ...(results.instructions
      ? [
          [
            `preset over one trivial rule in instructions, first ${results.instructions.files} files, mean of ${results.instructions.shiftsMegabytes.length} phases (% ± standard error; range; without loading the plugin)`,
            `${results.instructions.addedPercent} ± ${results.instructions.standardErrorPercent}; ${results.instructions.smallestPercent} to ${results.instructions.largestPercent}; ${results.instructions.addedPercentWithoutLoad}`,
          ],
        ]
      : []),
    ...Object.entries(results.perRule.rulesMs).map(([rule, ms]) => [
      `  ${rule} (ms, whole corpus)`,
      String(ms),
    ]),
    [
      'command line, codemod all --dry vs jscodeshift no-op (s)',
      `${c.commandLines.oursSeconds.toFixed(2)} vs ${c.commandLines.jscodeshiftSeconds.toFixed(2)}`,
    ],
    [
      'codemod all, 1 thread (files/s, peak MB)',
      `${c.codemodAll.filesPerSecond.toFixed(0)}, ${c.codemodAll.maxRssMb.toFixed(0)}`,
    ],
    [
      'codemod all, workers (files/s, peak MB)',
      `${c.codemodAllWorkers.filesPerSecond.toFixed(0)}, ${c.codemodAllWorkers.maxRssMb.toFixed(0)}`,
    ],
    [
      `catalog, 1 thread: s / files/s / peak MB (${c.catalog.events} events, ${c.catalog.metrics} metrics)`,
      `${c.catalog.seconds.toFixed(2)} / ${c.catalog.filesPerSecond.toFixed(0)} / ${c.catalog.maxRssMb.toFixed(0)}`,
    ],
    [
      'our parser on every file: espree for JS, typescript-estree for TS (files/s, peak MB)',
      `${c.estreeParseEveryFile.filesPerSecond.toFixed(0)}, ${c.estreeParseEveryFile.maxRssMb.toFixed(0)}`,
    ],
    [
      'jscodeshift Babel parser (ts/tsx) on every file, in-process lower bound (files/s, peak MB)',
      `${c.jscodeshiftParseEveryFile.filesPerSecond.toFixed(0)}, ${c.jscodeshiftParseEveryFile.maxRssMb.toFixed(0)}`,
    ],
    ...(results.scaling ?? []).map((row) => [
      `scaling ${row.factor}x (${row.files} files): lint s / codemod s / codemod peak MB`,
      `${row.lintSeconds.toFixed(2)} / ${row.codemod.seconds.toFixed(2)} / ${row.codemod.maxRssMb.toFixed(0)}`,
    ]),
    ...(results.oneFile ?? []).map((row) => [
      `one file of ${row.calls} log calls: codemod s / CPU s / ms per 1,000 calls / peak MB`,
      `${row.seconds.toFixed(2)} / ${row.cpuSeconds.toFixed(2)} / ${row.msPerThousandCalls.toFixed(0)} / ${row.maxRssMb.toFixed(0)}`,
    ]),
  ];
  const width = Math.max(...rows.map((row) => row[0].length));
  process.stdout.write(
    `${rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n')}\n\nwritten to bench/results.json\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
