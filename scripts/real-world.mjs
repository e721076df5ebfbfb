#!/usr/bin/env node
/**
 * Real-repository evaluation of `structured-logging codemod all` (issues #19 and #20), or of one
 * codemod with settings (`--codemod console-to-logger --settings <json>`).
 *
 *   node scripts/real-world.mjs --repo <work tree> --paths <dir>[,<dir>...] [options]
 *
 * On a scratch copy of the repository's tracked files (the repository itself is never written), it
 * runs `node <tool>/dist/codemods/cli.js codemod all <paths> --force --report <json> --no-progress`
 * with no settings (or the --codemod and --settings given), then measures: files scanned and
 * changed, calls rewritten, calls left with their reasons (grouped), and, with --tsconfig, the
 * TypeScript diagnostics before and after the rewrite, counting the new ones on lines the codemod
 * changed. It writes a small JSON result and prints a markdown table row.
 *
 * Or every repository of a list, one after the other (each entry: name, repository, commit,
 * workTree, paths, tsconfig, install, linkWorkspaces; see data/real-world/repos.json):
 *
 *   node scripts/real-world.mjs --config data/real-world/repos.json [--only a,b] [--tool <path>] [--label <label>]
 *
 * With `--config ... --codemod console-to-logger` each entry's `consoleSettings` is given as
 * --settings, and its `consoleTsconfig`, when it has one, replaces `tsconfig`; an entry with
 * `consoleSkip` instead (the reason it cannot be configured) is skipped, with that reason written
 * as its result:
 *
 *   node scripts/real-world.mjs --config data/real-world/repos.json --codemod console-to-logger \
 *     --label console
 *
 * The table of the results already written (with the reviews as they are now):
 *
 *   node scripts/real-world.mjs --table [--label <label>]
 *
 * Options:
 *   --repo <path>          work tree of the fetched repository (required)
 *   --paths <a,b>          source folders to run over, relative to the repository (required)
 *   --name <name>          result name (default: the folder name of --repo)
 *   --tool <path>          checkout of this project whose dist/ to run (default: this checkout)
 *   --label <label>        result label: data/real-world/<name>.<label>.json (default: baseline)
 *   --codemod <name>       the codemod to run (default: all)
 *   --settings <json>      settings['structured-logging'] given to the CLI (--settings) instead of
 *                          the repository's ESLint config; then no settings probe is made. A list
 *                          [{"paths": [...], "settings": {...}}, ...] runs the CLI once per entry on
 *                          the same copy, each on its own paths (a monorepo whose packages each
 *                          import their own logger), and adds the reports up
 *   --out <dir>            where the result goes (default: <this checkout>/data/real-world)
 *   --tsconfig <a,b>       tsconfig(s) of the changed packages, relative to the repository
 *   --link-workspaces      symlink every package.json of the repository into the scratch copy's
 *                          node_modules under its name (what pnpm/yarn workspaces would do), so
 *                          imports of workspace packages get their real declarations
 *   --install <specs>      npm packages to install (no scripts) into the scratch copy's root
 *                          node_modules so the logger libraries have their real types, e.g.
 *                          "winston@3.17.0,pino@9" (the repository's own dependencies are not installed)
 *   --settings-probe       also run once with --settings '{}' when the repository's ESLint config
 *                          fails to load (always when --settings-probe=always)
 *   --sample <n>           diffs kept in the result (default 40)
 *   --seed <n>             seed of the sample (default 1)
 *   --scratch <dir>        scratch root (default /tmp/real-world)
 *   --keep                 keep the scratch copy (default: removed at the end)
 *
 * Nothing here depends on the core: it reads only the CLI's JSON report, so the same command
 * measures any later build (`--tool /path/to/other/checkout --label after`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SELF = path.resolve(HERE, '..');

function parseArgs(argv) {
  const options = {
    tool: SELF,
    label: 'baseline',
    codemod: 'all',
    out: path.join(SELF, 'data', 'real-world'),
    sample: 40,
    seed: 1,
    scratch: '/tmp/real-world',
    tsconfig: [],
    install: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) fail(`${arg} needs a value`);
      return next;
    };
    switch (arg) {
      case '--repo':
        options.repo = path.resolve(value());
        break;
      case '--paths':
        options.paths = value().split(',').filter(Boolean);
        break;
      case '--name':
        options.name = value();
        break;
      case '--tool':
        options.tool = path.resolve(value());
        break;
      case '--label':
        options.label = value();
        break;
      case '--codemod':
        options.codemod = value();
        break;
      case '--settings':
        options.settings = value();
        try {
          JSON.parse(options.settings);
        } catch (error) {
          fail(`--settings is not JSON: ${error.message}`);
        }
        break;
      case '--out':
        options.out = path.resolve(value());
        break;
      case '--tsconfig':
        options.tsconfig = value().split(',').filter(Boolean);
        break;
      case '--link-workspaces':
        options.linkWorkspaces = true;
        break;
      case '--install':
        options.install = value().split(',').filter(Boolean);
        break;
      case '--settings-probe':
        options.settingsProbe = 'on-failure';
        break;
      case '--settings-probe=always':
        options.settingsProbe = 'always';
        break;
      case '--sample':
        options.sample = Number(value());
        break;
      case '--seed':
        options.seed = Number(value());
        break;
      case '--scratch':
        options.scratch = path.resolve(value());
        break;
      case '--keep':
        options.keep = true;
        break;
      case '--config':
        options.config = path.resolve(value());
        break;
      case '--table':
        options.table = true;
        break;
      case '--only':
        options.only = value().split(',').filter(Boolean);
        break;
      case '-h':
      case '--help':
        process.stdout.write(
          fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0],
        );
        process.exit(0);
        break;
      default:
        fail(`unknown option ${arg}`);
    }
  }
  if (options.config || options.table) return options;
  if (!options.repo || !options.paths?.length) fail('--repo and --paths are required (see --help)');
  if (!fs.existsSync(options.repo)) fail(`--repo ${options.repo} does not exist`);
  const cli = path.join(options.tool, 'dist', 'codemods', 'cli.js');
  if (!fs.existsSync(cli)) fail(`${cli} does not exist: run npm run build in ${options.tool}`);
  options.cli = cli;
  options.name ??= path.basename(options.repo);
  return options;
}

function fail(message) {
  process.stderr.write(`real-world: ${message}\n`);
  process.exit(2);
}

function log(message) {
  process.stderr.write(`[real-world] ${message}\n`);
}

function git(cwd, args, opts = {}) {
  return execFileSync('git', ['-C', cwd, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    ...opts,
  });
}

/** The tracked files of the work tree as they are now (sparse or missing files skipped), copied to dir. */
function copyTracked(repo, dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const files = git(repo, ['ls-files', '-z', '--cached'])
    .split('\0')
    .filter(
      (file) =>
        file &&
        fs.existsSync(path.join(repo, file)) &&
        !fs.lstatSync(path.join(repo, file)).isDirectory(),
    );
  const list = `${dir}.files`;
  fs.writeFileSync(list, files.join('\0'));
  execFileSync(
    'bash',
    [
      '-c',
      `tar --null -C ${JSON.stringify(repo)} -T ${JSON.stringify(list)} -cf - | tar -C ${JSON.stringify(dir)} -xf -`,
    ],
    { stdio: 'inherit' },
  );
  fs.rmSync(list);
  return files.length;
}

/** Every package.json in the copy, linked as node_modules/<name> at the copy's root. */
function linkWorkspaces(dir) {
  const out = execFileSync(
    'bash',
    ['-c', `find . -name package.json -not -path '*/node_modules/*' -not -path './.git/*'`],
    { cwd: dir, encoding: 'utf8' },
  );
  const linked = [];
  for (const manifest of out.split('\n').filter(Boolean)) {
    let name;
    try {
      name = JSON.parse(fs.readFileSync(path.join(dir, manifest), 'utf8')).name;
    } catch {
      continue;
    }
    if (!name || typeof name !== 'string') continue;
    const target = path.join(dir, 'node_modules', name);
    if (fs.existsSync(target)) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.symlinkSync(path.resolve(dir, path.dirname(manifest)), target, 'dir');
    linked.push(name);
  }
  return linked;
}

/** npm packages installed in a side folder, then moved under the copy's node_modules. */
function installPackages(dir, specs, scratchRoot, name) {
  if (specs.length === 0) return [];
  const side = path.join(scratchRoot, `${name}.deps`);
  if (!fs.existsSync(path.join(side, 'node_modules'))) {
    fs.mkdirSync(side, { recursive: true });
    fs.writeFileSync(
      path.join(side, 'package.json'),
      '{"name":"real-world-deps","private":true}\n',
    );
    log(`npm install ${specs.join(' ')} (no scripts, side folder ${side})`);
    execFileSync(
      'npm',
      ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel', 'error', ...specs],
      { cwd: side, stdio: 'inherit' },
    );
  }
  const modules = path.join(dir, 'node_modules');
  fs.mkdirSync(modules, { recursive: true });
  for (const entry of fs.readdirSync(path.join(side, 'node_modules'))) {
    if (entry.startsWith('.')) continue;
    const from = path.join(side, 'node_modules', entry);
    if (entry.startsWith('@')) {
      for (const inner of fs.readdirSync(from)) {
        const target = path.join(modules, entry, inner);
        if (fs.existsSync(target)) continue;
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.symlinkSync(path.join(from, inner), target, 'dir');
      }
    } else if (!fs.existsSync(path.join(modules, entry))) {
      fs.symlinkSync(from, path.join(modules, entry), 'dir');
    }
  }
  const versions = {};
  for (const spec of specs) {
    const pkgName = spec.replace(/(?!^)@.*$/, '');
    try {
      versions[pkgName] = JSON.parse(
        fs.readFileSync(path.join(side, 'node_modules', pkgName, 'package.json'), 'utf8'),
      ).version;
    } catch {
      versions[pkgName] = null;
    }
  }
  return versions;
}

const DIAGNOSTIC = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/;

/** tsc --noEmit diagnostics of one tsconfig: [{file, line, code, message}], file relative to dir. */
const TSC = path.join(SELF, 'node_modules', '.bin', 'tsc');

/**
 * tsc stops at option errors: a `types` entry whose package is not installed (TS2688) hides every
 * other diagnostic. Those entries are dropped on the command line (`--types` with the rest).
 */
function typesWithoutMissing(dir, tsconfig, global) {
  const missing = global
    .map((line) => /error TS2688: Cannot find type definition file for '([^']+)'/.exec(line)?.[1])
    .filter(Boolean);
  if (missing.length === 0) return undefined;
  const shown = JSON.parse(
    execFileSync(TSC, ['--showConfig', '-p', tsconfig], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    }),
  );
  const types = shown.compilerOptions?.types ?? [];
  return { missing, args: ['--types', types.filter((type) => !missing.includes(type)).join(',')] };
}

function typeCheck(dir, tsconfig, extraArgs = []) {
  const tsc = TSC;
  const started = Date.now();
  const result = spawnSync(tsc, ['--noEmit', '--pretty', 'false', '-p', tsconfig, ...extraArgs], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=4096' },
  });
  const diagnostics = [];
  const global = [];
  let last;
  for (const line of (result.stdout ?? '').split('\n')) {
    const match = DIAGNOSTIC.exec(line);
    if (match) {
      last = {
        file: path.relative(dir, path.resolve(dir, match[1])),
        line: Number(match[2]),
        code: match[4],
        message: match[5],
      };
      diagnostics.push(last);
    } else if (/^error TS\d+/.test(line)) {
      global.push(line);
      last = undefined;
    } else if (line.startsWith('  ') && last) {
      last.message += `\n${line.trim()}`;
    }
  }
  return {
    diagnostics,
    global,
    status: result.status,
    seconds: (Date.now() - started) / 1000,
    stderr: (result.stderr ?? '').slice(0, 2000),
  };
}

/**
 * Hunks of `diff -U0 before after`: for each, the before range and the after range (1-based,
 * inclusive start, count may be 0).
 */
function hunks(before, after) {
  const result = spawnSync('diff', ['-U0', before, after], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const out = [];
  for (const line of result.stdout.split('\n')) {
    const match = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (match)
      out.push({
        beforeStart: Number(match[1]),
        beforeCount: match[2] === undefined ? 1 : Number(match[2]),
        afterStart: Number(match[3]),
        afterCount: match[4] === undefined ? 1 : Number(match[4]),
      });
  }
  return out;
}

/**
 * The whole lines of a change, before and after (at most 12 lines each): from the change's first
 * line to the end of the first hunk that ends at or after it (a multi-line call often changes only
 * its later lines).
 */
function hunkText(repo, dir, relative, fileHunks, line) {
  const hunk = fileHunks.find(
    (h) => h.beforeStart + Math.max(h.beforeCount, 1) - 1 >= line && h.beforeStart <= line + 20,
  );
  if (!hunk) return {};
  const original = fs.readFileSync(path.join(repo, relative), 'utf8').split('\n');
  const rewritten = fs.readFileSync(path.join(dir, relative), 'utf8').split('\n');
  const first = Math.min(line, hunk.beforeStart);
  const unchangedPrefix = original.slice(first - 1, hunk.beforeStart - 1);
  const beforeLines = original.slice(first - 1, hunk.beforeStart - 1 + hunk.beforeCount);
  const afterLines = [
    ...unchangedPrefix,
    ...rewritten.slice(hunk.afterStart - 1, hunk.afterStart - 1 + hunk.afterCount),
  ];
  return {
    beforeLines: beforeLines.slice(0, 12).join('\n'),
    afterLines: afterLines.slice(0, 12).join('\n'),
  };
}

/** Maps an after-line to {changed, hunk} or {changed:false, beforeLine}. */
function lineMapper(fileHunks) {
  return (line) => {
    let shift = 0;
    for (const hunk of fileHunks) {
      const start = hunk.afterCount === 0 ? hunk.afterStart + 1 : hunk.afterStart;
      if (line < start) break;
      if (hunk.afterCount > 0 && line < hunk.afterStart + hunk.afterCount)
        return { changed: true, hunk };
      shift = hunk.beforeStart + hunk.beforeCount - (hunk.afterStart + hunk.afterCount);
      if (hunk.beforeCount === 0)
        shift = hunk.beforeStart + 1 - (hunk.afterStart + hunk.afterCount);
    }
    return { changed: false, beforeLine: line + shift };
  };
}

/** New diagnostics: after minus before, each before diagnostic cancelling at most one after. */
function compareDiagnostics(before, after, changedFiles) {
  const key = (d, line) => `${d.file}\0${line}\0${d.code}\0${d.message}`;
  const pool = new Map();
  const take = (k) => {
    const n = pool.get(k) ?? 0;
    if (n === 0) return false;
    pool.set(k, n - 1);
    return true;
  };
  for (const d of before) pool.set(key(d, d.line), (pool.get(key(d, d.line)) ?? 0) + 1);
  // Diagnostics in a changed hunk match a before diagnostic anywhere in the hunk's before range.
  const hunkPool = new Map();
  for (const d of before) {
    const fileHunks = changedFiles.get(d.file);
    if (!fileHunks) continue;
    const hunk = fileHunks.find(
      (h) => d.line >= h.beforeStart && d.line < h.beforeStart + Math.max(h.beforeCount, 1),
    );
    if (!hunk) continue;
    const k = `${d.file}\0${hunk.beforeStart}\0${d.code}\0${d.message}`;
    hunkPool.set(k, (hunkPool.get(k) ?? 0) + 1);
  }
  const onChangedLines = [];
  const elsewhere = [];
  for (const d of after) {
    const fileHunks = changedFiles.get(d.file);
    if (!fileHunks) {
      if (!take(key(d, d.line))) elsewhere.push(d);
      continue;
    }
    const where = lineMapper(fileHunks)(d.line);
    if (where.changed) {
      const k = `${d.file}\0${where.hunk.beforeStart}\0${d.code}\0${d.message}`;
      const n = hunkPool.get(k) ?? 0;
      if (n > 0) hunkPool.set(k, n - 1);
      else onChangedLines.push(d);
    } else if (!take(key(d, where.beforeLine))) {
      elsewhere.push(d);
    }
  }
  return { onChangedLines, elsewhere };
}

/** A skip reason with its specifics (quoted names, paths, numbers) replaced, so reasons group. */
function reasonGroup(reason) {
  return reason
    .replace(/`[^`]*`/g, '`…`')
    .replace(/'[^']*'/g, "'…'")
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\b[\w./-]+\.(?:[cm]?[jt]sx?|json):\d+(?::\d+)?/g, '<file:line>')
    .replace(/\b\d+\b/g, 'N');
}

function countBy(items, keyOf) {
  const counts = {};
  for (const item of items) {
    const k = keyOf(item);
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1]));
}

/** Deterministic shuffle (mulberry32). */
function shuffled(items, seed) {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** Whether the repository's own ESLint config loads, asked of the tool's ESLint for one file per path. */
async function probeEslintConfig(toolDir, dir, paths) {
  const require = createRequire(path.join(toolDir, 'package.json'));
  let ESLint;
  try {
    ({ ESLint } = await import(pathToFileURL(require.resolve('eslint')).href));
  } catch (error) {
    return { loaded: false, error: `the tool's eslint could not be loaded: ${error.message}` };
  }
  const eslint = new ESLint({ cwd: dir });
  const results = [];
  for (const folder of paths) {
    const file = execFileSync(
      'bash',
      [
        '-c',
        `find ${JSON.stringify(folder)} -type f \\( -name '*.ts' -o -name '*.js' -o -name '*.tsx' -o -name '*.mjs' \\) -not -path '*/node_modules/*' | head -1`,
      ],
      { cwd: dir, encoding: 'utf8' },
    ).trim();
    if (!file) continue;
    try {
      const config = await eslint.calculateConfigForFile(path.join(dir, file));
      results.push({
        file,
        ok: true,
        hasConfig: config !== undefined,
        structuredLoggingSettings: config?.settings?.['structured-logging'] !== undefined,
      });
    } catch (error) {
      const message = String(error.message).split('\n')[0].slice(0, 300);
      // No flat config at all is not a broken one: the CLI then uses its defaults, as it says.
      if (/Could not find config file/i.test(message))
        results.push({ file, ok: true, hasConfig: false, note: message });
      else results.push({ file, ok: false, error: message });
    }
  }
  return { loaded: results.every((r) => r.ok), files: results };
}

function runCli(options, dir, extra, group) {
  const reportFile = `${dir}.report${group === undefined ? '' : `.${group}`}${extra.length ? '.settings' : ''}.json`;
  const args = [
    options.cli,
    'codemod',
    options.codemod,
    ...options.paths,
    '--force',
    '--report',
    reportFile,
    '--no-progress',
    ...extra,
  ];
  log(`node ${args.map((a) => (/[\s{}']/.test(a) ? `'${a}'` : a)).join(' ')}   (cwd ${dir})`);
  // A report left by an earlier run must never stand in for this one's.
  fs.rmSync(reportFile, { force: true });
  const started = Date.now();
  const result = spawnSync(process.execPath, args, {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const seconds = (Date.now() - started) / 1000;
  if (!fs.existsSync(reportFile)) {
    fail(`the CLI wrote no report (exit ${result.status}):\n${result.stderr}\n${result.stdout}`);
  }
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  return {
    report,
    reportFile,
    exit: result.status,
    seconds,
    summaryText: result.stderr.split('\n').slice(0, 3).join('\n'),
  };
}

/**
 * --settings as a list of `{paths, settings}`: a monorepo whose packages each import their own
 * logger module. Each group is run in turn on the same scratch copy, with its own paths.
 */
function settingsGroups(settings) {
  if (settings === undefined) return undefined;
  const parsed = JSON.parse(settings);
  if (!Array.isArray(parsed)) return undefined;
  return parsed.map((group) => {
    if (!group?.paths?.length || typeof group.settings !== 'object')
      fail('--settings as a list takes entries {"paths": [...], "settings": {...}}');
    return { paths: group.paths, settings: JSON.stringify(group.settings) };
  });
}

/** The reports of the groups' runs as one (counts added, lists joined). */
function mergeRuns(runs) {
  const report = { ...runs[0].report, changed: [], skipped: [], failed: [], notes: [] };
  const summary = {
    files: 0,
    changedFiles: 0,
    unchangedFiles: 0,
    failedFiles: 0,
    rewrittenCalls: 0,
    skippedCalls: 0,
    seconds: 0,
  };
  const skippedByReason = {};
  for (const { report: part } of runs) {
    for (const key of Object.keys(summary)) summary[key] += part.summary[key] ?? 0;
    for (const [reason, n] of Object.entries(part.summary.skippedByReason ?? {}))
      skippedByReason[reason] = (skippedByReason[reason] ?? 0) + n;
    report.changed.push(...part.changed);
    report.skipped.push(...part.skipped);
    report.failed.push(...part.failed);
    report.notes.push(...(part.notes ?? []));
  }
  report.summary = { ...runs[0].report.summary, ...summary, skippedByReason };
  return {
    report,
    reportFile: runs.map((run) => run.reportFile).join(', '),
    exit: Math.max(...runs.map((run) => run.exit ?? 0)),
    seconds: runs.reduce((n, run) => n + run.seconds, 0),
    summaryText: runs.map((run) => run.summaryText).join('\n'),
  };
}

function summarise(report) {
  const s = report.summary;
  const skippedGroups = countBy(
    report.skipped,
    (skip) => `${skip.codemod}: ${reasonGroup(skip.reason)}`,
  );
  return {
    files: s.files,
    changedFiles: s.changedFiles,
    failedFiles: s.failedFiles,
    rewrittenCalls: s.rewrittenCalls,
    skippedCalls: s.skippedCalls,
    settingsSource: report.settingsSource,
    rewrittenByCodemod: countBy(report.changed, (change) => change.codemod),
    skippedByCodemod: countBy(report.skipped, (skip) => skip.codemod),
    skippedByReasonGroup: skippedGroups,
    skippedByReason: Object.fromEntries(
      Object.entries(s.skippedByReason)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 25),
    ),
    failed: report.failed.slice(0, 20),
    notes: report.notes,
    pinoRedactPaths: report.pinoRedactPaths,
  };
}

/**
 * The review of a label's own sample (`<name>.<label>-review.json`); the baseline's is
 * `<name>.review.json`. A label without a review of its own has no review counts: the baseline's
 * judge another sample.
 */
function reviewFileFor(out, name, label) {
  return path.join(
    out,
    label === 'baseline' ? `${name}.review.json` : `${name}.${label}-review.json`,
  );
}

function reviewCounts(file) {
  if (!fs.existsSync(file)) return undefined;
  const review = JSON.parse(fs.readFileSync(file, 'utf8'));
  const items = review.items ?? review;
  const counts = { reviewed: items.length, mergeable: 0, valueLost: 0, byClass: {} };
  for (const item of items) {
    if (item.verdict === 'mergeable') counts.mergeable++;
    // The console-to-logger reviews judge each rewrite `ok` or `wrong`.
    if (item.verdict === 'ok' || item.verdict === 'wrong')
      counts[item.verdict] = (counts[item.verdict] ?? 0) + 1;
    for (const problem of item.problems ?? []) {
      counts.byClass[problem] = (counts.byClass[problem] ?? 0) + 1;
    }
    if (
      (item.problems ?? []).some(
        (p) => p === 'value-lost' || p === 'redacted-not-secret' || p === 'error-lost',
      )
    )
      counts.valueLost++;
  }
  return counts;
}

const TABLE_HEAD =
  '| repository | files | changed | rewritten | left: top reasons | new type errors on changed lines | values lost (reviewed) |\n| --- | --- | --- | --- | --- | --- | --- |';

/** One markdown row of a result (and its review, when there is one). */
function tableRow(result, review) {
  if (result.skipped)
    return `| ${result.name} | skipped: ${result.skipped.replace(/\|/g, '\\|')} |`;
  const top = Object.entries(result.skippedByReasonGroup)
    .slice(0, 3)
    .map(([reason, n]) => `${n} ${reason.replace(/\|/g, '\\|')}`)
    .join('; ');
  const types = result.typecheck.length
    ? result.typecheck
        .map(
          (t) =>
            `${t.newOnChangedLines}${t.newElsewhereInChangedFiles ? ` (+${t.newElsewhereInChangedFiles} elsewhere in changed files)` : ''}`,
        )
        .join(', ')
    : 'n/a';
  const lost = review ? `${review.valueLost} of ${review.reviewed}` : 'not reviewed';
  return `| ${result.name} | ${result.files} | ${result.changedFiles} | ${result.rewrittenCalls} | ${result.skippedCalls}${top ? `: ${top}` : ''} | ${types} | ${lost} |`;
}

/** The table of the results already written for a label, with the reviews as they are now. */
function printTable(options) {
  const suffix = `.${options.label}.json`;
  const rows = fs
    .readdirSync(options.out)
    .filter((file) => file.endsWith(suffix))
    .sort()
    .map((file) => {
      const result = JSON.parse(fs.readFileSync(path.join(options.out, file), 'utf8'));
      return tableRow(result, reviewCounts(reviewFileFor(options.out, result.name, options.label)));
    });
  process.stdout.write(`${TABLE_HEAD}\n${rows.join('\n')}\n`);
}

/** Runs this script once per entry of a list, in series (the machine is shared: one heavy process at a time). */
function runConfig(options) {
  const entries = JSON.parse(fs.readFileSync(options.config, 'utf8')).repositories;
  const rows = [];
  for (const entry of entries) {
    if (options.only && !options.only.includes(entry.name)) continue;
    const consoleRun = options.codemod === 'console-to-logger';
    if (consoleRun && entry.consoleSkip && options.settings === undefined) {
      log(`${entry.name}: skipped, ${entry.consoleSkip}`);
      const skipped = {
        schema: 1,
        name: entry.name,
        commit: entry.commit,
        tool: { path: options.tool, label: options.label },
        codemod: options.codemod,
        skipped: entry.consoleSkip,
      };
      fs.mkdirSync(options.out, { recursive: true });
      fs.writeFileSync(
        path.join(options.out, `${entry.name}.${options.label}.json`),
        `${JSON.stringify(skipped, null, 2)}\n`,
      );
      rows.push(tableRow(skipped));
      continue;
    }
    if (!fs.existsSync(entry.workTree)) {
      log(
        `${entry.name}: no work tree at ${entry.workTree}; fetch ${entry.repository} and check out ${entry.commit} there first (see data/real-world/README.md)`,
      );
      continue;
    }
    const head = git(entry.workTree, ['rev-parse', 'HEAD']).trim();
    if (head !== entry.commit)
      log(
        `${entry.name}: work tree is at ${head.slice(0, 12)}, the list says ${entry.commit.slice(0, 12)}: numbers will not compare`,
      );
    const args = [
      fileURLToPath(import.meta.url),
      '--repo',
      entry.workTree,
      '--name',
      entry.name,
      '--paths',
      entry.paths.join(','),
      '--tool',
      options.tool,
      '--label',
      options.label,
      '--out',
      options.out,
      '--scratch',
      options.scratch,
      '--sample',
      String(options.sample),
      '--seed',
      String(options.seed),
      '--settings-probe',
    ];
    if (options.codemod !== 'all') args.push('--codemod', options.codemod);
    const settings =
      options.settings ?? (consoleRun && entry.consoleSettings ? entry.consoleSettings : undefined);
    if (settings !== undefined)
      args.push('--settings', typeof settings === 'string' ? settings : JSON.stringify(settings));
    // A console-to-logger run may change packages the `all` runs do not type-check.
    const tsconfig = (consoleRun && entry.consoleTsconfig) || entry.tsconfig;
    if (tsconfig?.length) args.push('--tsconfig', tsconfig.join(','));
    if (entry.install?.length) args.push('--install', entry.install.join(','));
    if (entry.linkWorkspaces) args.push('--link-workspaces');
    if (options.keep) args.push('--keep');
    const result = spawnSync(process.execPath, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (result.status !== 0) log(`${entry.name}: failed (exit ${result.status})`);
    rows.push(result.stdout.trim());
  }
  process.stdout.write(`${TABLE_HEAD}\n${rows.filter(Boolean).join('\n')}\n`);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.table) return printTable(options);
  if (options.config) return runConfig(options);
  const commit = git(options.repo, ['rev-parse', 'HEAD']).trim();
  let remote = '';
  try {
    remote = git(options.repo, ['config', '--get', 'remote.origin.url']).trim();
  } catch {
    remote = '';
  }
  const toolCommit = (() => {
    try {
      const head = git(options.tool, ['rev-parse', '--short', 'HEAD']).trim();
      const dirty =
        git(options.tool, ['status', '--porcelain', '--untracked-files=no']).trim() !== '';
      return dirty ? `${head}+uncommitted` : head;
    } catch {
      return 'unknown';
    }
  })();
  fs.mkdirSync(options.scratch, { recursive: true });
  const dir = path.join(options.scratch, `${options.name}.${options.label}`);
  log(`copying the tracked files of ${options.repo} (${commit.slice(0, 12)}) to ${dir}`);
  const copied = copyTracked(options.repo, dir);
  for (const folder of options.paths)
    if (!fs.existsSync(path.join(dir, folder))) fail(`--paths ${folder} is not in the repository`);
  const linked = options.linkWorkspaces ? linkWorkspaces(dir) : [];
  const installed = installPackages(dir, options.install, options.scratch, options.name);

  const probe = await probeEslintConfig(options.tool, dir, options.paths);
  log(
    `repository's ESLint config: ${probe.loaded ? 'loads' : 'does not load'}${probe.files?.length ? ` (${probe.files.map((f) => (f.ok ? `${f.file}: ${f.hasConfig ? 'config' : 'no config'}` : `${f.file}: ${f.error}`)).join('; ')})` : ''}`,
  );

  const before = {};
  const tscArgs = {};
  for (const tsconfig of options.tsconfig) {
    log(`tsc --noEmit -p ${tsconfig} (before)`);
    before[tsconfig] = typeCheck(dir, tsconfig);
    const dropped = typesWithoutMissing(dir, tsconfig, before[tsconfig].global);
    if (dropped) {
      tscArgs[tsconfig] = dropped;
      log(
        `  types not installed, dropped from the check: ${dropped.missing.join(', ')}; tsc ${dropped.args.join(' ')}`,
      );
      before[tsconfig] = typeCheck(dir, tsconfig, dropped.args);
    }
    log(
      `  ${before[tsconfig].diagnostics.length} diagnostics, ${before[tsconfig].global.length} global, ${before[tsconfig].seconds}s`,
    );
  }

  // The CLI stops on an ESLint config that does not load (rather than guess with defaults): then the
  // main run gives the defaults explicitly, and the result says so.
  const groups = settingsGroups(options.settings);
  const run = groups
    ? mergeRuns(
        groups.map((group, i) =>
          runCli({ ...options, paths: group.paths }, dir, ['--settings', group.settings], i),
        ),
      )
    : runCli(
        options,
        dir,
        options.settings !== undefined
          ? ['--settings', options.settings]
          : probe.loaded
            ? []
            : ['--settings', '{}'],
      );
  if (!probe.loaded && options.settings === undefined)
    log("the repository's ESLint config does not load: main run with --settings '{}'");
  log(run.summaryText);

  // What changed, line by line, against the repository's own files.
  const changedFiles = new Map();
  for (const file of new Set(run.report.changed.map((change) => change.file))) {
    const relative = path.relative(dir, path.resolve(dir, file));
    changedFiles.set(relative, hunks(path.join(options.repo, relative), path.join(dir, relative)));
  }
  const changedLines = [...changedFiles.values()].reduce(
    (n, fileHunks) => n + fileHunks.reduce((m, h) => m + h.afterCount, 0),
    0,
  );

  const typecheck = [];
  for (const tsconfig of options.tsconfig) {
    log(`tsc --noEmit -p ${tsconfig} (after)`);
    const after = typeCheck(dir, tsconfig, tscArgs[tsconfig]?.args);
    const compared = compareDiagnostics(
      before[tsconfig].diagnostics,
      after.diagnostics,
      changedFiles,
    );
    const tsconfigDir = path.dirname(tsconfig);
    const inChangedPackage = [...changedFiles.keys()].filter(
      (file) => !path.relative(tsconfigDir, file).startsWith('..'),
    );
    typecheck.push({
      tsconfig,
      typesDropped: tscArgs[tsconfig]?.missing ?? [],
      filesChangedUnderIt: inChangedPackage.length,
      before: {
        diagnostics: before[tsconfig].diagnostics.length,
        global: before[tsconfig].global.slice(0, 5),
        seconds: before[tsconfig].seconds,
      },
      after: {
        diagnostics: after.diagnostics.length,
        global: after.global.slice(0, 5),
        seconds: after.seconds,
      },
      newOnChangedLines: compared.onChangedLines.length,
      newOnChangedLinesByCode: countBy(compared.onChangedLines, (d) => d.code),
      // Elsewhere in a changed file can follow from a rewrite (an added import, a changed type);
      // in a file the codemod did not touch it is usually tsc's own wording moving between runs
      // (the order it meets `any`-typed declarations), listed so it can be checked.
      newElsewhereInChangedFiles: compared.elsewhere.filter((d) => changedFiles.has(d.file)).length,
      newInUnchangedFiles: compared.elsewhere.filter((d) => !changedFiles.has(d.file)).length,
      samplesOnChangedLines: compared.onChangedLines.slice(0, 40).map((d) => ({
        at: `${d.file}:${d.line}`,
        code: d.code,
        message: d.message.split('\n')[0].slice(0, 300),
      })),
      samplesElsewhere: [
        ...compared.elsewhere.filter((d) => changedFiles.has(d.file)),
        ...compared.elsewhere.filter((d) => !changedFiles.has(d.file)),
      ]
        .slice(0, 10)
        .map((d) => ({
          at: `${d.file}:${d.line}`,
          code: d.code,
          message: d.message.split('\n')[0].slice(0, 300),
        })),
    });
    log(
      `  ${after.diagnostics.length} diagnostics after; new on changed lines: ${compared.onChangedLines.length}; new elsewhere: ${compared.elsewhere.length} (${compared.elsewhere.filter((d) => changedFiles.has(d.file)).length} in changed files)`,
    );
  }

  let settingsRun;
  if (
    options.settings === undefined &&
    (options.settingsProbe === 'always' ||
      (options.settingsProbe === 'on-failure' && !probe.loaded))
  ) {
    const settingsDir = `${dir}-settings`;
    copyTracked(options.repo, settingsDir);
    const second = runCli(options, settingsDir, ['--settings', '{}']);
    settingsRun = {
      why: probe.loaded
        ? 'asked for (--settings-probe=always)'
        : "the repository's ESLint config does not load",
      ...summarise(second.report),
      sameRewrites:
        JSON.stringify(second.report.changed.map((c) => [c.file, c.line, c.after])) ===
        JSON.stringify(run.report.changed.map((c) => [c.file, c.line, c.after])),
    };
    if (!options.keep) fs.rmSync(settingsDir, { recursive: true, force: true });
  }

  const sample = shuffled(run.report.changed, options.seed)
    .slice(0, options.sample)
    .map((change) => {
      const relative = path.relative(dir, path.resolve(dir, change.file));
      const context = hunkText(
        options.repo,
        dir,
        relative,
        changedFiles.get(relative) ?? [],
        change.line,
      );
      return {
        at: `${relative}:${change.line}`,
        codemod: change.codemod,
        before: change.before,
        after: change.after,
        ...context,
      };
    });
  const summary = summarise(run.report);
  const review = reviewCounts(reviewFileFor(options.out, options.name, options.label));
  const result = {
    schema: 1,
    name: options.name,
    repository: remote,
    commit,
    paths: options.paths,
    tool: { path: options.tool, commit: toolCommit, label: options.label },
    command: `node ${path.relative(process.cwd(), fileURLToPath(import.meta.url))} ${process.argv
      .slice(2)
      .map((a) => (/[\s{}',]/.test(a) ? `'${a}'` : a))
      .join(' ')}`,
    cli: {
      args: `codemod ${options.codemod} ${options.paths.join(' ')} --force --report <json> --no-progress${options.settings !== undefined ? ` --settings '${options.settings}'` : ''}`,
      exit: run.exit,
      seconds: run.seconds,
    },
    settings:
      options.settings !== undefined
        ? JSON.parse(options.settings)
        : 'none (the repository has no structured-logging settings; CLI run without --settings)',
    eslintConfigProbe: probe,
    scratch: { dir, trackedFilesCopied: copied, linkedWorkspacePackages: linked.length, installed },
    ...summary,
    changedLines,
    typecheck,
    settingsRun,
    review,
    sample,
  };
  fs.mkdirSync(options.out, { recursive: true });
  const outFile = path.join(options.out, `${options.name}.${options.label}.json`);
  fs.writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`);
  log(`wrote ${outFile}; full CLI report: ${run.reportFile}`);
  if (!options.keep) fs.rmSync(dir, { recursive: true, force: true });

  process.stdout.write(`${tableRow(result, review)}\n`);
}

await main();
