/**
 * Spreads files over worker threads. Each worker takes the next file when it finishes one, so a few
 * large files do not leave the other cores idle; results come back in file order.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { processFile, type FileJob, type FileResult } from './process-file';

export type { FileResult } from './process-file';

/** Below this many files, starting workers costs more than it saves. */
const MIN_FILES_PER_WORKER = 50;

function workerScript(): string | null {
  // Workers run compiled JavaScript; under a TypeScript test runner there is none next to this file.
  const script = path.join(__dirname, 'worker.js');
  return fs.existsSync(script) ? script : null;
}

export async function processAll(
  jobs: readonly FileJob[],
  workers: number,
  onStart: (index: number) => void,
): Promise<FileResult[]> {
  const script = workerScript();
  const count = Math.min(workers, Math.floor(jobs.length / MIN_FILES_PER_WORKER));
  if (count <= 1 || !script) {
    return jobs.map((job, index) => {
      onStart(index);
      return processFile(job);
    });
  }
  const results: FileResult[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(script);
          let current = -1;
          const feed = () => {
            if (next >= jobs.length) {
              void worker.terminate().then(() => resolve());
              return;
            }
            current = next++;
            onStart(current);
            worker.postMessage(jobs[current]);
          };
          worker.on('message', (result: FileResult) => {
            results[current] = result;
            feed();
          });
          worker.on('error', reject);
          feed();
        }),
    ),
  );
  return results;
}
