// Deterministic generator of a realistic, messy TypeScript/JavaScript service corpus, for the
// benchmarks and the end-to-end tests. Same seed, same files, byte for byte.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

/** mulberry32: a small, well-known 32-bit PRNG; deterministic across platforms. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = ['order', 'payment', 'invoice', 'user', 'cart', 'shipment', 'refund', 'coupon', 'session', 'report', 'job', 'tenant', 'webhook', 'subscription', 'product'];
const VERBS = ['created', 'updated', 'charged', 'failed', 'retried', 'synced', 'loaded', 'deleted', 'exported', 'validated'];

function generator(seed) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  const cap = (word) => word[0].toUpperCase() + word.slice(1);

  function logLines(receiver, style, indent) {
    const noun = pick(NOUNS);
    const verb = pick(VERBS);
    const lines = [];
    const add = (line) => lines.push(indent + line);
    if (chance(0.6)) add(`${receiver}.info(\`${cap(noun)} \${${noun}.id} ${verb} in \${elapsedMs}ms\`);`);
    if (chance(0.4)) add(`${receiver}.debug('Loaded ' + items.length + ' ${noun}s for ' + ${noun}.ownerId);`);
    if (chance(0.3)) add(`${receiver}.warn('${cap(noun)} %s retry %d', ${noun}.id, attempt);`);
    if (chance(0.5)) add(style === 'pino' ? `${receiver}.info({ ${noun}Id: ${noun}.id }, '${noun}.${verb}');` : `${receiver}.info('${noun}.${verb}', { ${noun}Id: ${noun}.id });`);
    if (chance(0.2)) add(style === 'pino' ? `${receiver}.info({ email: user.email, password }, 'user.${verb}');` : `${receiver}.info('user.${verb}', { email: user.email, password });`);
    if (chance(0.1)) add(`${receiver}.debug({ headers: req.headers }, 'request.received');`);
    if (chance(0.3)) add(`${receiver}.error(\`Could not ${verb.replace(/ed$/, '')} ${noun} \${${noun}.id}: \${err.message}\`);`);
    if (chance(0.15)) add(`${receiver}.info(message);`);
    if (chance(0.1)) add(`${receiver}.info(\`\${a}: \${b}\`);`);
    return lines;
  }

  function metricBlock(importStyle, noun) {
    const head = importStyle === 'esm' ? "import { Counter } from 'prom-client';" : "const { Counter } = require('prom-client');";
    const labels = chance(0.5) ? "['method', 'route', 'user_id']" : "['method', 'route']";
    return {
      head,
      body: [
        `const ${noun}Requests = new Counter({ name: '${noun}_requests_total', help: '${cap(noun)} requests', labelNames: ${labels} });`,
        '',
        `function track${cap(noun)}(req) {`,
        labels.includes('user_id')
          ? `  ${noun}Requests.inc({ method: req.method, route: req.originalUrl, user_id: req.user.id });`
          : `  ${noun}Requests.inc({ method: req.method, route: req.path });`,
        '}',
      ],
    };
  }

  function pinoService(index) {
    const noun = pick(NOUNS);
    const metric = chance(0.3) ? metricBlock('esm', noun) : null;
    const lines = ["import pino from 'pino';", ...(metric ? [metric.head] : []), "import type { Context } from './types';", '', 'const logger = pino({ level: process.env.LOG_LEVEL });', ''];
    if (metric) lines.push(...metric.body, '');
    lines.push(`export async function handle${cap(noun)}${index}(ctx: Context, ${noun}: { id: string; ownerId: string }, items: string[], attempt: number): Promise<void> {`);
    lines.push('  const started = Date.now();', '  const elapsedMs = Date.now() - started;', `  const user = ctx.user as { email: string };`, '  const { password, message, a, b, req } = ctx;');
    lines.push('  try {', `    await ctx.db.save(<Record<string, unknown>>${noun});`);
    lines.push(...logLines('logger', 'pino', '    '));
    lines.push('  } catch (err) {', ...logLines('logger', 'pino', '    '), '    throw err;', '  }');
    lines.push('}', '');
    return lines.join('\n');
  }

  function winstonModule(index) {
    const noun = pick(NOUNS);
    const lines = ["'use strict';", '', "const winston = require('winston');", '', 'const logger = winston.createLogger({ transports: [new winston.transports.Console()] });', ''];
    lines.push(`function sync${cap(noun)}${index}(${noun}, items, attempt, ctx) {`, '  const elapsedMs = ctx.elapsed;', '  const { user, password, message, a, b, req, err } = ctx;');
    lines.push(...logLines('logger', 'winston', '  '));
    if (chance(0.5)) lines.push(`  console.log('Synced', ${noun}.id, 'for', user.id);`);
    if (chance(0.3)) lines.push(`  console.error(\`Sync of \${${noun}.id} failed\`, err);`);
    lines.push('}', '', `module.exports = { sync${cap(noun)}${index} };`, '');
    return lines.join('\n');
  }

  function nestService(index) {
    const noun = pick(NOUNS);
    const lines = ["import { Injectable, Logger } from '@nestjs/common';", '', '@Injectable()', `export class ${cap(noun)}Service${index} {`, `  private readonly logger = new Logger(${cap(noun)}Service${index}.name);`, ''];
    lines.push(`  async run(${noun}: { id: string; ownerId: string }, items: string[], attempt: number, elapsedMs: number) {`, '    const settings = { retries: 3 } satisfies Record<string, number>;');
    lines.push(`    this.logger.log(\`Running ${noun} \${${noun}.id} with \${settings.retries} retries\`);`);
    if (chance(0.4)) lines.push(`    this.logger.debug(\`Payload \${JSON.stringify(items).length} bytes\`, ${cap(noun)}Service${index}.name);`);
    lines.push('    try {', `      await this.process(${noun});`, '    } catch (error) {');
    lines.push(`      this.logger.error(\`${cap(noun)} \${${noun}.id} failed\`, (error as Error).stack);`);
    lines.push(`      this.logger.warn(\`Retrying ${noun} \${${noun}.id} (attempt \${attempt})\`);`, '    }', '  }', '');
    lines.push(`  private async process(${noun}: { id: string }): Promise<void> {`, `    if (!${noun}.id) throw new Error('missing id');`, '  }', '}', '');
    return lines.join('\n');
  }

  function expressRouter(index) {
    const noun = pick(NOUNS);
    const metric = chance(0.5) ? metricBlock('esm', noun) : null;
    const lines = ["import express from 'express';", ...(metric ? [metric.head] : []), '', 'export const router = express.Router();', ''];
    if (metric) lines.push(...metric.body, '');
    lines.push(`router.get('/${noun}s/:id', async (req, res) => {`);
    lines.push(`  req.log.info(\`Fetching ${noun} \${req.params.id}\`);`);
    if (metric) lines.push(`  track${cap(noun)}(req);`);
    if (chance(0.6)) lines.push(`  console.log('Served ${noun}', req.params.id);`);
    if (chance(0.2)) lines.push(`  console.log({ token: req.headers.authorization });`);
    lines.push(`  res.json({ id: req.params.id, index: ${index} });`, '});', '');
    return lines.join('\n');
  }

  function utility(index) {
    const noun = pick(NOUNS);
    return [`export function format${cap(noun)}${index}(value: number): string {`, '  return value.toFixed(2);', '}', '', `export const ${noun.toUpperCase()}_LIMIT = ${Math.floor(next() * 1000)};`, ''].join('\n');
  }

  // Real services are mostly code that does not log (types, helpers, models): 45% here, close to
  // what the trials on real repositories saw.
  const KINDS = [
    ['ts', pinoService, 0.2],
    ['js', winstonModule, 0.12],
    ['ts', nestService, 0.13],
    ['js', expressRouter, 0.1],
    ['ts', utility, 0.45],
  ];

  return function file(index) {
    let roll = next();
    for (const [extension, make, weight] of KINDS) {
      roll -= weight;
      if (roll <= 0 || make === utility) return { name: `${make.name}-${index}.${extension}`, text: make(index) };
    }
    return { name: `utility-${index}.ts`, text: utility(index) };
  };
}

/**
 * Writes `count` files under `directory/src` (in folders of 100), plus a logger module, a
 * package.json and an eslint.config.js with the plugin's settings. One file in 500 does not parse.
 */
function writeCorpus(directory, count, seed = 42) {
  const make = generator(seed);
  fs.mkdirSync(path.join(directory, 'src'), { recursive: true });
  const files = [];
  for (let index = 0; index < count; index++) {
    const { name, text } = make(index);
    const folder = path.join(directory, 'src', `module-${Math.floor(index / 100)}`);
    fs.mkdirSync(folder, { recursive: true });
    const broken = index % 500 === 499;
    const file = path.join(folder, broken ? `broken-${index}.ts` : name);
    fs.writeFileSync(file, broken ? `export function broken(${index} {\n  logger.info(\`x \${a}\`;\n` : text);
    files.push(file);
  }
  fs.writeFileSync(path.join(directory, 'src', 'logger.ts'), "import pino from 'pino';\n\nexport const logger = pino();\n");
  fs.writeFileSync(path.join(directory, 'package.json'), `${JSON.stringify({ name: 'generated-corpus', private: true, dependencies: { pino: '^10.0.0' } }, null, 2)}\n`);
  fs.writeFileSync(
    path.join(directory, 'eslint.config.js'),
    "module.exports = [{ files: ['**/*.{js,ts}'], settings: { 'structured-logging': { logger: { importFrom: './src/logger', importName: 'logger' } } } }];\n",
  );
  return files;
}

module.exports = { writeCorpus, random };

if (require.main === module) {
  const [directory, count = '3000', seed = '42'] = process.argv.slice(2);
  if (!directory) {
    process.stderr.write('usage: node bench/corpus.js <directory> [count=3000] [seed=42]\n');
    process.exit(1);
  }
  const files = writeCorpus(path.resolve(directory), Number(count), Number(seed));
  process.stdout.write(`wrote ${files.length} files to ${directory}\n`);
}
