#!/usr/bin/env node
// The README's first command: lint the bundled sample service with the recommended preset, then show
// the diff the codemods would make (dry run: nothing is written).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ESLint } = require('eslint');

const sample = path.resolve(__dirname, '../fixtures/sample-service');
const cli = path.resolve(__dirname, '../dist/codemods/cli.js');

/**
 * The sample's config requires the plugin by its package name, as a user's does. The sample lives
 * under fixtures/, whose own package.json keeps this package's `bin` from making every fixture a
 * command-line tool's file, and which also hides the package's name from Node's self-reference:
 * so the sample gets the plugin where a user's project has it, in its node_modules (git ignores it).
 */
function linkPlugin() {
  const link = path.join(sample, 'node_modules', 'eslint-plugin-structured-logging');
  if (fs.existsSync(link)) return;
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.symlinkSync(path.resolve(__dirname, '..'), link, 'dir');
}

async function main() {
  linkPlugin();
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
