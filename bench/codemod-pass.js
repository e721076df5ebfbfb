// One measured pass in its own process (for a clean peak-memory reading):
//   node bench/codemod-pass.js <mode> <directory>
// mode: codemods (codemod all, dry run) | catalog (the telemetry catalog of every file) | estree (the codemods' parser on every file: espree for
//         JavaScript, typescript-estree for TypeScript)
//       | jscodeshift (jscodeshift's Babel parser on every file, `ts` for .ts and `tsx` for the rest, in this process: a lower bound for any
//         jscodeshift run, without its runner, workers or start-up)
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/** Runs one pass in a child process, for a clean peak-memory reading, and returns what it measured. */
function pass(mode, directory, workers = 1) {
  const output = execFileSync(process.execPath, [__filename, mode, directory], {
    encoding: 'utf8',
    env: { ...process.env, BENCH_WORKERS: String(workers) },
    maxBuffer: 1 << 24,
  });
  return JSON.parse(output);
}

async function main() {
  const [mode, directory] = process.argv.slice(2);
  const { collectFiles } = require('../dist/codemods/files.js');
  const files = await collectFiles([directory], directory);
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  let detail = {};
  if (mode === 'codemods') {
    const { runCodemods } = require('../dist/codemods/runner.js');
    const { CODEMODS } = require('../dist/codemods/registry.js');
    const { parseSettings } = require('../dist/core/model/settings.js');
    const settings = parseSettings({
      style: 'pino',
      logger: { importFrom: './src/logger', importName: 'logger' },
    });
    const report = await runCodemods({
      codemods: CODEMODS,
      files,
      cwd: directory,
      write: false,
      settings,
      workers: Number(process.env.BENCH_WORKERS ?? 1),
    });
    detail = {
      changedFiles: report.summary.changedFiles,
      rewrittenCalls: report.summary.rewrittenCalls,
    };
  } else if (mode === 'catalog') {
    // `structured-logging catalog`'s work: a text test, one parse of each file that may log or
    // measure, the events and metrics read from the shared analysis, then the merge.
    const { collectCatalog } = require('../dist/codemods/catalog.js');
    const { serializeCatalog } = require('../dist/core/catalog/catalog.js');
    const { parseSettings } = require('../dist/core/model/settings.js');
    const settings = parseSettings({ style: 'pino' });
    const run = collectCatalog(files, directory, () => settings);
    const catalog = run.catalog;
    detail = {
      events: catalog.events.length,
      fields: catalog.events.reduce((sum, event) => sum + event.fields.length, 0),
      metrics: catalog.metrics.length,
      catalogBytes: serializeCatalog(catalog).length,
    };
  } else if (mode === 'estree') {
    const { parseFile } = require('../dist/core/model/parse.js');
    for (const file of files) {
      try {
        parseFile(fs.readFileSync(file, 'utf8'), file);
      } catch {
        // parse failures count as work done
      }
    }
  } else if (mode === 'jscodeshift') {
    const { parserFor } = require('./jscodeshift-noop.js');
    for (const file of files) {
      try {
        parserFor(file)(fs.readFileSync(file, 'utf8'));
      } catch {
        // as jscodeshift's runner would: an error for this file, then on
      }
    }
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // CPU time too (user + system, every thread): on a busy machine it moves less than wall time does.
  const used = process.cpuUsage(cpu);
  process.stdout.write(
    JSON.stringify({
      mode,
      files: files.length,
      seconds,
      cpuSeconds: (used.user + used.system) / 1e6,
      filesPerSecond: files.length / seconds,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      ...detail,
    }),
  );
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error.stack}\n`);
    process.exitCode = 1;
  });
}

module.exports = { pass };
