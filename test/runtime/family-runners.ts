/**
 * The real logging libraries, each set up the way its users commonly set it up, and the call shapes
 * whose printed output family-facts.test.ts observes. The facts themselves are in family-facts.ts.
 */
import bunyan from 'bunyan';
import { createConsola } from 'consola';
import log4js from 'log4js';
import { createRequire } from 'node:module';
import pino from 'pino';
import winston from 'winston';
import type { Fact, Family, Shape } from './family-facts';
import {
  captureStdio,
  createSinkModule,
  errorFromProbe,
  makeErrorProbe,
  printsErrorMessage,
  printsStack,
  type SinkModule,
} from './io';

// @nestjs/common 12 is an ES module: Node 20 requires it, but this CommonJS project's types may only import its types.
const { ConsoleLogger, Logger } = createRequire(__filename)('@nestjs/common') as typeof import(
  '@nestjs/common',
  { with: { 'resolution-mode': 'import' } }
);

/** The constant message every shape logs, a field value, a context string and an error. */
export const MARKERS = {
  text: 'facts.marker.event',
  value: 'VAL_a_81723',
  ctx: 'ctx-string-7781',
} as const;
export const ERROR_PROBE = makeErrorProbe('card declined by issuer');

type Role = 'value' | 'error' | 'ctx';

interface ShapeSpec {
  /** Which of the family's level methods makes the call. */
  role: Role;
  args(error: Error): unknown[];
  /** What the shape passes, so what can be observed: a field value, an error, a context string. */
  has: { value?: true; error?: true; ctx?: true };
}

const { text, value, ctx } = MARKERS;

export const SHAPES: Record<Shape, ShapeSpec> = {
  'msg, {a}': { role: 'value', args: () => [text, { a: value }], has: { value: true } },
  '{a}, msg': { role: 'value', args: () => [{ a: value }, text], has: { value: true } },
  'msg, err': { role: 'error', args: (error) => [text, error], has: { error: true } },
  'msg, {err}': { role: 'error', args: (error) => [text, { err: error }], has: { error: true } },
  'msg, {error: err}': { role: 'error', args: (error) => [text, { error }], has: { error: true } },
  '{err}, msg': { role: 'error', args: (error) => [{ err: error }, text], has: { error: true } },
  '{error: err}, msg': { role: 'error', args: (error) => [{ error }, text], has: { error: true } },
  'msg, err.stack': { role: 'error', args: (error) => [text, error.stack], has: { error: true } },
  "msg, 'ctx-string'": { role: 'ctx', args: () => [text, ctx], has: { ctx: true } },
  "msg, {a}, 'Ctx'": {
    role: 'value',
    args: () => [text, { a: value }, ctx],
    has: { value: true, ctx: true },
  },
};

interface FamilySetup {
  /** Where the family prints: the test sink, or process.stdout/stderr. */
  create(out: SinkModule): unknown;
  methods: Record<Role, string>;
}

const LEVELS = { value: 'info', error: 'error', ctx: 'warn' } as const;
const NEST_LEVELS = { value: 'log', error: 'error', ctx: 'warn' } as const;

function winstonTo(out: SinkModule, format: winston.Logform.Format): winston.Logger {
  return winston.createLogger({
    level: 'debug',
    format,
    transports: [new winston.transports.Stream({ stream: out.sink })],
  });
}

export const FAMILIES: Record<Family, FamilySetup> = {
  pino: { create: (out) => pino(out.sink), methods: LEVELS },
  bunyan: {
    create: (out) =>
      bunyan.createLogger({ name: 'facts', streams: [{ stream: out.sink, level: 'trace' }] }),
    methods: LEVELS,
  },
  'bunyan stdSerializers': {
    create: (out) =>
      bunyan.createLogger({
        name: 'facts',
        streams: [{ stream: out.sink, level: 'trace' }],
        serializers: bunyan.stdSerializers,
      }),
    methods: LEVELS,
  },
  'winston json()': { create: (out) => winstonTo(out, winston.format.json()), methods: LEVELS },
  'winston simple()': { create: (out) => winstonTo(out, winston.format.simple()), methods: LEVELS },
  'winston logstash()': {
    create: (out) => winstonTo(out, winston.format.logstash()),
    methods: LEVELS,
  },
  'winston printf(message only)': {
    create: (out) =>
      winstonTo(
        out,
        winston.format.combine(
          winston.format.timestamp(),
          winston.format.printf(
            ({ level, message, timestamp }) => `${String(timestamp)} ${level}: ${String(message)}`,
          ),
        ),
      ),
    methods: LEVELS,
  },
  'winston errors({stack}) + json()': {
    create: (out) =>
      winstonTo(
        out,
        winston.format.combine(winston.format.errors({ stack: true }), winston.format.json()),
      ),
    methods: LEVELS,
  },
  'nestjs Logger (text)': { create: () => new Logger('Facts'), methods: NEST_LEVELS },
  'nestjs ConsoleLogger({ json: true })': {
    create: () => new ConsoleLogger('Facts', { json: true }),
    methods: NEST_LEVELS,
  },
  'log4js basic layout': {
    create: (out) => {
      log4js.configure({
        appenders: { out: { type: out.log4jsAppender, layout: { type: 'basic' } } },
        categories: { default: { appenders: ['out'], level: 'all' } },
      });
      return log4js.getLogger('facts');
    },
    methods: LEVELS,
  },
  consola: { create: () => createConsola({ level: 5 }), methods: LEVELS },
};

/** Runs one shape through one family's real library and returns everything it printed. */
export async function printed(family: Family, shape: Shape): Promise<string> {
  const setup = FAMILIES[family];
  const spec = SHAPES[shape];
  const out = createSinkModule();
  const { text: stdio } = await captureStdio(() => {
    const logger = setup.create(out) as Record<string, (...args: unknown[]) => unknown>;
    const method = setup.methods[spec.role];
    logger[method](...spec.args(errorFromProbe(ERROR_PROBE)));
  });
  return out.text() + stdio;
}

/** What a family's output keeps of one shape's call. */
export function observe(shape: Shape, output: string): Fact {
  const { has } = SHAPES[shape];
  const fact: Fact = { text: output.includes(text) };
  if (has.value) fact.value = output.includes(value);
  if (has.ctx) fact.ctx = output.includes(ctx);
  if (has.error) {
    fact.errorMessage = printsErrorMessage(output, ERROR_PROBE);
    fact.stack = printsStack(output, ERROR_PROBE);
  }
  return fact;
}
