// The least a jscodeshift codemod costs: parse every file, change nothing. bench/run.js runs it
// through jscodeshift's own CLI (its runner, workers and file reading), as a user would.
//
// One parser cannot read every file: `tsx` rejects the angle-bracket casts of .ts files
// (`<Type>value`), and `ts` rejects JSX. A jscodeshift codemod for a mixed repository has to pick
// per file, as this one does; with `tsx` alone, a fifth of the corpus failed fast and flattered the
// baseline.
'use strict';

const jscodeshift = require('jscodeshift');

const byParser = { ts: jscodeshift.withParser('ts'), tsx: jscodeshift.withParser('tsx') };

function parserFor(filename) {
  return /\.[mc]?ts$/.test(filename) ? byParser.ts : byParser.tsx;
}

module.exports = function parseOnly(file) {
  parserFor(file.path)(file.source);
  return undefined;
};
module.exports.parser = 'tsx';
module.exports.parserFor = parserFor;
