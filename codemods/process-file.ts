/**
 * One file through the requested codemods: one read, at most one atomic write. Pure apart from the
 * file system, so it runs the same in the main thread and in a worker.
 */
import { createTwoFilesPatch } from 'diff';
import * as fs from 'node:fs';
import writeFileAtomic from 'write-file-atomic';
import { programOf } from '../core/loggers/types';
import type { Settings } from '../core/model/settings';
import { runCodemods, type ChangeRecord, type FileOutcome, type SkipRecord } from './engine';
import { findCodemod } from './registry';

export interface FileJob {
  file: string;
  relative: string;
  settings: Settings;
  /** Codemod names, in order. */
  codemods: string[];
  cwd: string;
  write: boolean;
  diff: boolean;
  /** The tsconfig of --project: logger contracts may ask its type checker. */
  project?: string;
}

export interface FileResult {
  changed: boolean;
  changes: Array<{ file: string; codemod: string } & ChangeRecord>;
  skips: Array<{ file: string; codemod: string } & SkipRecord>;
  redactPaths: string[];
  /** Paths for pino loggers created in other files; the runner adds them once every file was read. */
  loggerRedactions: NonNullable<FileOutcome['loggerRedactions']>;
  failure?: { file: string; error: string; line?: number; column?: number };
  patch?: string;
}

/**
 * Strict UTF-8: a file in another encoding (a Latin-1 `é` in a comment) would otherwise come back with
 * U+FFFD where its bytes were. A byte order mark is kept as text, so it is written back as it was.
 */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The file's text, or why it cannot be rewritten: only text that gives back every byte is. */
export function readText(file: string): { text: string } | { error: string } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { error: `could not read: ${(error as Error).message}` };
  }
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    return { error: 'not valid UTF-8' };
  }
}

export function processFile(job: FileJob): FileResult {
  const result: FileResult = {
    changed: false,
    changes: [],
    skips: [],
    redactPaths: [],
    loggerRedactions: [],
  };
  const read = readText(job.file);
  if ('error' in read) {
    result.failure = { file: job.relative, error: read.error };
    return result;
  }
  const original = read.text;
  const program = job.project ? programOf(job.project) : undefined;
  const outcome = runCodemods(
    job.codemods.map((name) => findCodemod(name)!),
    original,
    job.file,
    job.settings,
    job.cwd,
    { program, crossFileEdits: true },
  );
  result.skips = outcome.skips.map((skip) => ({ file: job.relative, ...skip }));
  result.redactPaths = outcome.redactPaths ?? [];
  result.loggerRedactions = outcome.loggerRedactions ?? [];
  if (outcome.parseError) {
    // Left byte-for-byte as it was, even if an earlier codemod had changed it in memory.
    result.failure = {
      file: job.relative,
      error: outcome.parseError.message,
      line: outcome.parseError.line,
      column: outcome.parseError.column,
    };
    return result;
  }
  result.changes = outcome.changes.map((change) => ({ file: job.relative, ...change }));
  const text = outcome.output ?? original;
  if (text === original) return result;
  result.changed = true;
  if (job.diff)
    result.patch = createTwoFilesPatch(
      job.relative,
      job.relative,
      original,
      text,
      undefined,
      undefined,
      { context: 2 },
    );
  if (job.write) writeFileAtomic.sync(job.file, text, { mode: fs.statSync(job.file).mode });
  return result;
}
