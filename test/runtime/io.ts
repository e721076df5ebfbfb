/**
 * Runtime I/O for the differential harness and the family facts: a sink loggers write to, a capture
 * of process.stdout/stderr for loggers that write there themselves, a wait for asynchronous
 * transports, and the probe values (errors with a remembered stack) whose survival is checked.
 */
import type { AppenderModule, PatternToken } from 'log4js';
import { Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';

/** The virtual module fixtures import their output from: `import { sink } from 'structured-logging-test-sink'`. */
export const SINK_MODULE = 'structured-logging-test-sink';

/** What `require('structured-logging-test-sink')` gives a fixture: one fresh instance per run. */
export interface SinkModule {
  /** A Writable that keeps everything written to it as text. */
  sink: Writable;
  /** A log4js appender module (`appenders: { out: { type: log4jsAppender, layout: { type: 'basic' } } }`) writing to `sink`. */
  log4jsAppender: AppenderModule;
  /** Everything written to `sink` so far. */
  text(): string;
}

export function createSinkModule(): SinkModule {
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      text += chunk.toString();
      callback();
    },
  });
  const log4jsAppender: AppenderModule = {
    configure(config?: { layout?: { type: string } & Partial<PatternToken> }, layouts?) {
      const layout =
        (config?.layout && layouts?.layout(config.layout.type, config.layout as PatternToken)) ||
        layouts?.basicLayout ||
        String;
      return (event) => {
        sink.write(`${layout(event)}\n`);
      };
    },
  };
  return { sink, log4jsAppender, text: () => text };
}

/** A few event-loop turns and a short timer: enough for winston's piped transports and log4js to write. */
export async function settle(): Promise<void> {
  for (let round = 0; round < 3; round++) {
    for (let turn = 0; turn < 5; turn++)
      await new Promise<void>((resolve) => setImmediate(resolve));
    await new Promise<void>((resolve) => setTimeout(resolve, 5));
  }
}

type Write = typeof process.stdout.write;

/**
 * Runs `body` with process.stdout.write and process.stderr.write collecting their text (NestJS's
 * ConsoleLogger and consola write there themselves), waits for transports to flush, and restores the
 * streams. Returns what was written, ANSI colours removed.
 */
export async function captureStdio<T>(
  body: () => T | Promise<T>,
): Promise<{ result: T; text: string }> {
  let text = '';
  const originalOut = process.stdout.write;
  const originalErr = process.stderr.write;
  const collect = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    const callback = rest.find((arg): arg is () => void => typeof arg === 'function');
    callback?.();
    return true;
  }) as Write;
  process.stdout.write = collect;
  process.stderr.write = collect;
  try {
    const result = await body();
    await settle();
    return { result, text: stripVTControlCharacters(text) };
  } finally {
    process.stdout.write = originalOut;
    process.stderr.write = originalErr;
  }
}

/** A probe as case.json writes it: a value, or `{ "error": "message" }` for an Error. */
export type RawProbe =
  string | number | boolean | null | { error: string } | Record<string, unknown> | unknown[];

export function isErrorProbe(raw: unknown): raw is { error: string } {
  return (
    typeof raw === 'object' &&
    raw !== null &&
    !Array.isArray(raw) &&
    Object.keys(raw).length === 1 &&
    typeof (raw as { error?: unknown }).error === 'string'
  );
}

/** An error probe: its message and the stack every run's copy carries, so outputs can be compared. */
export interface ErrorProbe {
  message: string;
  stack: string;
  /** The first `at ...` line of the stack, trimmed: `at probe_<name> (...)`, so each probe's differs. */
  firstFrame: string;
}

/** Creates the probe's Error inside a function named after the probe: its first stack frame names it. */
export function makeErrorProbe(message: string, name = 'error'): ErrorProbe {
  const functionName = `probe_${name.replace(/\W/g, '_')}`;
  const create = { [functionName]: () => new Error(message) }[functionName];
  const stack = create().stack ?? `Error: ${message}`;
  const firstFrame =
    stack
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line.startsWith('at ')) ?? '';
  return { message, stack, firstFrame };
}

/** A fresh Error carrying the remembered stack: each run gets its own object, all print the same. */
export function errorFromProbe(probe: ErrorProbe): Error {
  const error = new Error(probe.message);
  error.stack = probe.stack;
  return error;
}

/** Whether output shows the error's message. */
export function printsErrorMessage(output: string, probe: ErrorProbe): boolean {
  return output.includes(probe.message);
}

/**
 * Whether output shows the error's stack: its first frame line as it is, or with the working directory
 * or `file://` taken off the path (consola prints frames relative to the working directory).
 */
export function printsStack(output: string, probe: ErrorProbe): boolean {
  if (!probe.firstFrame) return false;
  const variants = [
    probe.firstFrame,
    probe.firstFrame.replace('file://', ''),
    probe.firstFrame.replace(`${process.cwd()}/`, ''),
  ];
  return variants.some((variant) => output.includes(variant));
}

/** The text leaves of a probe value that must survive (strings and numbers, recursively). */
export function probeTokens(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint')
    return [String(value)];
  if (typeof value === 'boolean') return [];
  if (Array.isArray(value)) return value.flatMap(probeTokens);
  if (typeof value === 'object') return Object.values(value).flatMap(probeTokens);
  return [];
}
