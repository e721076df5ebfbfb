#!/usr/bin/env node
/**
 * Rule precision on a real repository (issue #21): lint it with this plugin's `strict` preset (every
 * rule, with the preset's own file overrides for tests and scripts), as a user adopting the plugin
 * with no settings would, and draw a seeded random sample of up to N reports per rule to be judged.
 *
 *   node scripts/rule-precision.mjs --repo <work tree> --name <name> --paths <a,b> [options]
 *
 * It writes data/precision/<name>.<label>.json: the repository and commit, the files linted, the
 * report count per rule, and the sample (file, line, column, rule, message; `verdict` and `why` are
 * left empty for the judge: "tp" a report a senior engineer would act on, "fp" one they would
 * dismiss). No code of the repository is written, only positions and this plugin's own messages.
 * A sample file that already has verdicts keeps them for the reports that are still there (same
 * file, line, rule and message), so a re-run after a fix only needs the new reports judged.
 *
 *   node scripts/rule-precision.mjs --table [--label <label>]
 *
 * prints the precision table of every judged sample in data/precision/.
 *
 * Options:
 *   --tool <path>     checkout whose dist/ is linted with (default: this checkout)
 *   --label <label>   result label (default: after; `before` holds the samples judged before
 *                     this round's changes)
 *   --sample <n>      reports drawn per rule (default 40)
 *   --seed <n>        seed of the draw (default 1)
 *   --from <label>    also keep the verdicts of an earlier label's sample (a run before a change),
 *                     for the reports that are still there
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SELF = path.resolve(HERE, '..');
const OUT = path.join(SELF, 'data', 'precision');

const IGNORES = [
  '**/node_modules/**',
  '**/dist/**',
  '**/build/**',
  '**/.next/**',
  '**/coverage/**',
  '**/vendor/**',
  '**/*.min.js',
  '**/*.d.ts',
];

function parseArgs(argv) {
  const options = { tool: SELF, label: 'after', sample: 40, seed: 1, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      return value;
    };
    if (arg === '--repo') options.repo = path.resolve(next());
    else if (arg === '--name') options.name = next();
    else if (arg === '--paths') options.paths = next().split(',');
    else if (arg === '--tool') options.tool = path.resolve(next());
    else if (arg === '--label') options.label = next();
    else if (arg === '--sample') options.sample = Number(next());
    else if (arg === '--seed') options.seed = Number(next());
    else if (arg === '--from') options.from = next();
    else if (arg === '--table') options.table = true;
    else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

// The bench's seeded generator (mulberry32): the same seed draws the same sample.
const { random } = createRequire(import.meta.url)('../bench/corpus.js');

function draw(items, count, seed) {
  const next = random(seed);
  const pool = [...items];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count);
}

const sameReport = (a, b) =>
  a.file === b.file && a.line === b.line && a.rule === b.rule && a.message === b.message;

async function lint(options) {
  const require = createRequire(path.join(options.tool, 'package.json'));
  const { ESLint } = require('eslint');
  const tsParser = require('@typescript-eslint/parser');
  const plugin = require(path.join(options.tool, 'dist/rules/index.js'));
  const eslint = new ESLint({
    cwd: options.repo,
    overrideConfigFile: true,
    overrideConfig: [
      { ignores: IGNORES },
      {
        files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
        languageOptions: {
          parser: tsParser,
          parserOptions: { ecmaFeatures: { jsx: true } },
        },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
      },
      ...plugin.configs.strict,
    ],
  });
  const started = performance.now();
  const results = await eslint.lintFiles(options.paths);
  return { results, seconds: (performance.now() - started) / 1000 };
}

async function run(options) {
  if (!options.repo || !options.name || options.paths.length === 0)
    throw new Error('--repo, --name and --paths are required');
  const { results, seconds } = await lint(options);
  const reports = [];
  let parseErrors = 0;
  for (const result of results) {
    const file = path.relative(options.repo, result.filePath).split(path.sep).join('/');
    for (const message of result.messages) {
      if (!message.ruleId) {
        parseErrors++;
        continue;
      }
      if (!message.ruleId.startsWith('structured-logging/')) continue;
      reports.push({
        file,
        line: message.line,
        column: message.column,
        rule: message.ruleId.slice('structured-logging/'.length),
        message: message.message,
      });
    }
  }
  const counts = {};
  for (const report of reports) counts[report.rule] = (counts[report.rule] ?? 0) + 1;
  const outFile = path.join(OUT, `${options.name}.${options.label}.json`);
  const judged = [outFile, options.from && path.join(OUT, `${options.name}.${options.from}.json`)]
    .filter((file) => file && fs.existsSync(file))
    .flatMap((file) => JSON.parse(fs.readFileSync(file, 'utf8')).sample)
    .filter((item) => item.verdict);
  const sample = [];
  for (const rule of Object.keys(counts).sort()) {
    const own = reports.filter((report) => report.rule === rule);
    for (const report of draw(own, options.sample, options.seed)) {
      const earlier = judged.find((old) => sameReport(old, report));
      sample.push({ ...report, verdict: earlier?.verdict ?? null, why: earlier?.why ?? null });
    }
  }
  const commit = execFileSync('git', ['-C', options.repo, 'rev-parse', 'HEAD'], {
    encoding: 'utf8',
  }).trim();
  const result = {
    name: options.name,
    commit,
    paths: options.paths,
    preset: 'strict',
    files: results.length,
    parseErrors,
    seconds: Math.round(seconds),
    reports: counts,
    sample,
  };
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(
    `${options.name}: ${results.length} files, ${reports.length} reports ${JSON.stringify(counts)}, ` +
      `${sample.length} sampled -> ${path.relative(SELF, outFile)}\n`,
  );
}

function table(options) {
  const files = fs
    .readdirSync(OUT)
    .filter((name) => name.endsWith(`.${options.label}.json`))
    .sort();
  const byRule = {};
  const rows = [];
  for (const name of files) {
    const data = JSON.parse(fs.readFileSync(path.join(OUT, name), 'utf8'));
    for (const item of data.sample) {
      const rule = (byRule[item.rule] ??= { tp: 0, fp: 0, open: 0, repos: {} });
      const repo = (rule.repos[data.name] ??= { tp: 0, fp: 0, reports: data.reports[item.rule] });
      if (item.verdict === 'tp' || item.verdict === 'fp') {
        rule[item.verdict]++;
        repo[item.verdict]++;
      } else rule.open++;
    }
  }
  rows.push(
    '| rule | ' + files.map((f) => f.split('.')[0]).join(' | ') + ' | judged | precision |',
  );
  rows.push('| --- | ' + files.map(() => '---').join(' | ') + ' | --- | --- |');
  for (const rule of Object.keys(byRule).sort()) {
    const stats = byRule[rule];
    const cells = files.map((f) => {
      const repo = stats.repos[f.split('.')[0]];
      return repo ? `${repo.tp}/${repo.tp + repo.fp} of ${repo.reports}` : '-';
    });
    const judged = stats.tp + stats.fp;
    const precision = judged ? `${((100 * stats.tp) / judged).toFixed(0)}%` : '-';
    const open = stats.open ? ` (${stats.open} unjudged)` : '';
    rows.push(`| ${rule} | ${cells.join(' | ')} | ${judged}${open} | ${precision} |`);
  }
  process.stdout.write(`${rows.join('\n')}\n`);
}

const options = parseArgs(process.argv.slice(2));
if (options.table) table(options);
else await run(options);
