/**
 * What each logging library really prints for each call shape, observed by running it
 * (family-facts.test.ts asserts every entry, so a library upgrade that changes one fails loudly).
 *
 * Each shape logs the constant message `facts.marker.event` (MARKERS.text in family-runners.ts)
 * through the family's info (NestJS: log), error or warn method:
 *   `{a}` is `{ a: 'VAL_a_81723' }`; `err` is an Error('card declined by issuer'); `'ctx-string'` and
 *   `'Ctx'` are the string 'ctx-string-7781'.
 * A fact says what the printed text contains:
 *   text          the message
 *   value         the field value (shapes with `{a}`)
 *   ctx           the trailing string (shapes with a string after the message)
 *   errorMessage  the error's message (shapes with `err`)
 *   stack         the error's first stack frame line (consola prints it relative to the working directory)
 *
 * Versions observed: pino 10.4.0, bunyan 2.0.5, winston 3.19.0, @nestjs/common 12.5.1, log4js 6.9.1,
 * consola 3.4.2 (Node 20).
 */
export type Family =
  | 'pino'
  | 'bunyan'
  | 'bunyan stdSerializers'
  | 'winston json()'
  | 'winston simple()'
  | 'winston logstash()'
  | 'winston printf(message only)'
  | 'winston errors({stack}) + json()'
  | 'nestjs Logger (text)'
  | 'nestjs ConsoleLogger({ json: true })'
  | 'log4js basic layout'
  | 'consola';

export type Shape =
  | 'msg, {a}'
  | '{a}, msg'
  | 'msg, err'
  | 'msg, {err}'
  | 'msg, {error: err}'
  | '{err}, msg'
  | '{error: err}, msg'
  | 'msg, err.stack'
  | "msg, 'ctx-string'"
  | "msg, {a}, 'Ctx'";

export interface Fact {
  text: boolean;
  value?: boolean;
  ctx?: boolean;
  errorMessage?: boolean;
  stack?: boolean;
}

export const FAMILY_FACTS: Readonly<Record<Family, Readonly<Record<Shape, Fact>>>> = {
  // pino: only a merging object BEFORE the message is printed; anything after a message without
  // printf placeholders is dropped. Errors survive only under `err` (its default serializer); under
  // `error` an Error prints as {}.
  pino: {
    'msg, {a}': { text: true, value: false },
    '{a}, msg': { text: true, value: true },
    'msg, err': { text: true, errorMessage: false, stack: false },
    'msg, {err}': { text: true, errorMessage: false, stack: false },
    'msg, {error: err}': { text: true, errorMessage: false, stack: false },
    '{err}, msg': { text: true, errorMessage: true, stack: true },
    '{error: err}, msg': { text: true, errorMessage: false, stack: false },
    'msg, err.stack': { text: true, errorMessage: false, stack: false },
    "msg, 'ctx-string'": { text: true, ctx: false },
    "msg, {a}, 'Ctx'": { text: true, value: false, ctx: false },
  },
  // bunyan without serializers: arguments after the message are util.format-ed into `msg` (so the
  // error's message and stack survive there as text); an Error inside the fields object prints as {}.
  bunyan: {
    'msg, {a}': { text: true, value: true },
    '{a}, msg': { text: true, value: true },
    'msg, err': { text: true, errorMessage: true, stack: true },
    'msg, {err}': { text: true, errorMessage: true, stack: true },
    'msg, {error: err}': { text: true, errorMessage: true, stack: true },
    '{err}, msg': { text: true, errorMessage: false, stack: false },
    '{error: err}, msg': { text: true, errorMessage: false, stack: false },
    'msg, err.stack': { text: true, errorMessage: true, stack: true },
    "msg, 'ctx-string'": { text: true, ctx: true },
    "msg, {a}, 'Ctx'": { text: true, value: true, ctx: true },
  },
  // bunyan with serializers: bunyan.stdSerializers: `{ err }` first keeps message and stack; `{ error }` prints {}.
  'bunyan stdSerializers': {
    'msg, {a}': { text: true, value: true },
    '{a}, msg': { text: true, value: true },
    'msg, err': { text: true, errorMessage: true, stack: true },
    'msg, {err}': { text: true, errorMessage: true, stack: true },
    'msg, {error: err}': { text: true, errorMessage: true, stack: true },
    '{err}, msg': { text: true, errorMessage: true, stack: true },
    '{error: err}, msg': { text: true, errorMessage: false, stack: false },
    'msg, err.stack': { text: true, errorMessage: true, stack: true },
    "msg, 'ctx-string'": { text: true, ctx: true },
    "msg, {a}, 'Ctx'": { text: true, value: true, ctx: true },
  },
  // winston: only an object AFTER the message is merged into the output; an object first replaces the
  // message. A string after the message (a stack, a context name) is dropped without format.splat().
  // An Error passed directly after the message is merged: its message appended to the message, its
  // stack as `stack`; an Error inside the meta object (`{ err }`, `{ error }`) prints as {}.
  'winston json()': {
    'msg, {a}': { text: true, value: true },
    '{a}, msg': { text: false, value: true },
    'msg, err': { text: true, errorMessage: true, stack: true },
    'msg, {err}': { text: true, errorMessage: false, stack: false },
    'msg, {error: err}': { text: true, errorMessage: false, stack: false },
    '{err}, msg': { text: false, errorMessage: false, stack: false },
    '{error: err}, msg': { text: false, errorMessage: false, stack: false },
    'msg, err.stack': { text: true, errorMessage: false, stack: false },
    "msg, 'ctx-string'": { text: true, ctx: false },
    "msg, {a}, 'Ctx'": { text: true, value: true, ctx: false },
  },
  'winston simple()': {
    'msg, {a}': { text: true, value: true },
    '{a}, msg': { text: false, value: false },
    'msg, err': { text: true, errorMessage: true, stack: true },
    'msg, {err}': { text: true, errorMessage: false, stack: false },
    'msg, {error: err}': { text: true, errorMessage: false, stack: false },
    '{err}, msg': { text: false, errorMessage: false, stack: false },
    '{error: err}, msg': { text: false, errorMessage: false, stack: false },
    'msg, err.stack': { text: true, errorMessage: false, stack: false },
    "msg, 'ctx-string'": { text: true, ctx: false },
    "msg, {a}, 'Ctx'": { text: true, value: true, ctx: false },
  },
  'winston logstash()': {
    'msg, {a}': { text: true, value: true },
    '{a}, msg': { text: false, value: true },
    'msg, err': { text: true, errorMessage: true, stack: true },
    'msg, {err}': { text: true, errorMessage: false, stack: false },
    'msg, {error: err}': { text: true, errorMessage: false, stack: false },
    '{err}, msg': { text: false, errorMessage: false, stack: false },
    '{error: err}, msg': { text: false, errorMessage: false, stack: false },
    'msg, err.stack': { text: true, errorMessage: false, stack: false },
    "msg, 'ctx-string'": { text: true, ctx: false },
    "msg, {a}, 'Ctx'": { text: true, value: true, ctx: false },
  },
  // A printf format that prints only timestamp, level and message: no field ever reaches the output.
  // The error's message survives only when the Error itself follows the message (winston appends it).
  'winston printf(message only)': {
    'msg, {a}': { text: true, value: false },
    '{a}, msg': { text: false, value: false },
    'msg, err': { text: true, errorMessage: true, stack: false },
    'msg, {err}': { text: true, errorMessage: false, stack: false },
    'msg, {error: err}': { text: true, errorMessage: false, stack: false },
    '{err}, msg': { text: false, errorMessage: false, stack: false },
    '{error: err}, msg': { text: false, errorMessage: false, stack: false },
    'msg, err.stack': { text: true, errorMessage: false, stack: false },
    "msg, 'ctx-string'": { text: true, ctx: false },
    "msg, {a}, 'Ctx'": { text: true, value: false, ctx: false },
  },
  // format.errors({ stack: true }) changes nothing for these shapes: it only handles an Error that is
  // the info object or its message, not one under a meta key.
  'winston errors({stack}) + json()': {
    'msg, {a}': { text: true, value: true },
    '{a}, msg': { text: false, value: true },
    'msg, err': { text: true, errorMessage: true, stack: true },
    'msg, {err}': { text: true, errorMessage: false, stack: false },
    'msg, {error: err}': { text: true, errorMessage: false, stack: false },
    '{err}, msg': { text: false, errorMessage: false, stack: false },
    '{error: err}, msg': { text: false, errorMessage: false, stack: false },
    'msg, err.stack': { text: true, errorMessage: false, stack: false },
    "msg, 'ctx-string'": { text: true, ctx: false },
    "msg, {a}, 'Ctx'": { text: true, value: true, ctx: false },
  },
  // NestJS ConsoleLogger (text, through `new Logger('Facts')`): every argument is printed (objects
  // through util.inspect, a trailing string on a line of its own when the Logger has its own context),
  // so field values, error messages and stacks survive in any position.
  'nestjs Logger (text)': {
    'msg, {a}': { text: true, value: true },
    '{a}, msg': { text: true, value: true },
    'msg, err': { text: true, errorMessage: true, stack: true },
    'msg, {err}': { text: true, errorMessage: true, stack: true },
    'msg, {error: err}': { text: true, errorMessage: true, stack: true },
    '{err}, msg': { text: true, errorMessage: true, stack: true },
    '{error: err}, msg': { text: true, errorMessage: true, stack: true },
    'msg, err.stack': { text: true, errorMessage: true, stack: true },
    "msg, 'ctx-string'": { text: true, ctx: true },
    "msg, {a}, 'Ctx'": { text: true, value: true, ctx: true },
  },
  // NestJS json mode: an object after the message goes to `params`, an Error to `error`, a stack string
  // to `stack`, a trailing string becomes `context`; an object first becomes `message` and the message
  // text becomes the context.
  'nestjs ConsoleLogger({ json: true })': {
    'msg, {a}': { text: true, value: true },
    '{a}, msg': { text: true, value: true },
    'msg, err': { text: true, errorMessage: true, stack: true },
    'msg, {err}': { text: true, errorMessage: true, stack: true },
    'msg, {error: err}': { text: true, errorMessage: true, stack: true },
    '{err}, msg': { text: true, errorMessage: true, stack: true },
    '{error: err}, msg': { text: true, errorMessage: true, stack: true },
    'msg, err.stack': { text: true, errorMessage: true, stack: true },
    "msg, 'ctx-string'": { text: true, ctx: true },
    "msg, {a}, 'Ctx'": { text: true, value: true, ctx: true },
  },
  // log4js basic layout and consola: every argument is util.format-ed into the line.
  'log4js basic layout': {
    'msg, {a}': { text: true, value: true },
    '{a}, msg': { text: true, value: true },
    'msg, err': { text: true, errorMessage: true, stack: true },
    'msg, {err}': { text: true, errorMessage: true, stack: true },
    'msg, {error: err}': { text: true, errorMessage: true, stack: true },
    '{err}, msg': { text: true, errorMessage: true, stack: true },
    '{error: err}, msg': { text: true, errorMessage: true, stack: true },
    'msg, err.stack': { text: true, errorMessage: true, stack: true },
    "msg, 'ctx-string'": { text: true, ctx: true },
    "msg, {a}, 'Ctx'": { text: true, value: true, ctx: true },
  },
  consola: {
    'msg, {a}': { text: true, value: true },
    '{a}, msg': { text: true, value: true },
    'msg, err': { text: true, errorMessage: true, stack: true },
    'msg, {err}': { text: true, errorMessage: true, stack: true },
    'msg, {error: err}': { text: true, errorMessage: true, stack: true },
    '{err}, msg': { text: true, errorMessage: true, stack: true },
    '{error: err}, msg': { text: true, errorMessage: true, stack: true },
    'msg, err.stack': { text: true, errorMessage: true, stack: true },
    "msg, 'ctx-string'": { text: true, ctx: true },
    "msg, {a}, 'Ctx'": { text: true, value: true, ctx: true },
  },
};
