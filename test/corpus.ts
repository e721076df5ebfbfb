/** The benchmark's corpus generator (a plain CommonJS script, shared with bench/), typed for the tests. */
export type CorpusProfile = 'calibrated' | 'offending' | 'dense';

export const { writeCorpus, REAL_MAXIMA_PER_KB } = require('../bench/corpus.js') as {
  writeCorpus: (
    directory: string,
    count: number,
    seed?: number,
    options?: { profile?: CorpusProfile },
  ) => string[];
  /** Per KB of source: 'logCalls', 'problems', and each rule's problems by rule name. */
  REAL_MAXIMA_PER_KB: Record<string, number>;
};
