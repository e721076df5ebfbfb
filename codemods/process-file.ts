/**
 * One file through the requested codemods: one read, at most one atomic write. Pure apart from the
 * file system, so it runs the same in the main thread and in a worker.
 */
import { createTwoFilesPatch } from 'diff';
import * as fs from 'node:fs';
import writeFileAtomic from 'write-file-atomic';
import type { Settings } from '../core/settings';
import { runCodemods, type ChangeRecord, type SkipRecord } from './engine';
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
}

export interface FileResult {
  changed: boolean;
  changes: Array<{ file: string; codemod: string } & ChangeRecord>;
  skips: Array<{ file: string; codemod: string } & SkipRecord>;
  redactPaths: string[];
  failure?: { file: string; error: string; line?: number; column?: number };
  patch?: string;
}

export function processFile(job: FileJob): FileResult {
  const result: FileResult = { changed: false, changes: [], skips: [], redactPaths: [] };
  let original: string;
  try {
    original = fs.readFileSync(job.file, 'utf8');
  } catch (error) {
    result.failure = { file: job.relative, error: `could not read: ${(error as Error).message}` };
    return result;
  }
  const outcome = runCodemods(job.codemods.map((name) => findCodemod(name)!), original, job.file, job.settings, job.cwd);
  result.skips = outcome.skips.map((skip) => ({ file: job.relative, ...skip }));
  result.redactPaths = outcome.redactPaths ?? [];
  if (outcome.parseError) {
    // Left byte-for-byte as it was, even if an earlier codemod had changed it in memory.
    result.failure = { file: job.relative, error: outcome.parseError.message, line: outcome.parseError.line, column: outcome.parseError.column };
    return result;
  }
  result.changes = outcome.changes.map((change) => ({ file: job.relative, ...change }));
  const text = outcome.output ?? original;
  if (text === original) return result;
  result.changed = true;
  if (job.diff) result.patch = createTwoFilesPatch(job.relative, job.relative, original, text, undefined, undefined, { context: 2 });
  if (job.write) writeFileAtomic.sync(job.file, text, { mode: fs.statSync(job.file).mode });
  return result;
}
