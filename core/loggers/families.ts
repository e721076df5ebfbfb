/**
 * What each logging library accepts and prints, as data: one entry per family. Adding a family
 * touches this file only. The facts are checked against the real libraries by
 * test/runtime/family-facts.test.ts (each library writing to a captured stream).
 */
import type { LoggerStyle } from '../model/settings';

export type FamilyId =
  | 'pino'
  | 'bunyan'
  | 'winston'
  | 'nestjs'
  | 'log4js'
  | 'consola'
  | 'tslog'
  | 'loglevel'
  | 'roarr'
  | 'signale'
  | 'debug';

/**
 * Where an Error keeps its message and stack in the output:
 * - `key`: as a property of the fields object, under this key (pino's `err`, with its serializer);
 * - `fields-argument`: only as the whole fields argument (winston copies `message` and `stack` off
 *   an Error passed as meta; nested inside an object it serialises as `{}`);
 * - `inspected`: anywhere, because the output formats values with util.inspect (log4js, consola);
 * - `stack-argument`: as the stack string in the argument after the message (NestJS `error`).
 */
export type ErrorPlacement =
  | { kind: 'key'; key: string }
  | { kind: 'fields-argument' }
  | { kind: 'inspected'; key: string }
  | { kind: 'stack-argument' };

export interface LoggerFamily {
  id: FamilyId;
  /** Modules whose import names this family. */
  modules: RegExp;
  /** The argument order the analysis locates messages and fields with. */
  style: LoggerStyle;
  /** Whether a call takes a fields object at all; when not, `noFields` says what to do instead. */
  fields: boolean;
  error: ErrorPlacement;
  /** What a structured call looks like, for reports and `structured-logging loggers`. */
  example: string;
  /** Why no structured call can be written for this family, and what to change. */
  noFields?: string;
  /** Keys the library writes on every line itself: a field under one of them would clash with it. */
  reservedKeys?: readonly string[];
}

export const FAMILIES: readonly LoggerFamily[] = [
  {
    id: 'pino',
    modules: /^(pino|pino-http|express-pino-logger|hono-pino|fastify)$/,
    style: 'pino',
    fields: true,
    error: { kind: 'key', key: 'err' },
    example: "logger.info({ orderId, err }, 'order.charge.failed')",
    reservedKeys: ['level', 'time', 'pid', 'hostname', 'msg', 'name', 'v'],
  },
  {
    id: 'bunyan',
    modules: /^bunyan$/,
    style: 'bunyan',
    fields: true,
    error: { kind: 'key', key: 'err' },
    example: "log.info({ orderId, err }, 'order.charge.failed')",
    reservedKeys: ['level', 'time', 'pid', 'hostname', 'msg', 'name', 'v', 'src'],
  },
  {
    id: 'winston',
    modules: /^(winston|express-winston|nest-winston)$/,
    style: 'winston',
    fields: true,
    error: { kind: 'fields-argument' },
    example: "logger.info('order.charge.failed', { orderId })",
    reservedKeys: ['level', 'message'],
  },
  {
    id: 'nestjs',
    modules: /^@nestjs\/common$/,
    style: 'nestjs',
    fields: true,
    error: { kind: 'stack-argument' },
    example: "this.logger.log('order.created', { orderId })",
  },
  {
    id: 'log4js',
    modules: /^log4js$/,
    style: 'winston',
    fields: true,
    error: { kind: 'inspected', key: 'error' },
    example: "logger.info('order.charge.failed', { orderId })",
  },
  {
    id: 'consola',
    modules: /^consola$/,
    style: 'winston',
    fields: true,
    error: { kind: 'inspected', key: 'error' },
    example: "consola.info('order.charge.failed', { orderId })",
  },
  {
    id: 'tslog',
    modules: /^tslog$/,
    style: 'winston',
    fields: true,
    error: { kind: 'inspected', key: 'error' },
    example: "log.info('order.charge.failed', { orderId })",
  },
  {
    id: 'loglevel',
    modules: /^loglevel$/,
    style: 'winston',
    fields: true,
    error: { kind: 'inspected', key: 'error' },
    example: "log.info('order.charge.failed', { orderId })",
  },
  {
    id: 'roarr',
    modules: /^roarr$/,
    style: 'pino',
    fields: true,
    error: { kind: 'key', key: 'error' },
    example: "log.info({ orderId }, 'order.charge.failed')",
  },
  {
    id: 'signale',
    modules: /^signale$/,
    style: 'winston',
    fields: false,
    error: { kind: 'inspected', key: 'error' },
    example: "signale.success('Order created')",
    noFields:
      'signale prints for a terminal user, not a log pipeline: keep its messages as they are',
  },
  {
    id: 'debug',
    modules: /^debug$/,
    style: 'winston',
    fields: false,
    error: { kind: 'inspected', key: 'error' },
    example: "debug('orders')('charge failed %o', { orderId })",
    noFields: 'debug takes printf-style arguments only: move the call to a structured logger',
  },
];

const BY_ID = new Map(FAMILIES.map((family) => [family.id, family]));

export function family(id: FamilyId): LoggerFamily {
  return BY_ID.get(id)!;
}

/** The family a module specifier names, if any (`'pino'`, `'winston'`, `'@nestjs/common'`). */
export function familyOfModule(source: string): LoggerFamily | undefined {
  return FAMILIES.find((entry) => entry.modules.test(source));
}

/** Families whose import alone tells a call's argument order; the others are read from their creation. */
const STYLE_FAMILIES: ReadonlySet<FamilyId> = new Set<FamilyId>([
  'pino',
  'bunyan',
  'winston',
  'nestjs',
]);

/** The argument order a logging module's import implies (`'pino'` for pino-http), for the quick analysis. */
export function styleOfModule(source: string): LoggerStyle | undefined {
  const entry = familyOfModule(source);
  return entry && STYLE_FAMILIES.has(entry.id) ? entry.style : undefined;
}
