/** The benchmark's corpus generator (a plain CommonJS script, shared with bench/), typed for the tests. */
export type CorpusProfile = 'calibrated' | 'offending' | 'dense';

export const { writeCorpus } = require('../bench/corpus.js') as {
  writeCorpus: (directory: string, count: number, seed?: number, options?: { profile?: CorpusProfile }) => string[];
};
