#!/usr/bin/env node
/**
 * Names across a file, measured on a real repository (issue #22): for every log call with a dynamic
 * message, the rewrite a build of this project would make (the same one the codemod writes and the
 * rule suggests), then, file by file:
 *
 * - keys: side-effect-free expressions that the rewrites of one file name with two or more keys
 *   (`order.id` as `orderId` in one call and `id` in another);
 * - event names: names that rewrites of one file give to messages with different words.
 *
 *   node scripts/naming-consistency.mjs --tool <checkout> --repo <work tree> --paths <a,b> [--name n]
 *
 * <checkout> is a build of this project (its dist/); compare two builds on one repository to see a
 * change. Nothing of the repository is written: the result is counts and, for up to 10 cases of
 * each kind, file, line and the names involved. Prints JSON.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

function parseArgs(argv) {
  const options = { paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === '--tool') options.tool = path.resolve(value);
    else if (argv[i] === '--repo') options.repo = path.resolve(value);
    else if (argv[i] === '--paths') options.paths = value.split(',');
    else if (argv[i] === '--name') options.name = value;
    else throw new Error(`unknown option ${argv[i]}`);
    i++;
  }
  if (!options.tool || !options.repo || options.paths.length === 0)
    throw new Error('usage: --tool <checkout> --repo <work tree> --paths <a,b> [--name n]');
  return options;
}

const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const SKIP = /(^|\/)(node_modules|dist|build|\.next|coverage|vendor)\/|\.d\.ts$|\.min\.js$/;

const STOP_WORDS = new Set(
  'a an the of for to in on at by with from into and or is are was were be been already'.split(' '),
);

/**
 * The words of a message, in any order, without stop words and without the word just before a value
 * (it names the value: `for canvas ${id}`): two messages with the same words are one event.
 */
function wordSet(parts) {
  const words = [];
  parts.forEach((part, index) => {
    if (part.kind !== 'text') return;
    const found = part.text.toLowerCase().match(/\p{L}[\p{L}\p{N}]*/gu) ?? [];
    if (parts[index + 1]?.kind === 'value') found.pop();
    words.push(...found.filter((word) => !STOP_WORDS.has(word)));
  });
  return [...new Set(words)].sort().join(' ');
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const load = createRequire(path.join(options.tool, 'package.json'));
  const dist = (module) => load(path.join(options.tool, 'dist', module));
  const { parseFile } = dist('core/model/parse.js');
  const { parseSettings } = dist('core/model/settings.js');
  const { analyzeLogCall } = dist('core/loggers/log-calls.js');
  const { messageOfCall } = dist('core/messages/message.js');
  const { structuredRewrite } = dist('core/messages/rewrite.js');
  const { isSideEffectFree } = dist('core/model/ast.js');
  const settings = parseSettings(undefined);

  const files = execFileSync('git', ['ls-files', '--', ...options.paths], {
    cwd: options.repo,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  })
    .split('\n')
    .filter((file) => SOURCE.test(file) && !SKIP.test(file));

  const result = {
    name: options.name ?? path.basename(options.repo),
    commit: execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: options.repo,
      encoding: 'utf8',
    }).trim(),
    tool: execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: options.tool,
      encoding: 'utf8',
    }).trim(),
    files: files.length,
    rewrites: 0,
    filesWithRewrites: 0,
    expressionsNamedTwice: 0,
    expressionsKeyed: 0,
    namesSharedByDifferentMessages: 0,
    namesGiven: 0,
    examples: { keys: [], names: [] },
  };
  const previous = process.cwd();
  process.chdir(options.repo);
  for (const relative of files) {
    let file;
    try {
      file = parseFile(fs.readFileSync(relative, 'utf8'), path.resolve(relative));
    } catch {
      continue;
    }
    const keysByValue = new Map();
    const messagesByName = new Map();
    for (const node of file.nodesOfType('CallExpression')) {
      const call = analyzeLogCall(node, file, settings);
      const message = call && messageOfCall(call, file);
      if (message?.kind !== 'dynamic') continue;
      const rewrite = structuredRewrite(call, message, file, settings);
      if (!rewrite.ok) continue;
      result.rewrites++;
      const line = file.text.slice(0, node.range[0]).split('\n').length;
      // The rewritten call, parsed: its string argument is the event, its object's properties the fields.
      let rewritten;
      try {
        rewritten = parseFile(`(${rewrite.preview});`, 'preview.ts');
      } catch {
        continue;
      }
      const top = rewritten.ast.body[0]?.expression;
      for (const literal of rewritten.nodesOfType('Literal')) {
        if (typeof literal.value !== 'string' || literal.parent !== top) continue;
        const messages = messagesByName.get(literal.value) ?? new Map();
        messages.set(wordSet(message.parts), line);
        messagesByName.set(literal.value, messages);
      }
      for (const property of rewritten.nodesOfType('Property')) {
        if (property.parent?.parent !== top || property.computed) continue;
        if (!isSideEffectFree(property.value)) continue;
        const key =
          property.key.type === 'Identifier' ? property.key.name : String(property.key.value);
        const value = rewritten.getText(property.value);
        const keys = keysByValue.get(value) ?? new Map();
        if (!keys.has(key)) keys.set(key, line);
        keysByValue.set(value, keys);
      }
    }
    if (messagesByName.size > 0) result.filesWithRewrites++;
    for (const [value, keys] of keysByValue) {
      result.expressionsKeyed++;
      if (keys.size < 2) continue;
      result.expressionsNamedTwice++;
      if (result.examples.keys.length < 10)
        result.examples.keys.push({ file: relative, value, keys: Object.fromEntries(keys) });
    }
    for (const [name, messages] of messagesByName) {
      result.namesGiven++;
      if (messages.size < 2) continue;
      result.namesSharedByDifferentMessages++;
      if (result.examples.names.length < 10)
        result.examples.names.push({ file: relative, name, lines: [...messages.values()] });
    }
  }
  process.chdir(previous);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main();
