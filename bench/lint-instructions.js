#!/usr/bin/env node
// node bench/lint-instructions.js <folder> <files> <mode>: one ESLint run (eslint-for.js) over the
// first <files> lintable files of the folder, in name order. run.js starts it under valgrind to count
// the instructions it executes; on its own it just lints and prints the number of problems.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { eslintFor } = require('./eslint-for.js');

function lintableFiles(directory) {
  const found = [];
  (function walk(folder) {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') walk(full);
      } else if (/\.(js|jsx|ts|tsx|mjs|cjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(full);
    }
  })(directory);
  return found;
}

async function main() {
  const [directory, count, mode] = process.argv.slice(2);
  const files = lintableFiles(path.resolve(directory)).slice(0, Number(count));
  // Set up even for no files: a run over none measures start-up and loading the config's plugins.
  const eslint = eslintFor(directory, mode);
  const results = files.length > 0 ? await eslint.lintFiles(files) : [];
  process.stdout.write(`${results.reduce((sum, result) => sum + result.messages.length, 0)} problems in ${files.length} files\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
