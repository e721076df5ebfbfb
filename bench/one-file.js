#!/usr/bin/env node
// Scaling within one file: `codemod all` (dry run, one thread) over a single generated file of many
// log calls, one pass per size in its own process. The time must grow with the calls, not with their
// square: a step that compares every rewrite with every other shows as the milliseconds per 1,000
// calls climbing with the size (it did: 20,000 calls took 6.8 s, 60,000 took 89 s).
//   npm run build && node bench/one-file.js [calls...]      (default: 10000 20000 40000)
// `npm run bench` adds it when BENCH_ONE_FILE lists the sizes.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pass } = require('./codemod-pass.js');

const DEFAULT_CALLS = [10000, 20000, 40000];

/** In turn: two rewrites, a call left alone (no static words to name the event), a redaction. */
const CALLS = [
  '  logger.info(`Charging order ${order.id} (attempt ${attempt})`);',
  '  logger.error(`Could not charge ${order.id}: ${err.message}`);',
  '  logger.info(`${a}: ${b}`);',
  "  logger.info({ password: order.password }, 'user.created');",
];

/** A folder holding src/big.ts with `calls` log calls in one function; written afresh each time. */
function oneFile(calls) {
  const directory = path.join(os.tmpdir(), 'structured-logging-bench', 'one-file', String(calls));
  fs.mkdirSync(path.join(directory, 'src'), { recursive: true });
  const lines = [
    "import pino from 'pino';",
    'const logger = pino();',
    'export function run(order: any, attempt: number, err: Error, a: unknown, b: unknown) {',
  ];
  for (let index = 0; index < calls; index++) lines.push(CALLS[index % CALLS.length]);
  fs.writeFileSync(path.join(directory, 'src', 'big.ts'), `${lines.join('\n')}\n}\n`);
  return directory;
}

function oneFileScaling(sizes = DEFAULT_CALLS) {
  return sizes.map((calls) => {
    const result = pass('codemods', oneFile(calls));
    return {
      calls,
      seconds: result.seconds,
      cpuSeconds: result.cpuSeconds,
      msPerThousandCalls: (1000 * result.seconds) / (calls / 1000),
      maxRssMb: result.maxRssMb,
      rewrittenCalls: result.rewrittenCalls,
    };
  });
}

if (require.main === module) {
  const sizes = process.argv.slice(2).map(Number);
  for (const row of oneFileScaling(sizes.length > 0 ? sizes : DEFAULT_CALLS)) {
    process.stdout.write(
      `${String(row.calls).padStart(7)} calls: ${row.seconds.toFixed(2)} s (CPU ${row.cpuSeconds.toFixed(2)} s), ${row.msPerThousandCalls.toFixed(0)} ms per 1,000 calls, ${row.maxRssMb.toFixed(0)} MB, ${row.rewrittenCalls} rewritten\n`,
    );
  }
}

module.exports = { oneFileScaling, DEFAULT_CALLS };
