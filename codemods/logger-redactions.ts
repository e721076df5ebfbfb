/**
 * The second pass of a run: paths that calls in many files need, added to the `redact` option of
 * the pino logger they log through, which is created in another file. Made once every file was read,
 * so each logger gets one edit however many calls asked for it.
 */
import { createTwoFilesPatch } from 'diff';
import * as fs from 'node:fs';
import * as path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { creationCallAt, redactEdit } from '../core/loggers/redact';
import { applyEdits, oneLine } from '../core/model/edits';
import { parseFile, ParseError } from '../core/model/parse';
import { lineAt } from '../core/model/file';
import { readText, type FileResult } from './process-file';

type Requested = FileResult['loggerRedactions'][number] & { file: string };

const REPORTED_CODE_LENGTH = 160;

function emptyResult(): FileResult {
  return { changed: false, changes: [], skips: [], redactPaths: [], loggerRedactions: [] };
}

/**
 * One result per logger file: the edit made (or, with `write` false, the one that would be), or a
 * failure naming the calls whose values then stay unredacted.
 */
export function applyLoggerRedactions(
  requested: readonly Requested[],
  options: { cwd: string; write: boolean; diff: boolean },
): FileResult[] {
  const byFile = new Map<string, Requested[]>();
  for (const request of requested)
    byFile.set(request.filename, [...(byFile.get(request.filename) ?? []), request]);
  const results: FileResult[] = [];
  for (const [filename, requests] of byFile) {
    const relative = path.relative(options.cwd, filename) || filename;
    const result = emptyResult();
    results.push(result);
    const calls = requests.map((request) => `${request.file}:${request.line}`);
    const fail = (why: string) => {
      result.failure = {
        file: relative,
        error: `could not add redact paths for ${calls.join(', ')} (left unredacted): ${why}`,
      };
    };
    const read = readText(filename);
    if ('error' in read) {
      fail(read.error);
      continue;
    }
    let file;
    try {
      file = parseFile(read.text, filename);
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      fail(error.message);
      continue;
    }
    const edits = [];
    for (const offset of new Set(requests.map((request) => request.offset))) {
      const creation = creationCallAt(file, offset);
      const paths = requests
        .filter((request) => request.offset === offset)
        .flatMap((request) => request.paths);
      const edit = creation
        ? redactEdit(file, creation, paths)
        : { reason: 'the file changed in this run; run the codemod again' };
      if ('reason' in edit) {
        fail(edit.reason);
        break;
      }
      if (creation && edit.edits.length > 0) {
        const [start, end] = creation.range;
        const within = edit.edits.map((change) => ({
          range: [change.range[0] - start, change.range[1] - start] as [number, number],
          text: change.text,
        }));
        result.changes.push({
          file: relative,
          codemod: requests[0].codemod,
          line: lineAt(read.text, start),
          column: start - read.text.lastIndexOf('\n', start - 1),
          before: oneLine(read.text.slice(start, end), REPORTED_CODE_LENGTH),
          after: oneLine(applyEdits(read.text.slice(start, end), within), REPORTED_CODE_LENGTH),
        });
      }
      edits.push(...edit.edits);
    }
    if (result.failure || edits.length === 0) continue;
    const text = applyEdits(read.text, edits);
    result.changed = true;
    if (options.diff)
      result.patch = createTwoFilesPatch(
        relative,
        relative,
        read.text,
        text,
        undefined,
        undefined,
        {
          context: 2,
        },
      );
    if (options.write) writeFileAtomic.sync(filename, text, { mode: fs.statSync(filename).mode });
  }
  return results;
}
