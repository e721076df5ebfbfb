/**
 * `structured-logging init`: adds the plugin's recommended config to a project's flat ESLint config
 * (ESM or CommonJS, a plain array or a `defineConfig(...)`/`tseslint.config(...)` call), or prints the
 * lines to add when the file's shape is not one it can edit safely. It lists the loggers it found, so
 * the settings it writes are the ones the project needs.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { createTwoFilesPatch } from 'diff';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { memberPath, unwrap } from '../core/model/ast';
import { parseFile } from '../core/model/parse';
import type { LoggersReport } from './loggers';

const PACKAGE = 'eslint-plugin-structured-logging';
const CONFIG_NAMES = [
  'eslint.config.js',
  'eslint.config.mjs',
  'eslint.config.cjs',
  'eslint.config.ts',
  'eslint.config.mts',
  'eslint.config.cts',
];

export interface InitResult {
  /** The config file found, relative to the project; null when there is none. */
  configFile: string | null;
  /** The new text of the config file, when it can be edited; null otherwise. */
  output: string | null;
  /** What happened, or what to do by hand, for the person running it. */
  message: string;
  /** The unified diff of the edit, when there is one. */
  patch?: string;
}

/** The array of config objects a config file exports, and whether it is spread into (a plain array) or passed whole. */
function exportedConfigs(
  ast: TSESTree.Program,
): { array: TSESTree.ArrayExpression; spread: boolean } | { call: TSESTree.CallExpression } | null {
  for (const statement of ast.body) {
    let value: TSESTree.Node | null = null;
    if (statement.type === 'ExportDefaultDeclaration') value = statement.declaration;
    if (
      statement.type === 'ExpressionStatement' &&
      statement.expression.type === 'AssignmentExpression' &&
      memberPath(statement.expression.left)?.join('.') === 'module.exports'
    )
      value = statement.expression.right;
    if (!value) continue;
    const target = unwrap(value);
    if (target.type === 'ArrayExpression') return { array: target, spread: true };
    // defineConfig([...]) / defineConfig(a, b) / tseslint.config(a, b): each argument is a config or an array of them.
    if (target.type === 'CallExpression' && target.arguments.length > 0 && isConfigHelper(target)) {
      const [first] = target.arguments;
      return target.arguments.length === 1 && first.type === 'ArrayExpression'
        ? { array: first, spread: false }
        : { call: target };
    }
    return null;
  }
  return null;
}

/** `defineConfig(...)` from eslint/config, `tseslint.config(...)`: the helpers that take configs as arguments. */
function isConfigHelper(call: TSESTree.CallExpression): boolean {
  const name = memberPath(call.callee)?.join('.') ?? '';
  return name === 'defineConfig' || name.endsWith('.config') || name.endsWith('.defineConfig');
}

function settingsBlock(report: LoggersReport): string {
  const known = report.loggers.filter((entry) => entry.family !== 'unknown');
  const lines = known
    .slice(0, 5)
    .map(
      (entry) =>
        `    //   ${entry.family} ${entry.definedAt ?? entry.definition}: ${entry.callSites} call sites${entry.rewrite === 'yes' ? '' : ' (left: see `structured-logging loggers`)'}`,
    );
  return [
    '  {',
    "    // Loggers found by `structured-logging init` (style 'auto' reads each one's own definition):",
    ...lines,
    "    settings: { 'structured-logging': { style: 'auto' } },",
    '  },',
  ].join('\n');
}

/** Adds the plugin to the project's flat config, or says what to add by hand. */
export function initConfig(cwd: string, report: LoggersReport): InitResult {
  const found = CONFIG_NAMES.map((name) => path.join(cwd, name)).find((file) =>
    fs.existsSync(file),
  );
  const block = settingsBlock(report);
  const byHand = (why: string, configFile: string | null): InitResult => ({
    configFile,
    output: null,
    message: `${why}. Add this to your flat config:\n\nimport structuredLogging from '${PACKAGE}';\n\nexport default [\n  // ...your configs\n  ...structuredLogging.configs.recommended,\n${block}\n];`,
  });
  if (!found) return byHand('no eslint.config.* in this folder', null);
  const relative = path.relative(cwd, found);
  const text = fs.readFileSync(found, 'utf8');
  if (text.includes(PACKAGE))
    return {
      configFile: relative,
      output: null,
      message: `${relative} already uses ${PACKAGE}: nothing to do`,
    };
  let ast: TSESTree.Program;
  try {
    ast = parseFile(text, found).ast;
  } catch {
    return byHand(`${relative} could not be parsed`, relative);
  }
  const exported = exportedConfigs(ast);
  if (!exported)
    return byHand(
      `${relative} does not export an array or a defineConfig(...) call this can edit safely`,
      relative,
    );
  const commonJs =
    /\.cjs$|\.cts$/.test(found) ||
    (!ast.body.some((statement) => /^(Import|Export)/.test(statement.type)) &&
      /\.(js|ts)$/.test(found));
  const entries = [
    `${'array' in exported && exported.spread ? '...' : ''}structuredLogging.configs.recommended,`,
    block,
  ];
  const container = 'array' in exported ? exported.array : exported.call;
  // Added last, so it comes after the project's own parser and file settings, and before nothing.
  const closing = container.range[1] - 1;
  const before = text.slice(0, closing).replace(/\s*$/, '');
  const needsComma = !before.endsWith(',') && !before.endsWith('[') && !before.endsWith('(');
  const insertion = `${needsComma ? ',' : ''}\n  ${entries.join('\n')}\n`;
  const importLine = commonJs
    ? `const structuredLogging = require('${PACKAGE}');\n`
    : `import structuredLogging from '${PACKAGE}';\n`;
  const lastImport = [...ast.body]
    .reverse()
    .find(
      (statement) =>
        statement.type === 'ImportDeclaration' ||
        (statement.type === 'VariableDeclaration' &&
          /require\(/.test(text.slice(...statement.range))),
    );
  const importAt = lastImport ? text.indexOf('\n', lastImport.range[1]) + 1 || text.length : 0;
  const output = `${text.slice(0, importAt)}${importLine}${text.slice(importAt, before.length)}${insertion}${text.slice(closing)}`;
  return {
    configFile: relative,
    output,
    message: `added ${PACKAGE}'s recommended config and settings to ${relative}; install it with: npm install --save-dev ${PACKAGE}`,
    patch: createTwoFilesPatch(relative, relative, text, output),
  };
}
