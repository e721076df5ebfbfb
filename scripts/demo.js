#!/usr/bin/env node
// The README's first command: lint the bundled sample service with the recommended preset, then show
// the diff the codemods would make (dry run: nothing is written).
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { ESLint } = require('eslint');

const sample = path.resolve(__dirname, '../fixtures/sample-service');
const cli = path.resolve(__dirname, '../dist/codemods/cli.js');

async function main() {
  process.stdout.write(
    '\n== 1. ESLint with structured-logging/recommended on fixtures/sample-service\n',
  );
  const eslint = new ESLint({ cwd: sample });
  const results = await eslint.lintFiles(['src']);
  const formatter = await eslint.loadFormatter('stylish');
  process.stdout.write(await formatter.format(results));

  process.stdout.write(
    '\n== 2. structured-logging codemod all --dry --print (nothing is written)\n\n',
  );
  execFileSync(
    process.execPath,
    [cli, 'codemod', 'all', 'src', '--dry', '--print', '--no-progress'],
    { cwd: sample, stdio: 'inherit' },
  );
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
