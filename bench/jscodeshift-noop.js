// The least a jscodeshift codemod costs: parse every file, change nothing. bench/run.js runs it
// through jscodeshift's own CLI (its runner, workers and file reading), as a user would.
'use strict';

module.exports = function parseOnly(file, api) {
  api.jscodeshift(file.source);
  return undefined;
};
module.exports.parser = 'tsx';
