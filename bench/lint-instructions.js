#!/usr/bin/env node
// node bench/lint-instructions.js <folder> <files> <mode> [<shift MB>]: one ESLint run (eslint-for.js)
// over the first <files> lintable files of the folder, in name order. run.js starts it under valgrind
// to count the instructions it executes; on its own it just lints and prints the number of problems.
// <shift MB> of short-lived objects are allocated first, which moves every young-generation collection
// of the run to a different moment (see countInstructions in run.js for why that matters).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { eslintFor } = require('./eslint-for.js');

function lintableFiles(directory) {
  const found = [];
  (function walk(folder) {
    for (const entry of fs
      .readdirSync(folder, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') walk(full);
      } else if (/\.(js|jsx|ts|tsx|mjs|cjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
        found.push(full);
    }
  })(directory);
  return found;
}

/** Allocates about `megabytes` MB of small objects that die at once: a shift in the collection schedule. */
function shiftCollections(megabytes) {
  // Small objects, so they fill the young generation (large arrays would go to their own space), each
  // overwriting one from 1,024 allocations ago, so that the holder itself never grows.
  const holder = new Array(1024).fill(null);
  const objects = Math.round((megabytes * 1024 * 1024) / BYTES_PER_SHIFT_OBJECT);
  for (let index = 0; index < objects; index++) holder[index % holder.length] = { index };
  return holder;
}

// A `{ index }` object: map, properties, elements and one field, 8 bytes each (Node's V8 is built
// without pointer compression). Measured: 10 million of them fill a 16 MB young generation 19 times.
const BYTES_PER_SHIFT_OBJECT = 32;

async function main() {
  const [directory, count, mode, shift = '0'] = process.argv.slice(2);
  if (!/^\d+$/.test(shift))
    throw new Error(`shift must be a whole number of megabytes, got '${shift}'`);
  shiftCollections(Number(shift));
  const files = lintableFiles(path.resolve(directory)).slice(0, Number(count));
  // Set up even for no files: a run over none measures start-up and loading the config's plugins.
  const eslint = eslintFor(directory, mode);
  const results = files.length > 0 ? await eslint.lintFiles(files) : [];
  process.stdout.write(
    `${results.reduce((sum, result) => sum + result.messages.length, 0)} problems in ${files.length} files\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
