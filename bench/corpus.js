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

const NOUNS = [
  'order',
  'payment',
  'invoice',
  'user',
  'cart',
  'shipment',
  'refund',
  'coupon',
  'session',
  'report',
  'job',
  'tenant',
  'webhook',
  'subscription',
  'product',
];
const VERBS = [
  'created',
  'updated',
  'charged',
  'failed',
  'retried',
  'synced',
  'loaded',
  'deleted',
  'exported',
  'validated',
];

function generator(seed, profile) {
  const next = random(seed);
  const calibrated = profile === 'calibrated';
  // Both have code around their logs; they differ in how many log calls offend (see PROFILES).
  const realistic = calibrated || profile === 'offending';
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  const cap = (word) => word[0].toUpperCase() + word.slice(1);
  // Only the calibrated profile draws this, so the other profiles' files stay as they always were.
  const alreadyStructured = () => calibrated && chance(STRUCTURED_SHARE);

  /** A log call in the shape its logger reads: fields first for pino, message first otherwise. */
  const structured = (receiver, style, method, event, fields) =>
    style === 'pino'
      ? `${receiver}.${method}({ ${fields} }, '${event}');`
      : `${receiver}.${method}('${event}', { ${fields} });`;
  /** The offending line, or (calibrated profile, at STRUCTURED_SHARE) the same event logged the structured way. */
  const orStructured = (offending, receiver, style, method, event, fields) =>
    alreadyStructured() ? structured(receiver, style, method, event, fields) : offending;

  function logLines(receiver, style, indent) {
    const noun = pick(NOUNS);
    const verb = pick(VERBS);
    const lines = [];
    const add = (line) => lines.push(indent + line);
    const either = (offending, event, fields, method) =>
      add(orStructured(offending, receiver, style, method, event, fields));
    if (chance(0.6))
      either(
        `${receiver}.info(\`${cap(noun)} \${${noun}.id} ${verb} in \${elapsedMs}ms\`);`,
        `${noun}.${verb}`,
        `${noun}Id: ${noun}.id, elapsedMs`,
        'info',
      );
    if (chance(0.4))
      either(
        `${receiver}.debug('Loaded ' + items.length + ' ${noun}s for ' + ${noun}.ownerId);`,
        `${noun}s.loaded`,
        `${noun}Count: items.length, ownerId: ${noun}.ownerId`,
        'debug',
      );
    if (chance(0.3))
      either(
        `${receiver}.warn('${cap(noun)} %s retry %d', ${noun}.id, attempt);`,
        `${noun}.retry`,
        `${noun}Id: ${noun}.id, attempt`,
        'warn',
      );
    if (chance(0.5))
      add(structured(receiver, style, 'info', `${noun}.${verb}`, `${noun}Id: ${noun}.id`));
    if (chance(0.2))
      either(
        style === 'pino'
          ? `${receiver}.info({ email: user.email, password }, 'user.${verb}');`
          : `${receiver}.info('user.${verb}', { email: user.email, password });`,
        `user.${verb}`,
        'userId: user.id',
        'info',
      );
    if (chance(0.1))
      either(
        `${receiver}.debug({ headers: req.headers }, 'request.received');`,
        'request.received',
        'method: req.method, route: req.path',
        'debug',
      );
    if (chance(0.3))
      either(
        `${receiver}.error(\`Could not ${verb.replace(/ed$/, '')} ${noun} \${${noun}.id}: \${err.message}\`);`,
        `${noun}.${verb.replace(/ed$/, '')}.failed`,
        `err, ${noun}Id: ${noun}.id`,
        'error',
      );
    if (chance(0.15)) add(`${receiver}.info(message);`);
    if (chance(0.1))
      either(`${receiver}.info(\`\${a}: \${b}\`);`, 'values.compared', 'a, b', 'info');
    return lines;
  }

  function metricBlock(importStyle, noun) {
    const head =
      importStyle === 'esm'
        ? "import { Counter } from 'prom-client';"
        : "const { Counter } = require('prom-client');";
    const labels =
      chance(0.5) && !alreadyStructured()
        ? "['method', 'route', 'user_id']"
        : "['method', 'route']";
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

  // Code around the logs. Real modules are mostly this: types, validation, mapping, I/O with retries,
  // repositories. Without it every file would be a few log lines, and the benchmark would measure
  // a codebase with ten times the log density of any real one (see PROFILES below).
  function fillerBlock(index, receiver, style, ts, esm) {
    const noun = pick(NOUNS);
    const Noun = cap(noun);
    const type = (text) => (ts ? text : '');
    // The CommonJS modules export through module.exports.
    const exported = esm ? 'export ' : '';
    const logs = (indent) => (receiver && chance(0.85) ? logLines(receiver, style, indent) : []);
    switch (Math.floor(next() * 5)) {
      case 0:
        return [
          ...(ts
            ? [
                `export interface ${Noun}Row${index} {`,
                '  id: string;',
                "  status: 'pending' | 'active' | 'failed';",
                '  amountCents: number;',
                '  ownerId: string;',
                '  createdAt: Date;',
                '  tags?: Record<string, string>;',
                '}',
                '',
              ]
            : []),
          `function summarize${Noun}s${index}(rows${type(`: ${Noun}Row${index}[]`)})${type(': { count: number; total: number; statuses: string[] }')} {`,
          '  const total = rows.reduce((sum, row) => sum + row.amountCents, 0);',
          `  const byStatus = new Map${type('<string, number>')}();`,
          '  for (const row of rows) byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + 1);',
          '  return { count: rows.length, total, statuses: [...byStatus.keys()].sort() };',
          '}',
          '',
        ];
      case 1: {
        const lines = [
          `${exported}function validate${Noun}${index}(input${type(': { id?: string; amount?: number; tags?: Record<string, string | undefined> }')})${type(': string[]')} {`,
          `  const errors${type(': string[]')} = [];`,
          "  if (!input.id || input.id.length > 64) errors.push('id');",
          "  if (typeof input.amount !== 'number' || Number.isNaN(input.amount) || input.amount < 0) errors.push('amount');",
          '  for (const [key, value] of Object.entries(input.tags ?? {})) {',
          '    if (value === undefined || value.length > 256) errors.push(`tags.${key}`);',
          '  }',
        ];
        if (receiver && chance(0.5))
          lines.push(
            `  if (errors.length > 0) ${receiver}.warn({ errors, ${noun}Id: input.id }, '${noun}.validation.failed');`,
          );
        lines.push('  return errors;', '}', '');
        return lines;
      }
      case 2:
        return [
          `async function fetch${Noun}WithRetry${index}(client${type(': { get(url: string, options: { timeout: number }): Promise<{ status: number; data: unknown }> }')}, id${type(': string')}, retries = 3)${type(': Promise<unknown>')} {`,
          `  let lastError${type(': unknown')};`,
          '  for (let attempt = 1; attempt <= retries; attempt++) {',
          '    try {',
          `      const response = await client.get(\`/api/${noun}s/\${encodeURIComponent(id)}\`, { timeout: 5000 });`,
          '      if (response.status === 404) return null;',
          '      return response.data;',
          '    } catch (err) {',
          '      lastError = err;',
          ...logs('      '),
          '      await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 100));',
          '    }',
          '  }',
          '  throw lastError;',
          '}',
          '',
        ];
      case 3:
        return [
          `${exported}class ${Noun}Repository${index} {`,
          `  ${ts ? 'private readonly cache = new Map<string, { id: string; version: number }>();' : 'cache = new Map();'}`,
          '',
          `  constructor(${ts ? 'private readonly db: { query<T>(sql: string, params: unknown[]): Promise<T | undefined> }' : 'db'}) {${ts ? '}' : ''}`,
          ...(ts ? [] : ['    this.db = db;', '  }']),
          '',
          `  async findById(id${type(': string')}) {`,
          '    const cached = this.cache.get(id);',
          '    if (cached) return cached;',
          `    const row = await this.db.query${type('<{ id: string; version: number }>')}('SELECT id, version FROM ${noun}s WHERE id = $1', [id]);`,
          '    if (row) this.cache.set(id, row);',
          '    return row;',
          '  }',
          '',
          `  async save(${noun}${type(': { id: string; version: number }')}, items${type(': string[]')}, attempt${type(': number')}, elapsedMs${type(': number')}) {`,
          `    const next = { ...${noun}, version: ${noun}.version + 1 };`,
          `    await this.db.query('UPDATE ${noun}s SET version = $2 WHERE id = $1 AND version = $3', [next.id, next.version, ${noun}.version]);`,
          '    this.cache.delete(next.id);',
          ...logs('    '),
          '    return next;',
          '  }',
          '}',
          '',
        ];
      default:
        return [
          `const ${noun.toUpperCase()}_DEFAULTS${index} = Object.freeze({ pageSize: ${10 + Math.floor(next() * 90)}, sort: 'createdAt', order: 'desc', includeArchived: false });`,
          '',
          `${exported}function parse${Noun}Query${index}(query${type(': Record<string, string | undefined>')}) {`,
          `  const pageSize = Math.min(Number(query.pageSize ?? ${noun.toUpperCase()}_DEFAULTS${index}.pageSize), 200);`,
          "  const page = Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1);",
          `  const order = query.order === 'asc' ? 'asc' : ${noun.toUpperCase()}_DEFAULTS${index}.order;`,
          `  return { ...${noun.toUpperCase()}_DEFAULTS${index}, pageSize, offset: (page - 1) * pageSize, order, search: query.q?.trim().toLowerCase() };`,
          '}',
          '',
        ];
    }
  }

  /** Filler blocks for one module: none in the dense profile, a realistic amount in the others. */
  function filler(index, receiver, style, { ts, esm }, fewest, most) {
    if (!realistic) return [];
    const blocks = fewest + Math.floor(next() * (most - fewest + 1));
    const lines = [];
    for (let block = 0; block < blocks; block++)
      lines.push(...fillerBlock(`${index}_${block}`, receiver, style, ts, esm));
    return lines;
  }

  function pinoService(index) {
    const noun = pick(NOUNS);
    const metric = chance(0.3) ? metricBlock('esm', noun) : null;
    const lines = [
      "import pino from 'pino';",
      ...(metric ? [metric.head] : []),
      "import type { Context } from './types';",
      '',
      'const logger = pino({ level: process.env.LOG_LEVEL });',
      '',
    ];
    if (metric) lines.push(...metric.body, '');
    lines.push(
      `export async function handle${cap(noun)}${index}(ctx: Context, ${noun}: { id: string; ownerId: string }, items: string[], attempt: number): Promise<void> {`,
    );
    lines.push(
      '  const started = Date.now();',
      '  const elapsedMs = Date.now() - started;',
      ...(noun === 'user' ? [] : ['  const user = ctx.user as { email: string };']),
      '  const { password, message, a, b, req } = ctx;',
    );
    lines.push('  try {', `    await ctx.db.save(<Record<string, unknown>>${noun});`);
    lines.push(...logLines('logger', 'pino', '    '));
    lines.push('  } catch (err) {', ...logLines('logger', 'pino', '    '), '    throw err;', '  }');
    lines.push('}', '', ...filler(index, 'logger', 'pino', { ts: true, esm: true }, 2, 7));
    return lines.join('\n');
  }

  function winstonModule(index) {
    const noun = pick(NOUNS);
    const lines = [
      "'use strict';",
      '',
      "const winston = require('winston');",
      '',
      'const logger = winston.createLogger({ transports: [new winston.transports.Console()] });',
      '',
    ];
    lines.push(
      `function sync${cap(noun)}${index}(${noun}, items, attempt, ctx) {`,
      '  const elapsedMs = ctx.elapsed;',
      `  const { ${noun === 'user' ? '' : 'user, '}password, message, a, b, req, err } = ctx;`,
    );
    lines.push(...logLines('logger', 'winston', '  '));
    // Real code prints more than the offending profile does (jambonz: 0.145 console calls per KB).
    if (chance(calibrated ? 1 : 0.5))
      lines.push(`  console.log('Synced', ${noun}.id, 'for', user.id);`);
    if (chance(calibrated ? 1 : 0.3))
      lines.push(`  console.error(\`Sync of \${${noun}.id} failed\`, err);`);
    lines.push(
      '}',
      '',
      ...filler(index, 'logger', 'winston', { ts: false, esm: false }, 2, 7),
      `module.exports = { sync${cap(noun)}${index} };`,
      '',
    );
    return lines.join('\n');
  }

  function nestService(index) {
    const noun = pick(NOUNS);
    const lines = [
      "import { Injectable, Logger } from '@nestjs/common';",
      '',
      '@Injectable()',
      `export class ${cap(noun)}Service${index} {`,
      `  private readonly logger = new Logger(${cap(noun)}Service${index}.name);`,
      '',
    ];
    lines.push(
      `  async run(${noun}: { id: string; ownerId: string }, items: string[], attempt: number, elapsedMs: number) {`,
      '    const settings = { retries: 3 } satisfies Record<string, number>;',
    );
    const nest = (offending, method, event, fields) =>
      orStructured(offending, 'this.logger', 'nestjs', method, event, fields);
    lines.push(
      `    ${nest(`this.logger.log(\`Running ${noun} \${${noun}.id} with \${settings.retries} retries\`);`, 'log', `${noun}.running`, `${noun}Id: ${noun}.id, retries: settings.retries`)}`,
    );
    if (chance(0.4))
      lines.push(
        `    ${nest(`this.logger.debug(\`Payload \${JSON.stringify(items).length} bytes\`, ${cap(noun)}Service${index}.name);`, 'debug', 'payload.measured', 'payloadBytes: JSON.stringify(items).length')}`,
      );
    lines.push('    try {', `      await this.process(${noun});`, '    } catch (error) {');
    lines.push(
      `      this.logger.error(\`${cap(noun)} \${${noun}.id} failed\`, (error as Error).stack);`,
    );
    lines.push(
      `      ${nest(`this.logger.warn(\`Retrying ${noun} \${${noun}.id} (attempt \${attempt})\`);`, 'warn', `${noun}.retrying`, `${noun}Id: ${noun}.id, attempt`)}`,
      '    }',
      '  }',
      '',
    );
    lines.push(
      `  private async process(${noun}: { id: string }): Promise<void> {`,
      `    if (!${noun}.id) throw new Error('missing id');`,
      '  }',
      '}',
      '',
      ...filler(index, null, 'nestjs', { ts: true, esm: true }, 2, 6),
    );
    return lines.join('\n');
  }

  function expressRouter(index) {
    const noun = pick(NOUNS);
    const metric = chance(0.5) ? metricBlock('esm', noun) : null;
    const lines = [
      "import express from 'express';",
      ...(metric ? [metric.head] : []),
      '',
      'export const router = express.Router();',
      '',
    ];
    if (metric) lines.push(...metric.body, '');
    lines.push(`router.get('/${noun}s/:id', async (req, res) => {`);
    lines.push(
      `  ${orStructured(`req.log.info(\`Fetching ${noun} \${req.params.id}\`);`, 'req.log', 'pino', 'info', `${noun}.fetching`, `${noun}Id: req.params.id`)}`,
    );
    if (metric) lines.push(`  track${cap(noun)}(req);`);
    if (chance(calibrated ? 1 : 0.6)) lines.push(`  console.log('Served ${noun}', req.params.id);`);
    if (chance(calibrated ? 0.5 : 0.2))
      lines.push(`  console.log({ token: req.headers.authorization });`);
    lines.push(
      `  res.json({ id: req.params.id, index: ${index} });`,
      '});',
      '',
      ...filler(index, null, 'pino', { ts: false, esm: true }, 1, 4),
    );
    return lines.join('\n');
  }

  function utility(index) {
    const noun = pick(NOUNS);
    const head = [
      `export function format${cap(noun)}${index}(value: number): string {`,
      '  return value.toFixed(2);',
      '}',
      '',
      `export const ${noun.toUpperCase()}_LIMIT = ${Math.floor(next() * 1000)};`,
      '',
    ];
    return [...head, ...filler(index, null, 'pino', { ts: true, esm: true }, 0, 4)].join('\n');
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
      if (roll <= 0 || make === utility)
        return { name: `${make.name}-${index}.${extension}`, text: make(index) };
    }
    return { name: `utility-${index}.ts`, text: utility(index) };
  };
}

/**
 * 'calibrated' (the default) is as demanding as the most demanding real repository we measured on
 * both quantities the rules' cost follows: log calls per KB and problems reported per KB. Its files
 * are smaller than most real ones, which weighs the per-file costs more. 'offending' is the same
 * modules with nearly every log call offending: about 2.8 times the problems per KB of any real
 * repository measured, the corpus the benchmark used before, and the one the end-to-end tests take
 * because it exercises every rewrite. 'dense' is the offending modules without the code around their
 * logs: a stress case with small files for fast tests.
 */
const PROFILES = ['calibrated', 'offending', 'dense'];

/**
 * In the calibrated profile, the share of offending log calls (and unbounded metric labels) written
 * the structured way instead. With it the dynamic messages per KB come close to jambonz's (0.42
 * against 0.39), the most of six real repositories measured; all problems per KB come to 0.86,
 * above jambonz's 0.56, since sensitive data, metric labels and misplaced fields stay far above
 * anything real. The log calls per KB stay as dense as there (docs/performance.md, "The corpus").
 */
const STRUCTURED_SHARE = 0.6;

/**
 * The highest density of each quantity the rules' cost follows, per KB of source, over six real
 * repositories linted with the recommended preset and default settings (December 2026): jambonz's
 * feature server, Ghostfolio's API, Vendure's core, Flowise's server, Outline's server and Novu's
 * API. Log calls are the calls the plugin recognises; each rule's figure is its problems. The
 * calibrated profile must reach every one of them (test/bench.test.ts checks it).
 */
const REAL_MAXIMA_PER_KB = {
  logCalls: 1.247, // jambonz: 1,286 log calls in 1,031 KB
  problems: 0.556, // jambonz
  'no-dynamic-message': 0.393, // jambonz
  'no-console': 0.145, // jambonz
  'error-field': 0.028, // Ghostfolio
  'no-sensitive-data': 0.007, // jambonz
  'fields-position': 0.001, // Novu
  'no-unbounded-metric-labels': 0.0004, // Flowise: one report in 2,690 KB
};

/**
 * Writes `count` files under `directory/src` (in folders of 100), plus a logger module, a
 * package.json and an eslint.config.js with the plugin's settings. One file in 500 does not parse.
 */
function writeCorpus(directory, count, seed = 42, { profile = 'calibrated' } = {}) {
  if (!PROFILES.includes(profile))
    throw new Error(
      `profile: expected one of ${PROFILES.join(', ')}, got ${JSON.stringify(profile)}`,
    );
  const make = generator(seed, profile);
  fs.mkdirSync(path.join(directory, 'src'), { recursive: true });
  const files = [];
  for (let index = 0; index < count; index++) {
    const { name, text } = make(index);
    const folder = path.join(directory, 'src', `module-${Math.floor(index / 100)}`);
    fs.mkdirSync(folder, { recursive: true });
    const broken = index % 500 === 499;
    const file = path.join(folder, broken ? `broken-${index}.ts` : name);
    fs.writeFileSync(
      file,
      broken ? `export function broken(${index} {\n  logger.info(\`x \${a}\`;\n` : text,
    );
    files.push(file);
  }
  fs.writeFileSync(
    path.join(directory, 'src', 'logger.ts'),
    "import pino from 'pino';\n\nexport const logger = pino();\n",
  );
  fs.writeFileSync(
    path.join(directory, 'package.json'),
    `${JSON.stringify({ name: 'generated-corpus', private: true, dependencies: { pino: '^10.0.0' } }, null, 2)}\n`,
  );
  fs.writeFileSync(
    path.join(directory, 'eslint.config.js'),
    "module.exports = [{ files: ['**/*.{js,ts}'], settings: { 'structured-logging': { logger: { importFrom: './src/logger', importName: 'logger' } } } }];\n",
  );
  return files;
}

module.exports = { writeCorpus, random, PROFILES, REAL_MAXIMA_PER_KB };

if (require.main === module) {
  const [directory, count = '3000', seed = '42', profile = 'calibrated'] = process.argv.slice(2);
  if (!directory) {
    process.stderr.write(
      `usage: node bench/corpus.js <directory> [count=3000] [seed=42] [profile=calibrated|dense]\n`,
    );
    process.exit(1);
  }
  const files = writeCorpus(path.resolve(directory), Number(count), Number(seed), { profile });
  process.stdout.write(`wrote ${files.length} files (${profile}) to ${directory}\n`);
}
