/**
 * Types of the virtual module the runtime fixtures write their logs to (test/runtime/io.ts creates
 * a fresh one for every run; typecheck.ts adds this declaration to the programs it builds).
 */
declare module 'structured-logging-test-sink' {
  import type { AppenderModule } from 'log4js';
  import type { Writable } from 'node:stream';

  /** Keeps everything written to it as text. */
  export const sink: Writable;
  /** A log4js appender module writing its layout's output to `sink`: `{ type: log4jsAppender, layout: { type: 'basic' } }`. */
  export const log4jsAppender: AppenderModule;
  /** Everything written to `sink` so far. */
  export function text(): string;
}
