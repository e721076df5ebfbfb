/** Worker thread entry: processes the files the pool hands it, one message each. */
import { parentPort } from 'node:worker_threads';
import { processFile, type FileJob } from './process-file';

parentPort?.on('message', (job: FileJob) => {
  parentPort?.postMessage(processFile(job));
});
