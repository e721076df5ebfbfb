#!/usr/bin/env node
// npm run bench [-- <folder>]: lint overhead, per-rule time, codemod throughput, memory and scaling.
// Without a folder, measures a generated corpus (bench/corpus.js, seed 42). Prints a table and
// writes bench/results.json.
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ESLint } = require('eslint');
const tsParser = require('@typescript-eslint/parser');
const plugin = require('../dist/rules/index.js');
const { writeCorpus } = require('./corpus.js');

const BASE_FILES = Number(process.env.BENCH_FILES ?? 3000);
const LINT_PAIRS = Number(process.env.BENCH_PAIRS ?? 3);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function corpus(files) {
  // Outside this repository: its .gitignore would hide the corpus from the codemod runner.
  const directory = path.join(os.tmpdir(), 'structured-logging-bench', String(files));
  if (!fs.existsSync(path.join(directory, 'src'))) writeCorpus(directory, files, 42);
  return directory;
}

function eslintFor(directory, withRules, stats = false) {
  const base = [
    { ignores: ['**/node_modules/**', '**/dist/**', '**/*.d.ts'] },
    { files: ['**/*.{js,jsx,ts,tsx,mjs,cjs}'], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } }, linterOptions: { reportUnusedDisableDirectives: 'off' } },
  ];
  const rules = withRules ? [...plugin.configs.recommended, { settings: { 'structured-logging': { logger: { importFrom: './src/logger', importName: 'logger' } } } }] : [];
  return new ESLint({ cwd: directory, overrideConfigFile: true, overrideConfig: [...base, ...rules], stats });
}

async function timeLint(directory, withRules) {
  const started = process.hrtime.bigint();
  await eslintFor(directory, withRules).lintFiles(['.']);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function lintOverhead(directory) {
  const bare = [];
  const preset = [];
  await timeLint(directory, true); // warm-up: module loading and JIT
  for (let pair = 0; pair < LINT_PAIRS; pair++) {
    // Alternated, so drift in machine load hits both sides alike.
    bare.push(await timeLint(directory, false));
    preset.push(await timeLint(directory, true));
  }
  const ratios = bare.map((seconds, index) => preset[index] / seconds);
  return { bareSeconds: median(bare), presetSeconds: median(preset), medianRatio: median(ratios), overheadPercent: (median(ratios) - 1) * 100 };
}

async function perRuleTime(directory) {
  const results = await eslintFor(directory, true, true).lintFiles(['.']);
  const totals = {};
  let parseMs = 0;
  for (const result of results) {
    for (const pass of result.stats?.times.passes ?? []) {
      parseMs += pass.parse?.total ?? 0;
      for (const [rule, time] of Object.entries(pass.rules ?? {})) totals[rule] = (totals[rule] ?? 0) + time.total;
    }
  }
  return { parseMs, rulesMs: Object.fromEntries(Object.entries(totals).sort((a, b) => b[1] - a[1]).map(([rule, ms]) => [rule, Math.round(ms)])) };
}

function pass(mode, directory, workers = 1) {
  const output = execFileSync(process.execPath, [path.join(__dirname, 'codemod-pass.js'), mode, directory], { encoding: 'utf8', env: { ...process.env, BENCH_WORKERS: String(workers) }, maxBuffer: 1 << 24 });
  return JSON.parse(output);
}

async function main() {
  const folder = process.argv[2] ? path.resolve(process.argv[2]) : null;
  const directory = folder ?? corpus(BASE_FILES);
  const results = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, corpus: folder ?? `generated, ${BASE_FILES} files, seed 42` };

  process.stderr.write('lint overhead...\n');
  results.lint = await lintOverhead(directory);
  results.perRule = await perRuleTime(directory);

  process.stderr.write('codemod throughput...\n');
  results.codemod = {
    codemodAll: pass('codemods', directory),
    codemodAllWorkers: pass('codemods', directory, Math.max(2, os.availableParallelism() - 1)),
    estreeParseEveryFile: pass('estree', directory),
    jscodeshiftParseEveryFile: pass('jscodeshift', directory),
  };

  if (!folder) {
    process.stderr.write('scaling...\n');
    results.scaling = [];
    for (const factor of [1, 2, 4]) {
      const scaled = corpus(BASE_FILES * factor);
      results.scaling.push({ factor, files: BASE_FILES * factor, lintSeconds: await timeLint(scaled, true), codemod: pass('codemods', scaled) });
    }
  }

  fs.writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const c = results.codemod;
  const rows = [
    ['lint, parser only (median s)', results.lint.bareSeconds.toFixed(2)],
    ['lint, recommended preset (median s)', results.lint.presetSeconds.toFixed(2)],
    ['lint overhead (median ratio)', `${results.lint.medianRatio.toFixed(3)} (+${results.lint.overheadPercent.toFixed(1)}%)`],
    ...Object.entries(results.perRule.rulesMs).map(([rule, ms]) => [`  ${rule} (ms, whole corpus)`, String(ms)]),
    ['codemod all, 1 thread (files/s, peak MB)', `${c.codemodAll.filesPerSecond.toFixed(0)}, ${c.codemodAll.maxRssMb.toFixed(0)}`],
    ['codemod all, workers (files/s, peak MB)', `${c.codemodAllWorkers.filesPerSecond.toFixed(0)}, ${c.codemodAllWorkers.maxRssMb.toFixed(0)}`],
    ['typescript-estree parse of every file (files/s, peak MB)', `${c.estreeParseEveryFile.filesPerSecond.toFixed(0)}, ${c.estreeParseEveryFile.maxRssMb.toFixed(0)}`],
    ['jscodeshift no-op: tsx parse of every file (files/s, peak MB)', `${c.jscodeshiftParseEveryFile.filesPerSecond.toFixed(0)}, ${c.jscodeshiftParseEveryFile.maxRssMb.toFixed(0)}`],
    ...(results.scaling ?? []).map((row) => [`scaling ${row.factor}x (${row.files} files): lint s / codemod s / codemod peak MB`, `${row.lintSeconds.toFixed(2)} / ${row.codemod.seconds.toFixed(2)} / ${row.codemod.maxRssMb.toFixed(0)}`]),
  ];
  const width = Math.max(...rows.map((row) => row[0].length));
  process.stdout.write(`${rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n')}\n\nwritten to bench/results.json\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
